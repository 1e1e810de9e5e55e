import { spawnComponent, type ComponentProcess } from './component.js';

export function spawnControllerManager(apiUrl: string, env: Record<string, string> = {}): ComponentProcess {
  return spawnComponent('apps/controller-manager/dist/main.js', apiUrl, env);
}

/** Polls `check` until it returns a value (not undefined, null or false) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
