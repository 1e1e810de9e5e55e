// util.SurgeCount / UnavailableCount / AllowsSurge (pkg/controller/daemon/util).
import type { DaemonSet } from '@wheelhouse/model';
import { scaledValueFromIntOrPercent } from '../deployment/int-or-percent.js';

const rolling = (ds: DaemonSet) => (ds.spec?.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined);

/** maxSurge scaled to the nodes that should run the pod (percentages round up); 0 without a rolling update. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  const r = rolling(ds);
  return r?.maxSurge === undefined || r.maxSurge === null ? 0 : scaledValueFromIntOrPercent(r.maxSurge, numberToSchedule, true);
}

/** maxUnavailable scaled the same way; 0 without a rolling update. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  const r = rolling(ds);
  return r?.maxUnavailable === undefined || r.maxUnavailable === null ? 0 : scaledValueFromIntOrPercent(r.maxUnavailable, numberToSchedule, true);
}

/** AllowsSurge: a rolling update whose maxSurge is not zero (for one node). */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) !== 0;
}
