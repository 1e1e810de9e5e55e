import type { KubeObj } from './object.js';

/** One kind's table: its headers and how an object becomes a row. */
export interface Columns {
  headers: string[];
  row(o: KubeObj, now: number): string[];
}
