/** kubectl's `get` columns of Services, Endpoints and EndpointSlices (pkg/printers/internalversion/printers.go). */
import { age } from './age.js';
import type { Columns } from './columns-type.js';
import type { KubeObj } from './object.js';

type Port = { name?: string; port?: number; protocol?: string; nodePort?: number };

/** getServiceExternalIP: LoadBalancer ingress (else <pending>), external IPs, or the ExternalName. */
export function serviceExternalIP(o: KubeObj): string {
  const spec = o.spec ?? {};
  const external: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    case 'LoadBalancer': {
      const ingress = ((o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...ingress, ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    default:
      return external.length ? external.join(',') : '<none>';
  }
}

/** makePortString: `80/TCP`, with a NodePort `80:30080/TCP`. */
export function servicePorts(o: KubeObj): string {
  const ports: Port[] = o.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

const MAX_SHOWN = 3;

/** formatEndpoints: the first three ready `ip:port`s and how many more. */
export function endpointsSummary(o: KubeObj): string {
  const subsets: { addresses?: { ip: string }[]; ports?: Port[] }[] = o.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const targets = (ss.ports ?? []).length ? (ss.ports ?? []).flatMap((p) => addresses.map((a) => `${a.ip}:${p.port}`)) : addresses.map((a) => a.ip);
    count += targets.length;
    for (const t of targets) {
      if (list.length === MAX_SHOWN) more = true;
      else list.push(t);
    }
  }
  return more ? `${list.join(',')} + ${count - MAX_SHOWN} more...` : list.join(',');
}

function discoveryList(values: string[]): string {
  if (values.length === 0) return '<unset>';
  const shown = values.slice(0, MAX_SHOWN).join(',');
  return values.length > MAX_SHOWN ? `${shown} + ${values.length - MAX_SHOWN} more...` : shown;
}

/** formatDiscoveryPorts / formatDiscoveryEndpoints. */
export const slicePorts = (o: KubeObj) => discoveryList(((o.ports ?? []) as Port[]).map((p) => (p.port !== undefined ? String(p.port) : p.name || '*')));
export const sliceEndpoints = (o: KubeObj) => discoveryList(((o.endpoints ?? []) as { addresses?: string[] }[]).flatMap((e) => e.addresses ?? []));

const selectorText = (selector: Record<string, string> | undefined) =>
  Object.entries(selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '<none>';

const ageCol = (o: KubeObj, now: number) => age(o.metadata.creationTimestamp, now);

export const NETWORK_TABLES: Record<string, Columns> = {
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', o.spec?.type ?? 'ClusterIP', o.spec?.clusterIP || '<none>', serviceExternalIP(o), servicePorts(o), ageCol(o, now)],
  },
  Endpoints: { headers: ['NAME', 'ENDPOINTS', 'AGE'], row: (o, now) => [o.metadata.name ?? '', endpointsSummary(o), ageCol(o, now)] },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', o.addressType ?? '', slicePorts(o), sliceEndpoints(o), ageCol(o, now)],
  },
};

export const NETWORK_WIDE: Record<string, Columns> = {
  Service: { headers: ['SELECTOR'], row: (o) => [selectorText(o.spec?.selector)] },
};
