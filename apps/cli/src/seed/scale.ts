/**
 * `wh seed --scale`: hundreds of simulated nodes and thousands of pods, generated as
 * manifests with stable names so a second run is `unchanged`. Pods come from
 * Deployments of up to PODS_PER_DEPLOYMENT replicas, pinned to the generated nodes.
 */
export const SCALE_NAMESPACE = 'scale';
export const PODS_PER_DEPLOYMENT = 10;
/** The default size of `--scale` alone. */
export const DEFAULT_SCALE = { nodes: 300, pods: 3000 };

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const TIERS = ['web', 'api', 'worker'];
const SEED_LABEL = { 'wheelhouse.io/seed': 'scale' };

type Manifest = Record<string, unknown>;

const pad = (i: number) => String(i).padStart(4, '0');
export const scaleNodeName = (i: number) => `sim-scale-${pad(i)}`;

export function scaleNamespace(): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: SCALE_NAMESPACE, labels: { ...SEED_LABEL } } };
}

/** Nodes annotated for the simulated agent, spread over three zones. */
export function scaleNodes(count: number): Manifest[] {
  return Array.from({ length: count }, (_, k) => {
    const name = scaleNodeName(k + 1);
    const capacity = { cpu: '8', memory: '32Gi', pods: '110' };
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          ...SEED_LABEL,
          'wheelhouse.io/runtime': 'simulated',
          'kubernetes.io/hostname': name,
          'topology.kubernetes.io/zone': ZONES[k % ZONES.length]!,
        },
        annotations: { 'wheelhouse.io/simulated': 'true' },
      },
      status: { capacity, allocatable: capacity },
    };
  });
}

/** Deployments whose replicas add up to `pods`; each pod starts after a random 0–2 s (a simulated-runtime knob). */
export function scaleDeployments(pods: number, perDeployment = PODS_PER_DEPLOYMENT): Manifest[] {
  const count = Math.ceil(pods / perDeployment);
  return Array.from({ length: count }, (_, k) => {
    const name = `load-${pad(k + 1)}`;
    const tier = TIERS[k % TIERS.length]!;
    const labels = { ...SEED_LABEL, app: name, tier };
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: SCALE_NAMESPACE, labels },
      spec: {
        replicas: Math.min(perDeployment, pods - k * perDeployment),
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels, annotations: { 'sim.wheelhouse.io/start-delay-ms': '0-2000' } },
          spec: {
            nodeSelector: { ...SEED_LABEL },
            containers: [{ name: tier, image: `registry.example/${tier}:1.0`, resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
          },
        },
      },
    };
  });
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
