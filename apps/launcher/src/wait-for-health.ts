// Polls a health URL until it answers 200, so a component that needs the API is started
// only once the API can serve it.
import { get } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

export interface HealthWait {
  timeoutMs: number;
  intervalMs?: number;
  /** Stops the wait early (launcher stopping, component died); the result is then false. */
  signal?: AbortSignal;
  /** PEM of the CA an https URL's certificate must chain to. */
  ca?: string;
}

/** True once `url` answers 200; false if aborted; throws after the timeout. */
export async function waitForHealth(url: string, opts: HealthWait): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no answer yet';
  while (!opts.signal?.aborted) {
    last = url.startsWith('https:') ? await probeHttps(url, opts.ca) : await probe(url);
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

/** The same over https, verified against the cluster CA (fetch takes no CA without undici). */
function probeHttps(url: string, ca: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const req = get(url, { ca, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? 'ok' : `HTTP ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve((err as NodeJS.ErrnoException).code ?? err.message));
  });
}
