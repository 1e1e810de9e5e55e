/** Which pod and container `wh logs` reads, by kubectl's rules. */
import { CliError } from './errors.js';
import type { KubeObj } from './print/object.js';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** The requested container, else the annotated default (with kubectl's notice), else the only one. */
export function chooseContainer(pod: KubeObj, requested: string | undefined): { container: string; notice?: string } {
  if (requested) return { container: requested };
  const names: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && names.includes(annotated)) {
    return { container: annotated, notice: names.length > 1 ? `Defaulted container "${annotated}" out of: ${names.join(', ')}` : undefined };
  }
  if (names.length === 1) return { container: names[0]! };
  throw new CliError(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
}

/** `--since 5m` and `-f` together: the follow stream starts from as many lines as the window holds. */
export const lineCount = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

/** A workload's label selector as selector text (`matchLabels` and `matchExpressions`, or an RC's plain map). */
export function selectorText(selector: unknown): string {
  const sel = (selector ?? {}) as { matchLabels?: Record<string, string> | null; matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null };
  const isLabelSelector = 'matchLabels' in sel || 'matchExpressions' in sel;
  const labels = (isLabelSelector ? sel.matchLabels : (selector as Record<string, string>)) ?? {};
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  for (const e of (isLabelSelector ? sel.matchExpressions : null) ?? []) {
    if (e.operator === 'In' || e.operator === 'NotIn') parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** The oldest pod, name breaking ties: a stable choice among a workload's pods. */
export function firstPod<T extends KubeObj>(pods: readonly T[]): T | undefined {
  const key = (p: T) => `${p.metadata.creationTimestamp ?? ''}\u0000${p.metadata.name ?? ''}`;
  return [...pods].sort((a, b) => key(a).localeCompare(key(b)))[0];
}

/** `--prefix`: each line starts with `[pod/NAME/CONTAINER] `, as kubectl's. */
export function prefixLines(text: string, prefix: string | undefined): string {
  if (!prefix || text === '') return text;
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return (
    body
      .split('\n')
      .map((line) => `${prefix} ${line}`)
      .join('\n') + (text.endsWith('\n') ? '\n' : '')
  );
}

export const logPrefix = (pod: string, container: string) => `[pod/${pod}/${container}]`;
