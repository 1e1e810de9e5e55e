// Node bootstrap, as a kubelet's TLS bootstrap: the agent starts with the shared node token
// (which may do nothing else) and exchanges it for its node's own credential, the user
// system:node:NAME in system:nodes, whom the node authorizer lets write only that node's
// objects. A credential that cannot be exchanged (an older API, a plain user token) is
// used as it is, said once in the log.
import { WheelhouseClient, WheelhouseError } from '@wheelhouse/client';

const EXCHANGE = `mutation NodeCredential($nodeName: String!) { nodeCredential(nodeName: $nodeName) { username token expirationTimestamp } }`;

export interface ExchangeOptions {
  server: string;
  token: string;
  nodeName: string;
  log(message: string, error?: unknown): void;
  /** Between attempts while the API cannot be reached. */
  retryMs?: number;
  signal?: AbortSignal;
}

/** The token the agent should use for its node. */
export async function nodeToken(o: ExchangeOptions): Promise<string> {
  const client = new WheelhouseClient({ server: o.server, token: o.token });
  for (;;) {
    try {
      const data = await client.request<{ nodeCredential: { username: string; token: string } }>(EXCHANGE, { nodeName: o.nodeName });
      o.log(`node-agent: authenticated as ${data.nodeCredential.username}`);
      return data.nodeCredential.token;
    } catch (error) {
      // The API answered no: keep the configured credential (its rights are RBAC's to decide).
      if (error instanceof WheelhouseError && error.code !== 'UNAVAILABLE' && error.code !== 'TOO_MANY_REQUESTS') {
        o.log('node-agent: no node credential for this token, using it as it is', error);
        return o.token;
      }
      if (o.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, o.retryMs ?? 1000));
    }
  }
}
