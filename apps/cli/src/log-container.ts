/** Which container `wh logs` reads, by kubectl's rules. */
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
