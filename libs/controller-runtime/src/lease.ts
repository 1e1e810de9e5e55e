/** A coordination.k8s.io/v1 Lease, as far as leader election reads it. */
export interface Lease {
  metadata: { name?: string | null; namespace?: string | null; resourceVersion?: string | null };
  spec?: LeaseSpec | null;
}

export interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number | null;
  /** RFC 3339. */
  acquireTime?: string | null;
  /** RFC 3339. */
  renewTime?: string | null;
  leaseTransitions?: number | null;
}

export const LEASE_FIELDS = 'metadata { name namespace resourceVersion } spec { holderIdentity leaseDurationSeconds acquireTime renewTime leaseTransitions }';
