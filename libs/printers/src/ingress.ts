/** kubectl's Ingress and IngressClass cells (pkg/printers/internalversion/printers.go). */
import type { Ingress, IngressClass } from '@wheelhouse/model';

const MAX_SHOWN = 3;

/** formatHosts: the rules' hosts, `*` for a rule without one, at most three shown. */
export function ingressHosts(o: Ingress): string {
  const hosts = (o.spec?.rules ?? []).map((r) => r.host || '*');
  if (hosts.length === 0) return '*';
  const shown = hosts.slice(0, MAX_SHOWN).join(',');
  return hosts.length > MAX_SHOWN ? `${shown} + ${hosts.length - MAX_SHOWN} more...` : shown;
}

/** ingressLoadBalancerStatusStringer: the IPs or host names the controller published. */
export function ingressAddress(o: Ingress): string {
  return (o.status?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip || i.hostname || '')
    .filter(Boolean)
    .join(',');
}

/** formatPorts: 80, and 443 when the Ingress has TLS. */
export const ingressPorts = (o: Ingress) => ((o.spec?.tls ?? []).length > 0 ? '80, 443' : '80');

export function ingressClassParameters(o: IngressClass): string {
  const p = o.spec?.parameters;
  if (!p) return '<none>';
  return `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}`;
}
