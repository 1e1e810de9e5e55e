// The API's side of the kubelet connection: where a node's agent listens (its
// addresses and daemonEndpoints, as kube-apiserver finds a kubelet) and one GET to it,
// carrying the caller's own credential (the agent asks the API whether it is valid).
import { ApiError, type KubeObject } from '@wheelhouse/resources';

interface NodeStatusShape {
  addresses?: { type?: string; address?: string }[];
  daemonEndpoints?: { kubeletEndpoint?: { Port?: number } };
}

/** `http://<InternalIP or Hostname>:<kubelet port>`, or undefined when the node does not say. */
export function kubeletBaseUrl(node: KubeObject): string | undefined {
  const status = (node.status ?? {}) as NodeStatusShape;
  const port = status.daemonEndpoints?.kubeletEndpoint?.Port;
  const addresses = status.addresses ?? [];
  const host = addresses.find((a) => a.type === 'InternalIP')?.address ?? addresses.find((a) => a.type === 'Hostname')?.address;
  if (!port || !host) return undefined;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function kubeletGet(url: string, authorization: string | undefined, nodeName: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers: authorization ? { authorization } : {}, signal: signal ?? AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new ApiError('UNAVAILABLE', `could not reach the node agent of node "${nodeName}" at ${new URL(url).origin}: ${(error as Error).message}`);
  }
  if (res.ok) return res;
  const text = (await res.text().catch(() => '')).trim();
  if (res.status === 404) throw new ApiError('NOT_FOUND', text || `not found on node "${nodeName}"`);
  if (res.status === 401) throw new ApiError('UNAUTHENTICATED', `the node agent of node "${nodeName}" refused the credential`);
  throw new ApiError('UNAVAILABLE', `the node agent of node "${nodeName}" answered ${res.status}${text ? `: ${text}` : ''}`);
}
