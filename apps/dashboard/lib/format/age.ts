/** kubectl's ages (duration.HumanDuration), the same function `wh` prints with. */
export { age, humanDuration } from '@wheelhouse/printers';

/** Milliseconds since the timestamp, for sorting by age (absent sorts as newest). */
export function ageMs(timestamp: string | null | undefined, now: number): number {
  return timestamp ? now - Date.parse(timestamp) : 0;
}
