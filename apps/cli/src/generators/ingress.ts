/** kubectl's `create ingress` generator (staging/src/k8s.io/kubectl/pkg/cmd/create/create_ingress.go). */
import { UsageError } from '../errors.js';

type Obj = Record<string, unknown>;

// kubectl's rule format: host/path=service:port[,tls[=secret]]; a path ending in * is a Prefix.
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,tls=?([\w-]+)?)?$/;
const BACKEND = /^([\w-]+):([\w-]+)$/;

const port = (value: string) => (/^\d+$/.test(value) ? { number: Number(value) } : { name: value });

export interface IngressOptions {
  rules: string[];
  className?: string;
  defaultBackend?: string;
}

export function ingressObject(name: string, o: IngressOptions): Obj {
  if (o.rules.length === 0 && !o.defaultBackend)
    throw new UsageError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  const rules: { host?: string; http: { paths: Obj[] } }[] = [];
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of o.rules) {
    const m = RULE.exec(rule);
    if (!m) throw new UsageError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    const [, host = '', rawPath = '/', service, servicePort, hasTls, secret] = m;
    const prefix = rawPath.endsWith('*');
    const path = { path: prefix ? rawPath.slice(0, -1) : rawPath, pathType: prefix ? 'Prefix' : 'Exact', backend: { service: { name: service, port: port(servicePort!) } } };
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else rules.push({ ...(host ? { host } : {}), http: { paths: [path] } });
    if (hasTls) {
      const entry = tls.find((t) => t.secretName === secret);
      if (entry && host) entry.hosts = [...(entry.hosts ?? []), host];
      else if (!entry) tls.push({ ...(host ? { hosts: [host] } : {}), ...(secret ? { secretName: secret } : {}) });
    }
  }
  let defaultBackend: Obj | undefined;
  if (o.defaultBackend) {
    const m = BACKEND.exec(o.defaultBackend);
    if (!m) throw new UsageError(`default-backend should be in format servicename:serviceport`);
    defaultBackend = { service: { name: m[1], port: port(m[2]!) } };
  }
  return {
    metadata: { name },
    spec: {
      ...(o.className ? { ingressClassName: o.className } : {}),
      ...(defaultBackend ? { defaultBackend } : {}),
      ...(rules.length ? { rules } : {}),
      ...(tls.length ? { tls } : {}),
    },
  };
}
