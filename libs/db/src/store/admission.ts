import type { PlannedWrite } from './commit.js';
import type { ListOptions, ListResult } from './list.js';
import type { KindInfo } from '@wheelhouse/resources';
import type { WriteClock } from '../plan/write-plan.js';

/**
 * Admission of new objects that must commit together with what it decides (Kubernetes'
 * ResourceQuota admission updates the quota's status.used with compare-and-swap before
 * the object is stored; here both go in one commit). `admit` gets the planned writes of
 * one call and returns the writes to commit: the creates as admitted (possibly changed,
 * e.g. LimitRange defaults) and any extra writes (quota status). It throws to refuse.
 * A lost race on an extra write re-runs admission from fresh reads.
 */
export interface CreateAdmission {
  admit(store: AdmissionReads, writes: PlannedWrite[]): Promise<PlannedWrite[]>;
}

/** What admission reads of the store (the Store fits; kept apart so the two do not import each other). */
export interface AdmissionReads {
  readonly clock: WriteClock;
  list(kind: KindInfo, options: ListOptions): Promise<ListResult>;
}
