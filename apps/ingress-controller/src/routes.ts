import type { IngressObject, Target } from './types.js';

/**
 * The routing table, rebuilt from every Ingress the controller serves on each change and
 * swapped in whole, so a request in flight keeps the table it started with.
 */
export interface RouteTable {
  /** Exact hosts (lower case) → their paths. */
  exactHosts: Map<string, PathRule[]>;
  /** `*.foo.com` rules by their suffix `.foo.com`. */
  wildcardHosts: Map<string, PathRule[]>;
  /** Rules without a host: every request. */
  anyHost: PathRule[];
  defaultBackend: Target | null;
}

export interface PathRule {
  kind: 'Exact' | 'Prefix';
  /** Exact: the path as written; Prefix: without its trailing slash ('' for '/'). */
  path: string;
  target: Target;
  /** Older Ingresses win ties, as in ingress-nginx (creationTimestamp, then namespace/name). */
  order: number;
}

const byAge = (a: IngressObject, b: IngressObject) =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
  `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`);

/** Builds the table; ImplementationSpecific is treated as Prefix (what ingress-nginx does without regex annotations). */
export function buildRouteTable(ingresses: readonly IngressObject[]): RouteTable {
  const table: RouteTable = { exactHosts: new Map(), wildcardHosts: new Map(), anyHost: [], defaultBackend: null };
  const sorted = [...ingresses].sort(byAge);
  sorted.forEach((ing, order) => {
    const target = (service: { name: string; port: Target['port'] }): Target => ({
      ingress: ing.metadata.name,
      namespace: ing.metadata.namespace,
      service: service.name,
      port: service.port,
    });
    const fallback = ing.spec?.defaultBackend?.service;
    if (fallback && !table.defaultBackend) table.defaultBackend = target(fallback);
    for (const rule of ing.spec?.rules ?? []) {
      const host = (rule.host ?? '').toLowerCase();
      const list = host === '' ? table.anyHost : host.startsWith('*.') ? getOrAdd(table.wildcardHosts, host.slice(1)) : getOrAdd(table.exactHosts, host);
      for (const p of rule.http?.paths ?? []) {
        if (!p.backend.service) continue;
        const path = p.path || '/';
        const kind = p.pathType === 'Exact' ? 'Exact' : 'Prefix';
        list.push({ kind, path: kind === 'Prefix' ? path.replace(/\/+$/, '') : path, target: target(p.backend.service), order });
      }
    }
  });
  return table;
}

function getOrAdd(map: Map<string, PathRule[]>, key: string): PathRule[] {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
}

/** The request's host without port, lower case; IPv6 literals keep their brackets. */
export function normaliseHost(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** Exact first; then the longest Prefix that matches whole path elements; ties go to the oldest Ingress. */
export function matchPath(rules: readonly PathRule[], path: string): PathRule | null {
  let best: PathRule | null = null;
  for (const rule of rules) {
    if (rule.kind === 'Exact') {
      if (rule.path === path && (best?.kind !== 'Exact' || rule.order < best.order)) best = rule;
      continue;
    }
    if (best?.kind === 'Exact') continue;
    const matches = rule.path === '' || path === rule.path || path.startsWith(`${rule.path}/`);
    if (matches && (!best || rule.path.length > best.path.length || (rule.path.length === best.path.length && rule.order < best.order))) best = rule;
  }
  return best;
}

/**
 * Which backend serves a request. The host picks one rule set, as a server block does in
 * ingress-nginx: an exact host, else a one-label wildcard, else the rules without a host.
 * No matching path in that set means the default backend; null means 404.
 */
export function decide(table: RouteTable, hostHeader: string | undefined, rawPath: string): Target | null {
  const host = normaliseHost(hostHeader);
  const path = rawPath.split('?')[0] || '/';
  const dot = host.indexOf('.');
  const rules = table.exactHosts.get(host) ?? (dot > 0 ? table.wildcardHosts.get(host.slice(dot)) : undefined) ?? table.anyHost;
  return matchPath(rules, path)?.target ?? table.defaultBackend;
}
