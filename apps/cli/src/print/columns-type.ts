import type { KubeObj } from './object.js';

/** One kind's `get` table: its headers and a row per object. */
export interface Columns {
  headers: string[];
  row(o: KubeObj, now: number): string[];
}
