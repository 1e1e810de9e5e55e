/** kubectl cordon/drain wording, kept apart from the calls so it is tested on its own. */

/** `node/x cordoned`, `node/x already uncordoned`, with a dry-run suffix. */
export function schedulingMessage(node: string, verb: 'cordoned' | 'uncordoned', changed: boolean, dryRun: boolean): string {
  return `node/${node} ${changed ? '' : 'already '}${verb}${dryRun ? ' (dry run)' : ''}`;
}

/** kubectl's stderr when pods block a drain or outlive the timeout; the node stays cordoned. */
export function drainFailure(node: string, errors: string[]): string {
  const cause = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  return [`error: unable to drain node "${node}" due to error: ${cause}, continuing command...`, 'There are pending nodes to be drained:', ` ${node}`, ...errors].join('\n');
}

/** All of kubectl's drain warnings on one line. */
export const drainWarning = (warnings: string[]) => `Warning: ${warnings.join('; ')}`;

export const timeoutError = (pod: { namespace: string; name: string }, seconds: number) =>
  `error when waiting for pod "${pod.name}" in namespace "${pod.namespace}" to terminate: global timeout reached: ${goDuration(seconds)}`;

/** Go's time.Duration text, as kubectl prints it: 45s, 5m0s, 1h0m0s. */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}
