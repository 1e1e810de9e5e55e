import { isJsonObject, type JsonObject } from './json-object.js';

/** The NoExecute taints the node lifecycle controller puts on a node that is not Ready (False) or unreachable (Unknown). */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** kube-apiserver's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;

let configuredSeconds = DEFAULT_TOLERATION_SECONDS;

/** Set once by the API process (WHEELHOUSE_DEFAULT_TOLERATION_SECONDS). */
export function setDefaultTolerationSeconds(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`default toleration seconds must be a non-negative integer, not ${seconds}`);
  configuredSeconds = seconds;
}

export function defaultTolerationSeconds(): number {
  return configuredSeconds;
}

/**
 * The DefaultTolerationSeconds admission plugin: a pod that does not already tolerate
 * the not-ready or unreachable NoExecute taint gets a toleration for it with
 * tolerationSeconds, so its pods leave a dead node after that long rather than at once.
 * Pods only, not templates: Kubernetes admits pods.
 */
export function addDefaultTolerations(spec: JsonObject, seconds = configuredSeconds): void {
  const current = spec.tolerations;
  // Anything but a list (or nothing) is for validation to reject, not for defaults to fix.
  if (current !== undefined && current !== null && !Array.isArray(current)) return;
  const tolerations: unknown[] = current ?? [];
  const added: JsonObject[] = [];
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (tolerations.some((t) => isJsonObject(t) && coversNoExecuteTaint(t, key))) continue;
    added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

/** The plugin's own test: the key matches (or is empty) and the effect is NoExecute (or empty). */
function coversNoExecuteTaint(toleration: JsonObject, key: string): boolean {
  const k = toleration.key;
  const effect = toleration.effect;
  return (k === key || k === undefined || k === null || k === '') && (effect === 'NoExecute' || effect === undefined || effect === null || effect === '');
}
