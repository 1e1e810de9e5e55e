import { StaleWriteError } from './commit.js';

/** How long a write without a user precondition keeps retrying after losing races. */
const RETRY_DEADLINE_MS = 30_000;

/**
 * Runs `attempt` (read, plan, compare-and-swap) again whenever it lost a race to
 * another writer, as Kubernetes' GuaranteedUpdate does, until the deadline. Callers
 * with a user precondition must not retry: their conflict is the answer.
 */
export async function retryOnStale<T>(attempt: () => Promise<T>, lostRace: (error: unknown) => boolean = (e) => e instanceof StaleWriteError): Promise<T> {
  const deadline = Date.now() + RETRY_DEADLINE_MS;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostRace(error) || Date.now() > deadline) throw error;
      // A little jitter spreads out writers that keep colliding on one hot object.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(n, 10)));
    }
  }
}
