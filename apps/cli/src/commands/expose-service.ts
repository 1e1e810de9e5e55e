/** The Service `wh expose` makes from an object, as kubectl's ServiceGeneratorV2 does (pure). */
import { UsageError } from '../errors.js';
import type { KubeObj } from '../print/object.js';

export interface ExposeOptions {
  name?: string;
  port?: number;
  targetPort?: string;
  protocol?: string;
  type?: string;
}

type ContainerPort = { name?: string; containerPort: number; protocol?: string };

/** kubectl's selectors by kind: workloads' matchLabels (matchExpressions cannot be a Service selector), an RC's selector, a pod's labels. */
function selectorOf(kind: string, o: KubeObj): Record<string, string> {
  if (kind === 'Pod') return (o.metadata.labels ?? {}) as Record<string, string>;
  if (kind === 'ReplicationController' || kind === 'Service') return o.spec?.selector ?? {};
  const selector = o.spec?.selector ?? {};
  if ((selector.matchExpressions ?? []).length > 0) {
    throw new UsageError(
      `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map: the ${kind} has a selector a Service cannot use (matchExpressions)`,
    );
  }
  return selector.matchLabels ?? {};
}

function containerPorts(kind: string, o: KubeObj): ContainerPort[] {
  const podSpec = kind === 'Pod' ? o.spec : o.spec?.template?.spec;
  return ((podSpec?.containers ?? []) as { ports?: ContainerPort[] }[]).flatMap((c) => c.ports ?? []);
}

export function exposedService(kind: string, o: KubeObj, options: ExposeOptions): Record<string, unknown> {
  const selector = selectorOf(kind, o);
  if (Object.keys(selector).length === 0) throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the ${kind} has no labels to select its pods by`);
  const targetPort = (value: string | undefined, fallback: number | string) => (value === undefined ? fallback : /^\d+$/.test(value) ? Number(value) : value);
  let ports: Record<string, unknown>[];
  if (options.port !== undefined) {
    ports = [{ port: options.port, protocol: options.protocol ?? 'TCP', targetPort: targetPort(options.targetPort, options.port) }];
  } else {
    // Introspection: every container port; several get names, as a multi-port Service needs.
    const found =
      kind === 'Service'
        ? ((o.spec?.ports ?? []) as { port: number; protocol?: string; name?: string }[]).map((p) => ({ containerPort: p.port, protocol: p.protocol, name: p.name }))
        : containerPorts(kind, o);
    if (found.length === 0) throw new UsageError(`couldn't find port via --port flag or introspection`, 'Example: wh expose deployment web --port 80 --target-port 8080');
    ports = found.map((p, i) => ({
      ...(found.length > 1 ? { name: p.name || `port-${i + 1}` } : {}),
      port: p.containerPort,
      protocol: options.protocol ?? p.protocol ?? 'TCP',
      targetPort: targetPort(options.targetPort, p.containerPort),
    }));
  }
  return {
    metadata: { name: options.name ?? o.metadata.name, labels: o.metadata.labels ?? {} },
    spec: { selector, ports, ...(options.type ? { type: options.type } : {}) },
  };
}
