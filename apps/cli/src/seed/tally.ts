/** Counts of apply results, for the seed's progress and summary lines. */
import type { Applied } from '../apply-call.js';

export interface Tally {
  created: number;
  configured: number;
  unchanged: number;
}

export const emptyTally = (): Tally => ({ created: 0, configured: 0, unchanged: 0 });

export function addTally(tally: Tally, results: readonly Pick<Applied, 'action'>[]): Tally {
  const next = { ...tally };
  for (const r of results) next[r.action]++;
  return next;
}

export const sumTally = (a: Tally, b: Tally): Tally => ({ created: a.created + b.created, configured: a.configured + b.configured, unchanged: a.unchanged + b.unchanged });

export const tallyText = (t: Tally) => `${t.created} created, ${t.configured} configured, ${t.unchanged} unchanged`;

export const totalOf = (t: Tally) => t.created + t.configured + t.unchanged;
