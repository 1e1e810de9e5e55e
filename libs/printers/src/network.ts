/**
 * The cells of kubectl's Service, Endpoints and EndpointSlice tables (printService,
 * printEndpoints, printEndpointSlice in printers.go), over the fields they read, so the
 * kinds' printer entries are one line each once they are in the model.
 */
import { formatLabels } from './selectors.js';

const LOAD_BALANCER_WIDTH = 16;

export interface ServiceFields {
  spec?: {
    type?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: { port?: number; nodePort?: number; protocol?: string }[];
    selector?: Record<string, string>;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** loadBalancerStatusStringer: sorted unique IPs (else hostnames), cut to 16 characters unless wide. */
export function loadBalancerText(ingress: readonly { ip?: string; hostname?: string }[] | undefined, wide: boolean): string {
  const result = [...new Set((ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
  const text = result.join(',');
  return !wide && text.length > LOAD_BALANCER_WIDTH ? `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : text;
}

/** getServiceExternalIP: external IPs, the load balancer's address (or <pending>), the external name. */
export function serviceExternalIP(svc: ServiceFields, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerText(svc.status?.loadBalancer?.ingress, wide);
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port; `<none>` when there is none. */
export function servicePorts(svc: ServiceFields): string {
  const text = (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return text || '<none>';
}

/** TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S); SELECTOR is wide. */
export function serviceCells(svc: ServiceFields, wide: boolean): { type: string; clusterIP: string; externalIP: string; ports: string; selector: string } {
  return {
    type: svc.spec?.type ?? '',
    clusterIP: svc.spec?.clusterIPs?.[0] || '<none>',
    externalIP: serviceExternalIP(svc, wide),
    ports: servicePorts(svc),
    selector: formatLabels(svc.spec?.selector),
  };
}

/** listWithMoreString: at most three, then ` + N more...`; `<unset>` when empty. */
function listWithMore(list: string[], count: number, max: number): string {
  const text = list.join(',');
  if (count > max) return `${text} + ${count - max} more...`;
  return text || '<unset>';
}

/** formatDiscoveryPorts: the EndpointSlice's PORTS. */
export function endpointSlicePorts(ports: readonly { port?: number; name?: string }[] | undefined): string {
  const list = (ports ?? []).slice(0, 3).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
  return listWithMore(list, (ports ?? []).length, 3);
}

/** formatDiscoveryEndpoints: the EndpointSlice's ENDPOINTS, addresses across endpoints. */
export function endpointSliceAddresses(endpoints: readonly { addresses?: string[] }[] | undefined): string {
  const all = (endpoints ?? []).flatMap((e) => e.addresses ?? []);
  return listWithMore(all.slice(0, 3), all.length, 3);
}

export interface EndpointsFields {
  subsets?: { addresses?: { ip?: string }[]; ports?: { port?: number; name?: string }[] }[];
}

/** formatEndpoints: `ip:port` per address and port (IPs alone without ports), at most three, `<none>` when empty. */
export function endpointsText(endpoints: EndpointsFields): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  const add = (text: string) => {
    count++;
    if (list.length < 3) list.push(text);
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) for (const a of addresses) add(a.ip ?? '');
    else for (const port of ss.ports) for (const a of addresses) add(hostPort(a.ip ?? '', port.port ?? 0));
  }
  const text = list.join(',');
  return count > 3 ? `${text} + ${count - 3} more...` : text;
}

/** net.JoinHostPort: IPv6 addresses in brackets. */
const hostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
