/**
 * kubectl drain's eviction loop (k8s.io/kubectl/pkg/drain evictPods): an eviction a
 * disruption budget refuses (429) is tried again every 5s until it passes or the global
 * timeout is reached; a pod gone meanwhile counts as evicted; any other error ends that pod.
 */
import { hasCode } from '@wheelhouse/client';

export interface PodRef {
  namespace: string;
  name: string;
}

export interface RetryDeps {
  evict(pod: PodRef): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** kubectl prints to stderr: `error when evicting pods/"x" -n "ns" (will retry after 5s): <message>`. */
  warn(line: string): void;
  /** kubectl prints `evicting pod ns/x` for each attempt. */
  attempt(pod: PodRef): void;
}

export const EVICTION_RETRY_MS = 5000;

export interface RetryOutcome {
  evicted: PodRef[];
  errors: string[];
}

/** Retries every pod at once; `timeoutSeconds` 0 waits for ever (kubectl's default). */
export async function retryBlockedEvictions<P extends PodRef>(
  pods: readonly P[],
  firstMessage: (pod: P) => string,
  timeoutSeconds: number,
  deps: RetryDeps,
): Promise<RetryOutcome> {
  const deadline = timeoutSeconds > 0 ? deps.now() + timeoutSeconds * 1000 : Number.POSITIVE_INFINITY;
  const outcome: RetryOutcome = { evicted: [], errors: [] };
  await Promise.all(
    pods.map(async (pod) => {
      let message = firstMessage(pod);
      for (;;) {
        deps.warn(`error when evicting pods/"${pod.name}" -n "${pod.namespace}" (will retry after 5s): ${message}`);
        if (deps.now() + EVICTION_RETRY_MS > deadline) {
          outcome.errors.push(`error when evicting pods/"${pod.name}" -n "${pod.namespace}": global timeout reached: ${timeoutSeconds}s`);
          return;
        }
        await deps.sleep(EVICTION_RETRY_MS);
        deps.attempt(pod);
        try {
          await deps.evict(pod);
          outcome.evicted.push({ namespace: pod.namespace, name: pod.name });
          return;
        } catch (error) {
          if (hasCode(error, 'NOT_FOUND')) {
            outcome.evicted.push({ namespace: pod.namespace, name: pod.name });
            return;
          }
          if (!hasCode(error, 'TOO_MANY_REQUESTS')) {
            outcome.errors.push(`error when evicting pods/"${pod.name}" -n "${pod.namespace}": ${(error as Error).message}`);
            return;
          }
          message = (error as Error).message;
        }
      }
    }),
  );
  return outcome;
}
