import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lease } from './lease.js';
import { decideLease } from './lease-decision.js';

const NOW = Date.parse('2025-01-01T00:00:30.000Z');
const STAMP = new Date(NOW).toISOString();

const lease = (spec: Lease['spec'], resourceVersion = '7'): Lease => ({ metadata: { name: 'l', namespace: 'kube-system', resourceVersion }, spec });

const cases: { name: string; lease: Lease | null; expect: ReturnType<typeof decideLease> }[] = [
  {
    name: 'absent → create, holding it',
    lease: null,
    expect: { action: 'create', spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: STAMP, renewTime: STAMP, leaseTransitions: 0 } },
  },
  {
    name: 'ours → renew (acquireTime and transitions untouched)',
    lease: lease({ holderIdentity: 'me', leaseDurationSeconds: 15, renewTime: '2025-01-01T00:00:00Z', leaseTransitions: 3 }),
    expect: { action: 'renew', spec: { holderIdentity: 'me', leaseDurationSeconds: 15, renewTime: STAMP }, resourceVersion: '7' },
  },
  {
    name: 'other holder, renewed 10 s ago with 15 s → wait until it expires',
    lease: lease({ holderIdentity: 'other', leaseDurationSeconds: 15, renewTime: '2025-01-01T00:00:20Z' }),
    expect: { action: 'wait', holder: 'other', expiresAt: Date.parse('2025-01-01T00:00:35Z') },
  },
  {
    name: 'other holder, expiring exactly now → still valid',
    lease: lease({ holderIdentity: 'other', leaseDurationSeconds: 15, renewTime: '2025-01-01T00:00:15Z' }),
    expect: { action: 'wait', holder: 'other', expiresAt: NOW },
  },
  {
    name: 'other holder, expired 1 ms ago → acquire, counting a transition',
    lease: lease({ holderIdentity: 'other', leaseDurationSeconds: 15, renewTime: '2025-01-01T00:00:14.999Z', leaseTransitions: 4 }),
    expect: {
      action: 'acquire',
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: STAMP, renewTime: STAMP, leaseTransitions: 5 },
      resourceVersion: '7',
    },
  },
  {
    name: 'the holder’s own duration counts, not ours',
    lease: lease({ holderIdentity: 'other', leaseDurationSeconds: 60, renewTime: '2025-01-01T00:00:00Z' }),
    expect: { action: 'wait', holder: 'other', expiresAt: Date.parse('2025-01-01T00:01:00Z') },
  },
  {
    name: 'released (no holder) → acquire at once, however recent renewTime is',
    lease: lease({ holderIdentity: null, leaseDurationSeconds: 15, renewTime: STAMP, leaseTransitions: 1 }),
    expect: {
      action: 'acquire',
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: STAMP, renewTime: STAMP, leaseTransitions: 2 },
      resourceVersion: '7',
    },
  },
  {
    name: 'empty-string holder counts as released',
    lease: lease({ holderIdentity: '', renewTime: STAMP }),
    expect: {
      action: 'acquire',
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: STAMP, renewTime: STAMP, leaseTransitions: 1 },
      resourceVersion: '7',
    },
  },
  {
    name: 'held without renewTime but with a fresh acquireTime → wait',
    lease: lease({ holderIdentity: 'other', acquireTime: '2025-01-01T00:00:29Z' }),
    expect: { action: 'wait', holder: 'other', expiresAt: Date.parse('2025-01-01T00:00:44Z') },
  },
  {
    name: 'held with no times at all → expired, acquire',
    lease: lease(null),
    expect: {
      action: 'acquire',
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: STAMP, renewTime: STAMP, leaseTransitions: 1 },
      resourceVersion: '7',
    },
  },
];

for (const c of cases) {
  test(`decideLease: ${c.name}`, () => {
    assert.deepEqual(decideLease({ lease: c.lease, now: NOW, identity: 'me', leaseDurationSeconds: 15 }), c.expect);
  });
}
