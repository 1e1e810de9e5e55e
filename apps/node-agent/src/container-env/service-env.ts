// The Service environment variables a container starts with, as the kubelet builds them
// (getServiceEnvVarMap + pkg/kubelet/envvars FromServices): `<NAME>_SERVICE_HOST`,
// `<NAME>_SERVICE_PORT[_<PORTNAME>]` and the docker-link `<NAME>_PORT…` variables, for
// the Services of the pod's namespace when enableServiceLinks is on (the default), and
// always for the master Service `kubernetes` of the default namespace.
import type { Service } from '@wheelhouse/model';

const MASTER_SERVICES = new Set(['kubernetes']);

/** The kubelet's makeEnvVariableName: dashes become underscores, upper case. */
const envName = (name: string) => name.replaceAll('-', '_').toUpperCase();

const ipSet = (s: Service) => !!s.spec?.clusterIP && s.spec.clusterIP !== 'None';

/** The Services whose variables a pod in `namespace` gets, by name (the pod's namespace wins over default's master Service). */
export function servicesForPod(services: Service[], namespace: string, enableServiceLinks: boolean): Service[] {
  const byName = new Map<string, Service>();
  for (const service of services) {
    if (!ipSet(service)) continue;
    const name = service.metadata.name ?? '';
    if (service.metadata.namespace === 'default' && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, service);
    } else if (service.metadata.namespace === namespace && enableServiceLinks) {
      byName.set(name, service);
    }
  }
  return [...byName.values()];
}

function linkVariables(prefix: string, service: Service): [string, string][] {
  const ip = service.spec!.clusterIP!;
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return (service.spec?.ports ?? []).flatMap((port, i) => {
    const protocol = port.protocol || 'TCP';
    const url = `${protocol.toLowerCase()}://${host}:${port.port}`;
    const portPrefix = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
    const vars: [string, string][] = [
      [portPrefix, url],
      [`${portPrefix}_PROTO`, protocol.toLowerCase()],
      [`${portPrefix}_PORT`, String(port.port)],
      [`${portPrefix}_ADDR`, ip],
    ];
    // Docker special-cases the first port.
    return i === 0 ? [[`${prefix}_PORT`, url] as [string, string], ...vars] : vars;
  });
}

/** envvars.FromServices: the variables of these Services (those without a ClusterIP or a port give none). */
export function serviceEnvVars(services: Service[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const service of services) {
    const ports = service.spec?.ports ?? [];
    if (!ipSet(service) || ports.length === 0) continue;
    const prefix = envName(service.metadata.name ?? '');
    env[`${prefix}_SERVICE_HOST`] = service.spec!.clusterIP!;
    env[`${prefix}_SERVICE_PORT`] = String(ports[0]!.port);
    for (const port of ports) if (port.name) env[`${prefix}_SERVICE_PORT_${envName(port.name)}`] = String(port.port);
    for (const [name, value] of linkVariables(prefix, service)) env[name] = value;
  }
  return env;
}
