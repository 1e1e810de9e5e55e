// Event messages of the ReplicaSet controller. One SuccessfulCreate / SuccessfulDelete
// event per sync (Kubernetes writes one per pod; each event costs our API two calls).

/** "pod: a", "pods: a, b", or the count, the first `limit` names and how many more. */
export function podList(names: readonly string[], limit = 20): string {
  if (names.length === 1) return `pod: ${names[0]}`;
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${names.length} pods: ${shown}, and ${names.length - limit} more` : `pods: ${shown}`;
}
