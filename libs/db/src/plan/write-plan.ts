import type { KubeObject } from '@wheelhouse/resources';

/** What a write decided to do with one object; the store turns it into rows and log entries. */
export type WritePlan =
  | { type: 'unchanged'; object: KubeObject }
  | { type: 'create'; object: KubeObject }
  | { type: 'update'; object: KubeObject; expectedResourceVersion: string }
  | { type: 'delete'; object: KubeObject; expectedResourceVersion: string };

export interface WriteClock {
  now(): Date;
  newUid(): string;
  /** Five characters for generateName, as Kubernetes' `[bcdfghjklmnpqrstvwxz2456789]{5}`. */
  nameSuffix(): string;
}
