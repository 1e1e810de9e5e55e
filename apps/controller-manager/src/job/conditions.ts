import type { JobCondition } from './types.js';

export const isTrue = (conditions: readonly JobCondition[], type: string) => conditions.some((c) => c.type === type && c.status === 'True');
export const findCondition = (conditions: readonly JobCondition[], type: string) => conditions.find((c) => c.type === type);

/** The conditions with `type` set; the transition time moves only when the status changes. */
export function withCondition(conditions: readonly JobCondition[], type: string, status: JobCondition['status'], reason: string, message: string, now: string): JobCondition[] {
  const existing = findCondition(conditions, type);
  if (existing && existing.status === status && existing.reason === reason && existing.message === message) return [...conditions];
  const next: JobCondition = {
    type,
    status,
    reason,
    message,
    lastProbeTime: now,
    lastTransitionTime: existing && existing.status === status ? (existing.lastTransitionTime ?? now) : now,
  };
  return existing ? conditions.map((c) => (c === existing ? next : c)) : [...conditions, next];
}
