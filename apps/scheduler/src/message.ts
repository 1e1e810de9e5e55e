// framework.FitError.Error(): "0/N nodes are available: <histogram>." The histogram counts
// each reason once per node and sorts the "count reason" strings (Go's sort.Strings).

export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The message for a pod no node fits; `reasons` maps each filtered node to its reasons. */
export function unschedulableMessage(numAllNodes: number, reasons: ReadonlyMap<string, readonly string[]>): string {
  if (numAllNodes === 0) return ERR_NO_NODES_AVAILABLE;
  const histogram = new Map<string, number>();
  for (const nodeReasons of reasons.values()) {
    for (const reason of nodeReasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  }
  const parts = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(byteOrder);
  return `0/${numAllNodes} nodes are available: ${parts.join(', ')}.`;
}
