import type { WheelhouseClient } from './client.js';

export interface TokenRequestOptions {
  namespace: string;
  serviceAccountName: string;
  /** Default: the API itself. */
  audiences?: string[];
  /** Default 3600, at least 600. */
  expirationSeconds?: number;
  /** Bind the token to this pod: it stops working once the pod is gone (what a kubelet asks for a projected token). */
  boundPodName?: string;
}

export interface ServiceAccountToken {
  token: string;
  expirationTimestamp: string;
}

const CREATE_TOKEN = `mutation CreateToken($namespace: String!, $serviceAccountName: String!, $audiences: [String!], $expirationSeconds: Int, $boundPodName: String) {
  createToken(namespace: $namespace, serviceAccountName: $serviceAccountName, audiences: $audiences, expirationSeconds: $expirationSeconds, boundPodName: $boundPodName) {
    status { token expirationTimestamp }
  }
}`;

/**
 * The TokenRequest (serviceaccounts/token) call: `wh create token`, and the node agent when it
 * projects a pod's ServiceAccount token into the pod (with `boundPodName`, refreshing before
 * `expirationTimestamp`).
 */
export async function requestServiceAccountToken(client: WheelhouseClient, options: TokenRequestOptions): Promise<ServiceAccountToken> {
  const data = await client.request<{ createToken: { status: ServiceAccountToken } }>(CREATE_TOKEN, { ...options });
  return data.createToken.status;
}
