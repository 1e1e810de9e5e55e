/** kubectl's `create namespace|deployment|service` generators: the objects they build, as kubectl builds them. */
import { UsageError } from '../errors.js';

type Obj = Record<string, unknown>;

export const namespaceObject = (name: string): Obj => ({ metadata: { name } });

/** kubectl names the container after the image: its last path element, without tag or digest. */
export function containerNameOf(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last
    .split('@')[0]!
    .split(':')[0]!
    .replace(/[^a-z0-9-]/g, '-');
}

export interface DeploymentOptions {
  images: string[];
  replicas?: number;
  port?: number;
  command: string[];
}

export function deploymentObject(name: string, o: DeploymentOptions): Obj {
  if (o.images.length === 0) throw new UsageError('required flag(s) "image" not set');
  if (o.command.length && o.images.length > 1) throw new UsageError('cannot specify multiple --image options and command');
  const labels = { app: name };
  const containers = o.images.map((image) => ({
    name: containerNameOf(image),
    image,
    ...(o.command.length ? { command: o.command } : {}),
    ...(o.port !== undefined ? { ports: [{ containerPort: o.port }] } : {}),
  }));
  return {
    metadata: { name, labels },
    spec: { replicas: o.replicas ?? 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  };
}

export type ServiceVariant = 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname';

export interface ServiceOptions {
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

/** `--tcp=port[:targetPort]`: kubectl names each port `<port>-<targetPort>`. */
function servicePorts(tcp: string[], nodePort: number | undefined) {
  return tcp.map((spec) => {
    const [port, target = port] = spec.split(':');
    const portNumber = Number(port);
    const targetNumber = Number(target);
    if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) throw new UsageError(`invalid --tcp "${spec}": port must be 1-65535`);
    return {
      name: `${port}-${target}`,
      protocol: 'TCP',
      port: portNumber,
      targetPort: Number.isInteger(targetNumber) ? targetNumber : target,
      ...(nodePort !== undefined ? { nodePort } : {}),
    };
  });
}

export function serviceObject(name: string, variant: ServiceVariant, o: ServiceOptions): Obj {
  const metadata = { name, labels: { app: name } };
  if (variant === 'externalname') {
    if (!o.externalName) throw new UsageError('required flag(s) "external-name" not set');
    return { metadata, spec: { type: 'ExternalName', externalName: o.externalName, ...(o.tcp.length ? { ports: servicePorts(o.tcp, undefined) } : {}) } };
  }
  if (o.tcp.length === 0 && o.clusterIP !== 'None') throw new UsageError('at least one --tcp=port[:targetPort] is required');
  const type = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' }[variant];
  return {
    metadata,
    spec: {
      type,
      selector: { app: name },
      ports: servicePorts(o.tcp, variant === 'nodeport' ? o.nodePort : undefined),
      ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
    },
  };
}
