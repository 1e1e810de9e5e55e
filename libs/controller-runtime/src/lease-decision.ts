import type { Lease, LeaseSpec } from './lease.js';

/** What a candidate does with the Lease it just read, and the spec it writes. */
export type LeaseDecision =
  /** No Lease: create it, holding it. */
  | { action: 'create'; spec: LeaseSpec }
  /** Free or expired: take it over, at the read resourceVersion (a CONFLICT means someone else won). */
  | { action: 'acquire'; spec: LeaseSpec; resourceVersion: string }
  /** Ours: extend it. */
  | { action: 'renew'; spec: LeaseSpec; resourceVersion: string }
  /** Someone else holds it until `expiresAt` (ms since the epoch). */
  | { action: 'wait'; holder: string; expiresAt: number };

export interface DecideLeaseInput {
  lease: Lease | null;
  /** ms since the epoch. */
  now: number;
  identity: string;
  /** Written into the Lease; also assumed for a Lease that does not say. */
  leaseDurationSeconds: number;
}

/**
 * The leader-election decision, pure so it can be tested as a table
 * (client-go tryAcquireOrRenew). Expiry reads the holder's renewTime: every
 * elector compares it with its own clock, so clocks must agree to well within
 * the lease duration (client-go avoids that by timing from when it saw the
 * record change, at the cost of a full duration's wait after a restart).
 */
export function decideLease({ lease, now, identity, leaseDurationSeconds }: DecideLeaseInput): LeaseDecision {
  const stamp = new Date(now).toISOString();
  if (!lease) {
    return {
      action: 'create',
      spec: { holderIdentity: identity, leaseDurationSeconds, acquireTime: stamp, renewTime: stamp, leaseTransitions: 0 },
    };
  }
  const spec = lease.spec ?? {};
  const resourceVersion = lease.metadata.resourceVersion ?? '';
  const holder = spec.holderIdentity ?? '';
  if (holder === identity) {
    // acquireTime and leaseTransitions stay: a merge patch leaves them alone.
    return { action: 'renew', spec: { holderIdentity: identity, leaseDurationSeconds, renewTime: stamp }, resourceVersion };
  }
  const expiresAt = leaseExpiry(spec, leaseDurationSeconds);
  if (holder !== '' && expiresAt >= now) return { action: 'wait', holder, expiresAt };
  return {
    action: 'acquire',
    spec: {
      holderIdentity: identity,
      leaseDurationSeconds,
      acquireTime: stamp,
      renewTime: stamp,
      leaseTransitions: (spec.leaseTransitions ?? 0) + 1,
    },
    resourceVersion,
  };
}

/** renewTime (or acquireTime) + duration; a Lease with neither has expired. */
export function leaseExpiry(spec: LeaseSpec, defaultDurationSeconds: number): number {
  const renewed = Date.parse(spec.renewTime ?? spec.acquireTime ?? '');
  if (Number.isNaN(renewed)) return -Infinity;
  return renewed + (spec.leaseDurationSeconds ?? defaultDurationSeconds) * 1000;
}
