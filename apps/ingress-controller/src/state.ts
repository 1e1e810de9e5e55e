import { createSecureContext, type SecureContext } from 'node:tls';
import { servesIngress } from './classes.js';
import { readyUpstreams, type ServiceView, type SliceView, type Upstream } from './endpoints.js';
import { buildRouteTable, type RouteTable } from './routes.js';
import type { IngressClassObject, IngressObject, Target } from './types.js';

export interface SecretView {
  metadata: { name: string; namespace: string };
  type?: string;
  data?: Record<string, string>;
}

/** What the informers hold, read by key. */
export interface ClusterSource {
  ingresses(): IngressObject[];
  classes(): IngressClassObject[];
  service(namespace: string, name: string): ServiceView | undefined;
  slices(namespace: string, name: string): SliceView[];
  secret(namespace: string, name: string): SecretView | undefined;
}

/** A problem worth a Warning event on an Ingress. */
export interface IngressProblem {
  ingress: IngressObject;
  reason: 'ServiceNotFound' | 'SecretNotFound' | 'InvalidTLSSecret';
  message: string;
}

/** One immutable snapshot the proxy serves from; replaced whole on every change. */
export interface ProxyState {
  served: IngressObject[];
  table: RouteTable;
  /** TLS host (exact or `*.foo.com`) → `namespace/secret`. */
  tlsHosts: Map<string, string>;
  contexts: Map<string, SecureContext>;
  upstreams(target: Target): Upstream[];
  problems: IngressProblem[];
}

const b64 = (value: string | undefined) => (value ? Buffer.from(value, 'base64').toString('utf8') : '');

/** Builds the snapshot: the Ingresses of our class, their routes, TLS contexts and what is missing. */
export function buildState(source: ClusterSource, controller: string): ProxyState {
  const classes = source.classes();
  const served = source.ingresses().filter((i) => servesIngress(i, classes, controller));
  const tlsHosts = new Map<string, string>();
  const contexts = new Map<string, SecureContext>();
  const problems: IngressProblem[] = [];
  for (const ingress of served) {
    const ns = ingress.metadata.namespace;
    for (const tls of ingress.spec?.tls ?? []) {
      if (!tls.secretName) continue;
      const key = `${ns}/${tls.secretName}`;
      const secret = source.secret(ns, tls.secretName);
      if (!secret) {
        problems.push({
          ingress,
          reason: 'SecretNotFound',
          message: `Secret ${key} not found; serving the default certificate for ${(tls.hosts ?? []).join(', ') || 'its hosts'}`,
        });
        continue;
      }
      if (!contexts.has(key)) {
        try {
          contexts.set(key, createSecureContext({ cert: b64(secret.data?.['tls.crt']), key: b64(secret.data?.['tls.key']) }));
        } catch (error) {
          problems.push({ ingress, reason: 'InvalidTLSSecret', message: `Secret ${key} has no usable tls.crt/tls.key: ${(error as Error).message}` });
          continue;
        }
      }
      for (const host of tls.hosts ?? []) if (!tlsHosts.has(host.toLowerCase())) tlsHosts.set(host.toLowerCase(), key);
    }
    const backends = [ingress.spec?.defaultBackend?.service, ...(ingress.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend.service))];
    for (const name of new Set(backends.filter((b) => b !== undefined).map((b) => b.name))) {
      if (!source.service(ns, name)) problems.push({ ingress, reason: 'ServiceNotFound', message: `Service ${ns}/${name} not found` });
    }
  }
  return {
    served,
    table: buildRouteTable(served),
    tlsHosts,
    contexts,
    upstreams: (t) => readyUpstreams(source.service(t.namespace, t.service), source.slices(t.namespace, t.service), t.port),
    problems,
  };
}
