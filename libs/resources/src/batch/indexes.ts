/**
 * Kubernetes' compressed index lists ("1,3-5,7"), used by status.completedIndexes,
 * status.failedIndexes and successPolicy.rules[].succeededIndexes.
 */

/** Parses "1,3-5" into sorted unique indexes below `completions`; throws with Kubernetes' reason on bad input. */
export function parseIndexes(text: string, completions: number): number[] {
  if (text === '') return [];
  const out: number[] = [];
  let last = -1;
  for (const part of text.split(',')) {
    const [a, b, ...rest] = part.split('-');
    if (rest.length > 0 || a === undefined || !/^\d+$/.test(a) || (b !== undefined && !/^\d+$/.test(b))) {
      throw new Error(`error parsing interval "${part}"`);
    }
    const from = Number(a);
    const to = b === undefined ? from : Number(b);
    if (to < from) throw new Error(`the first index ${from} must be less than or equal to the last index ${to}`);
    if (from <= last) throw new Error('the intervals must be sorted and non-overlapping');
    if (to >= completions) throw new Error(`too large index: ${to}`);
    for (let i = from; i <= to; i++) out.push(i);
    last = to;
  }
  return out;
}

/** Formats sorted unique indexes as Kubernetes does: consecutive runs become "a-b". */
export function formatIndexes(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((x, y) => x - y);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
