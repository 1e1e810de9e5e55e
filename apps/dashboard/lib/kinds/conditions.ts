import type { Tone } from './kind.ts';

// Conditions whose True means trouble (kubelet pressure, a failed ReplicaSet, ...).
const TROUBLE_WHEN_TRUE = /Pressure$|^NetworkUnavailable$|Failure$|^DisruptionTarget$/;

/** Green when the condition is in its healthy state, red when not, gray when unknown. */
export function conditionTone(type: string | null | undefined, status: string | null | undefined): Tone {
  if (status !== 'True' && status !== 'False') return 'gray';
  const good = TROUBLE_WHEN_TRUE.test(type ?? '') ? status === 'False' : status === 'True';
  return good ? 'green' : 'red';
}
