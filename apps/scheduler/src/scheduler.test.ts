import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '@wheelhouse/model';
import { isPending, withPodScheduled } from './scheduler.js';
import { resolveToken, stripNulls } from '@wheelhouse/controller-runtime';
import { configFromEnv } from './config.js';

const pod = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}, status?: Record<string, unknown>): Pod =>
  ({ metadata: { name: 'p', namespace: 'default', ...metadata }, spec: { containers: [], ...spec }, ...(status ? { status } : {}) }) as Pod;

test('isPending: unbound, ours, not deleting, not finished', () => {
  assert.equal(isPending(pod()), true);
  assert.equal(isPending(pod({ schedulerName: 'default-scheduler' })), true);
  assert.equal(isPending(pod({ schedulerName: 'other' })), false);
  assert.equal(isPending(pod({ nodeName: 'n1' })), false);
  assert.equal(isPending(pod({}, { deletionTimestamp: '2026-01-01T00:00:00Z' })), false);
  assert.equal(isPending(pod({}, {}, { phase: 'Failed' })), false);
});

test('withPodScheduled keeps other conditions, replaces PodScheduled, skips a no-op', () => {
  const now = new Date('2026-01-01T00:00:00.123Z');
  const p = pod({}, {}, { conditions: [{ type: 'Ready', status: 'False' }] });
  const first = withPodScheduled(p, { status: 'False', reason: 'Unschedulable', message: 'm' }, now)!;
  assert.deepEqual(first, [
    { type: 'Ready', status: 'False' },
    { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'm', lastTransitionTime: '2026-01-01T00:00:00Z' },
  ]);
  const again = pod({}, {}, { conditions: first });
  assert.equal(withPodScheduled(again, { status: 'False', reason: 'Unschedulable', message: 'm' }, new Date()), undefined);
  const changed = withPodScheduled(again, { status: 'False', reason: 'Unschedulable', message: 'other' }, new Date('2027-01-01T00:00:00Z'))!;
  assert.equal(changed[1]!.lastTransitionTime, '2026-01-01T00:00:00Z', 'same status keeps the transition time');
  const bound = withPodScheduled(again, { status: 'True' }, new Date('2027-01-01T00:00:00Z'))!;
  assert.deepEqual(bound[1], { type: 'PodScheduled', status: 'True', lastTransitionTime: '2027-01-01T00:00:00Z' });
});

test('config from env: lease, metrics port, token', () => {
  const c = configFromEnv({ WHEELHOUSE_TOKEN: 't', WHEELHOUSE_SERVER: 'http://x/graphql', WHEELHOUSE_LEASE_DURATION_SECONDS: '3' });
  assert.equal(c.token, 't');
  assert.equal(c.server, 'http://x/graphql');
  assert.equal(`${c.leaseNamespace}/${c.leaseName}`, 'kube-system/wheelhouse-scheduler');
  assert.equal(c.leaseDurationSeconds, 3);
  assert.equal(c.metricsPort, 10259);
  assert.equal(configFromEnv({ WHEELHOUSE_TOKEN: 't', WHEELHOUSE_SCHEDULER_METRICS_PORT: '0' }).metricsPort, 0);
  assert.equal(resolveToken({ WHEELHOUSE_ADMIN_TOKEN: 'a' }), 'a');
  assert.throws(() => resolveToken({ WHEELHOUSE_DATA_DIR: '/nonexistent-wheelhouse' }), /no API token/);
});

test('stripNulls drops nulls deeply', () => {
  assert.deepEqual(stripNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }] }), { b: { d: 1 }, e: [{}] });
});
