// The API's side of the kubelet connection: where a node's agent listens (its
// addresses and daemonEndpoints, as kube-apiserver finds a kubelet) and one GET to it,
// carrying the API's own credential, never the caller's (the agent asks the API whether
// that credential may use it). A Node writes its own addresses, so only addresses the API
// allows are called: loopback, where every agent of a one-machine cluster listens.
import { isIP } from 'node:net';
import { ApiError, type KubeObject } from '@wheelhouse/resources';

/** 127.0.0.0/8 and ::1: the only kubelet addresses the API will connect to. */
export function isAllowedKubeletHost(host: string): boolean {
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

interface NodeStatusShape {
  addresses?: { type?: string; address?: string }[];
  daemonEndpoints?: { kubeletEndpoint?: { Port?: number } };
}

/** `http://<InternalIP or Hostname>:<kubelet port>`, or undefined when the node does not say or names an address the API does not call. */
export function kubeletBaseUrl(node: KubeObject): string | undefined {
  const status = (node.status ?? {}) as NodeStatusShape;
  const port = status.daemonEndpoints?.kubeletEndpoint?.Port;
  const addresses = status.addresses ?? [];
  const host = addresses.find((a) => a.type === 'InternalIP')?.address ?? addresses.find((a) => a.type === 'Hostname')?.address;
  if (!port || !host || !isAllowedKubeletHost(host)) return undefined;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function kubeletGet(url: string, authorization: string | undefined, nodeName: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    // No redirects: an agent must not send the API's credential on to another address.
    res = await fetch(url, { headers: authorization ? { authorization } : {}, redirect: 'manual', signal: signal ?? AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new ApiError('UNAVAILABLE', `could not reach the node agent of node "${nodeName}" at ${new URL(url).origin}: ${(error as Error).message}`);
  }
  if (res.ok) return res;
  const text = (await res.text().catch(() => '')).trim();
  if (res.status === 404) throw new ApiError('NOT_FOUND', text || `not found on node "${nodeName}"`);
  if (res.status === 401) throw new ApiError('UNAUTHENTICATED', `the node agent of node "${nodeName}" refused the credential`);
  throw new ApiError('UNAVAILABLE', `the node agent of node "${nodeName}" answered ${res.status}${text ? `: ${text}` : ''}`);
}
