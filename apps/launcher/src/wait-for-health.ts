// Polls a health URL until it answers 200, so a component that needs the API is started
// only once the API can serve it.
import { setTimeout as sleep } from 'node:timers/promises';

export interface HealthWait {
  timeoutMs: number;
  intervalMs?: number;
  /** Stops the wait early (launcher stopping, component died); the result is then false. */
  signal?: AbortSignal;
}

/** True once `url` answers 200; false if aborted; throws after the timeout. */
export async function waitForHealth(url: string, opts: HealthWait): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no answer yet';
  while (!opts.signal?.aborted) {
    last = await probe(url);
    if (last === 'ok') return true;
    if (Date.now() >= deadline) {
      throw new Error(`${url} did not answer 200 within ${opts.timeoutMs / 1000} s (last: ${last})`);
    }
    await sleep(opts.intervalMs ?? 250, undefined, { signal: opts.signal }).catch(() => undefined);
  }
  return false;
}

/** 'ok', or what went wrong, for the timeout message. */
async function probe(url: string): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status === 200 ? 'ok' : `HTTP ${res.status}`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return cause ?? (err instanceof Error ? err.message : String(err));
  }
}
