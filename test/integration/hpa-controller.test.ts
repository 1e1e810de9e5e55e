// The HorizontalPodAutoscaler on a simulated cluster: `wh autoscale` a Deployment, raise the
// pods' CPU with the simulated runtime's usage knob (sim.wheelhouse.io/cpu) → it scales up;
// drop it → after the (short) scale-down stabilization window it scales back to minReplicas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from '../support/controller-manager.js';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';
import { whRunner } from '../support/wh.js';

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  replicas: 1
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
      annotations:
        sim.wheelhouse.io/cpu: 20m
    spec:
      terminationGracePeriodSeconds: 0
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        resources:
          requests:
            cpu: 200m
`;

let cluster: SimulatedCluster;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  // A 1s sync period instead of 15s; the scale-down window comes from the HPA's own behavior.
  cluster = await startSimulatedCluster({ nodes: 2, nodePrefix: 'hpa-node-', managerEnv: { WHEELHOUSE_HPA_SYNC_PERIOD_SECONDS: '1' } });
  wh = whRunner(cluster.api.url);
});
after(async () => cluster?.close());

interface Hpa {
  spec: { minReplicas: number; maxReplicas: number; behavior: { scaleUp: { policies: unknown[] } | null; scaleDown: { stabilizationWindowSeconds: number } | null } | null };
  status: {
    currentReplicas: number | null;
    desiredReplicas: number | null;
    lastScaleTime: string | null;
    currentMetrics: { resource: { name: string; current: { averageUtilization: number | null } } | null }[] | null;
    conditions: { type: string; status: string; reason: string }[] | null;
  } | null;
}
const HPA = `query { horizontalPodAutoscaler(namespace: "default", name: "php-apache") {
  spec { minReplicas maxReplicas behavior { scaleUp { policies { type value periodSeconds } } scaleDown { stabilizationWindowSeconds } } }
  status { currentReplicas desiredReplicas lastScaleTime currentMetrics { resource { name current { averageUtilization } } } conditions { type status reason } } } }`;
const hpa = async () => (await cluster.api.ok<{ horizontalPodAutoscaler: Hpa }>(HPA)).horizontalPodAutoscaler;
const utilization = (h: Hpa) => h.status?.currentMetrics?.[0]?.resource?.current.averageUtilization ?? undefined;
const condition = (h: Hpa, type: string) => h.status?.conditions?.find((c) => c.type === type);
const replicas = async () => (await cluster.api.ok(`query { deployment(namespace: "default", name: "php-apache") { spec { replicas } } }`)).deployment.spec.replicas as number;
const podNames = async () =>
  (await cluster.api.ok(`query { pods(namespace: "default", labelSelector: "run=php-apache") { items { metadata { name deletionTimestamp } } } }`)).pods.items
    .filter((p: { metadata: { deletionTimestamp: string | null } }) => !p.metadata.deletionTimestamp)
    .map((p: { metadata: { name: string } }) => p.metadata.name) as string[];
/** The load knob: every running pod of the Deployment reports this CPU usage from now on. */
async function setLoad(cpu: string) {
  for (const name of await podNames()) {
    await cluster.api.ok(`mutation($name: String!, $patch: JSONObject!) { patchPod(namespace: "default", name: $name, patch: $patch) { metadata { name } } }`, {
      name,
      patch: { metadata: { annotations: { 'sim.wheelhouse.io/cpu': cpu } } },
    });
  }
}
const rescales = async () =>
  (
    await cluster.api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=php-apache") { items { reason message involvedObject { kind } } } }`)
  ).events.items
    .filter((e: { reason: string; involvedObject: { kind: string } }) => e.involvedObject.kind === 'HorizontalPodAutoscaler' && e.reason === 'SuccessfulRescale')
    .map((e: { message: string }) => e.message) as string[];

test('wh autoscale; load up scales up, load down scales down after the stabilization window', async () => {
  assert.equal((await wh.run(['apply', '-f', '-'], { stdin: PHP_APACHE })).code, 0);
  const autoscaled = await wh.run(['autoscale', 'deployment', 'php-apache', '--cpu-percent=50', '--min=1', '--max=5']);
  assert.deepEqual(autoscaled, { code: 0, stdout: 'horizontalpodautoscaler.autoscaling/php-apache autoscaled\n', stderr: '' });
  // A short scale-down window for the test (the default is 300s); the API fills the rest of the behavior.
  await cluster.api.ok(
    `mutation { patchHorizontalPodAutoscaler(namespace: "default", name: "php-apache", patch: { spec: { behavior: { scaleDown: { stabilizationWindowSeconds: 5 } } } }) { metadata { name } } }`,
  );
  const defaulted = await hpa();
  assert.equal(defaulted.spec.minReplicas, 1);
  assert.equal(defaulted.spec.behavior?.scaleUp?.policies.length, 2, 'scale-up policies defaulted');

  // Idle: 20m of 200m requested is 10%, below 50%; one replica is the minimum.
  const idle = await eventually(
    async () => {
      const h = await hpa();
      return utilization(h) === 10 && condition(h, 'ScalingActive')?.status === 'True' ? h : undefined;
    },
    60_000,
    'the HPA reads 10% CPU',
  );
  assert.deepEqual(condition(idle, 'ScalingActive'), { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound' });
  assert.equal(await replicas(), 1);
  const get = await wh.run(['get', 'hpa']);
  assert.match(get.stdout, /^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\nphp-apache\s+Deployment\/php-apache\s+cpu: 10%\/50%\s+1\s+5\s+1\s+\d+s\n$/);

  // Load up: 400m of 200m is 200%, four times the target.
  await setLoad('400m');
  await eventually(async () => (await replicas()) >= 4, 60_000, 'the Deployment scaled up to at least 4');
  const up = await eventually(
    async () => {
      const h = await hpa();
      return (h.status?.desiredReplicas ?? 0) >= 4 && h.status?.lastScaleTime ? h : undefined;
    },
    30_000,
    'the HPA status shows the scale-up',
  );
  assert.ok((up.status?.currentReplicas ?? 0) >= 1);
  await eventually(
    async () => (await rescales()).some((m) => /^New size: [45]; reason: cpu resource utilization above target$/.test(m)),
    30_000,
    'the SuccessfulRescale event of the scale-up',
  );

  // Load down on every pod (the new ones included): after the 5s window, back to minReplicas.
  await eventually(async () => (await podNames()).length >= 4, 60_000, 'the new pods exist');
  await setLoad('10m');
  await eventually(async () => (await replicas()) === 1, 90_000, 'the Deployment scaled back down to 1');
  await eventually(async () => (await hpa()).status?.desiredReplicas === 1, 30_000, 'the HPA status shows the scale-down');
  // The event is written beside the rescale, not before it.
  await eventually(async () => (await rescales()).includes('New size: 1; reason: All metrics below target'), 30_000, 'the SuccessfulRescale event of the scale-down');
});
