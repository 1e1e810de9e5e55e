import { readFileSync } from 'node:fs';
import { Agent, type Dispatcher } from 'undici';
import WebSocket from 'ws';

/**
 * The CA that signed the API's certificate (`<data dir>/pki/ca.crt`): the `ca` option,
 * else the file named by WHEELHOUSE_CA_FILE. Without one, Node's default trust applies
 * (and NODE_EXTRA_CA_CERTS, which Node reads itself).
 */
export function caFromEnvironment(ca: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (ca) return ca;
  const file = env.WHEELHOUSE_CA_FILE?.trim();
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`WHEELHOUSE_CA_FILE: cannot read ${file}: ${(error as Error).message}`);
  }
}

/** An HTTP dispatcher for fetch that trusts `ca` (and only it, as kubectl with certificate-authority). */
export function dispatcherTrusting(ca: string): Dispatcher {
  return new Agent({ connect: { ca } });
}

/** The `ws` WebSocket, verifying the server against `ca`. */
export function webSocketTrusting(ca: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { ca });
    }
  } as typeof WebSocket;
}
