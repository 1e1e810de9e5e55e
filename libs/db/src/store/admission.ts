import type { PlannedWrite } from './commit.js';
import type { Store } from './store.js';

/**
 * Admission of new objects that must commit together with what it decides (Kubernetes'
 * ResourceQuota admission updates the quota's status.used with compare-and-swap before
 * the object is stored; here both go in one commit). `admit` gets the planned writes of
 * one call and returns the writes to commit: the creates as admitted (possibly changed,
 * e.g. LimitRange defaults) and any extra writes (quota status). It throws to refuse.
 * A lost race on an extra write re-runs admission from fresh reads.
 */
export interface CreateAdmission {
  admit(store: Store, writes: PlannedWrite[]): Promise<PlannedWrite[]>;
}
