/**
 * `node test/dist/bench/scale-schedule-bench.js` (after `npm run build`):
 * the scheduler's decisions alone, no I/O — SCHED_NODES (500) nodes, SCHED_PODS (10,000)
 * pods of 20 Deployments decided in batches of 500 against the cache, as the process
 * does. Prints decisions/s for the default adaptive percentageOfNodesToScore and for 100%.
 */
import type { Pod } from '@wheelhouse/model';
import { SchedulerCache, decideBatch } from '@wheelhouse/scheduler';

const NODES = Number(process.env.SCHED_NODES ?? 500);
const PODS = Number(process.env.SCHED_PODS ?? 10_000);
const BATCH = 500;

const node = (i: number) => ({
  metadata: { name: `node-${String(i).padStart(4, '0')}`, labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
  spec: {},
  status: { allocatable: { cpu: '32', memory: '64Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
});
const pod = (i: number): Pod => {
  const app = `d${i % 20}`;
  return {
    metadata: { name: `${app}-${i}`, namespace: 'bench', uid: `uid-${i}`, labels: { app } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '100m', memory: '128Mi' } } }], tolerations: [] },
  };
};

function run(percentageOfNodesToScore: number | undefined) {
  const cache = new SchedulerCache();
  for (let i = 0; i < NODES; i++) cache.setNode(node(i));
  const pods = Array.from({ length: PODS }, (_, i) => ({ key: `bench/p${i}`, pod: pod(i) }));
  const started = performance.now();
  let start = 0;
  let bound = 0;
  for (let b = 0; b < PODS; b += BATCH) {
    const decision = decideBatch(pods.slice(b, b + BATCH), cache, { percentageOfNodesToScore }, start);
    start = decision.nextStartIndex;
    bound += decision.bindings.length;
    // The informer confirms each binding, as it would after bindPods.
    for (const { key, pod, node } of decision.bindings) cache.updatePod(key, { ...pod, spec: { ...pod.spec, nodeName: node } });
  }
  const seconds = (performance.now() - started) / 1000;
  const perNode = cache.nodeInfos().map((i) => i.pods.length);
  return {
    percentageOfNodesToScore: percentageOfNodesToScore ?? 'adaptive',
    bound,
    seconds: round(seconds),
    decisionsPerSecond: Math.round(PODS / seconds),
    podsPerNodeMin: Math.min(...perNode),
    podsPerNodeMax: Math.max(...perNode),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({ nodes: NODES, pods: PODS, runs: [run(undefined), run(100)] }, null, 2));
