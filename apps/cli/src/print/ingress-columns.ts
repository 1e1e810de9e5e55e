/** kubectl's `get` columns of Ingresses and IngressClasses (pkg/printers/internalversion/printers.go). */
import { age } from './age.js';
import type { Columns } from './columns-type.js';
import type { KubeObj } from './object.js';

const MAX_SHOWN = 3;

/** formatHosts: the rules' hosts, `*` for a rule without one, at most three shown. */
export function ingressHosts(o: KubeObj): string {
  const hosts = ((o.spec?.rules ?? []) as { host?: string }[]).map((r) => r.host || '*');
  if (hosts.length === 0) return '*';
  const shown = hosts.slice(0, MAX_SHOWN).join(',');
  return hosts.length > MAX_SHOWN ? `${shown} + ${hosts.length - MAX_SHOWN} more...` : shown;
}

/** ingressLoadBalancerStatusStringer: the IPs or host names the controller published. */
export function ingressAddress(o: KubeObj): string {
  const ingress = (o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[];
  return ingress
    .map((i) => i.ip || i.hostname || '')
    .filter(Boolean)
    .join(',');
}

/** formatPorts: 80, and 443 when the Ingress has TLS. */
export const ingressPorts = (o: KubeObj) => ((o.spec?.tls ?? []).length > 0 ? '80, 443' : '80');

function classParameters(o: KubeObj): string {
  const p = o.spec?.parameters as { apiGroup?: string; kind?: string; name?: string } | undefined;
  if (!p) return '<none>';
  return `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}`;
}

export const INGRESS_TABLES: Record<string, Columns> = {
  Ingress: {
    headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', o.spec?.ingressClassName ?? '<none>', ingressHosts(o), ingressAddress(o), ingressPorts(o), age(o.metadata.creationTimestamp, now)],
  },
  IngressClass: {
    headers: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', o.spec?.controller ?? '', classParameters(o), age(o.metadata.creationTimestamp, now)],
  },
};
