import { isIP } from 'node:net';

/**
 * Whether the API serves TLS: always when it listens beyond loopback (every other
 * machine could read the bearer tokens otherwise), and whenever WHEELHOUSE_TLS asks.
 * On loopback the default stays plain HTTP (API.md). Pure, so the rule is unit-tested.
 */
export function wantsTls(env: NodeJS.ProcessEnv): boolean {
  const asked = (env.WHEELHOUSE_TLS ?? '').trim().toLowerCase();
  if (asked === '1' || asked === 'true' || asked === 'on') return true;
  return !isLoopbackHost(env.HOST?.trim() || '127.0.0.1');
}

/** 127.0.0.0/8, ::1 and localhost; `0.0.0.0` and `::` (every interface) are not. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}
