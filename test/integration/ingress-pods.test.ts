// The ingress controller in front of real pods: a Deployment of 3 echo-server pods run
// as processes by a process-runtime node agent, scheduled by the scheduler, their
// EndpointSlices kept by the controller-manager. Balancing across the 3 pods, and a
// rolling update of the Deployment under a steady GET loop with zero failed requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnIngressController, viaIngress } from '../support/ingress.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';

const POD_CIDR = `127.${100 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;
const ECHO = fileURLToPath(new URL('../support/echo-server.js', import.meta.url));
let api: TestApi;
let components: ComponentProcess[] = [];
let agent: NodeAgentProcess;
let controller: { child: ComponentProcess; httpPort: number };

const template = (version: string) => ({
  metadata: { labels: { app: 'echo' } },
  spec: {
    terminationGracePeriodSeconds: 5,
    containers: [
      {
        name: 'echo',
        image: 'node:20',
        command: [process.execPath, ECHO],
        ports: [{ name: 'http', containerPort: 8080 }],
        env: [
          { name: 'ECHO_HOST', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          { name: 'ECHO_POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'ECHO_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          { name: 'ECHO_SERVICE', value: 'echo' },
          { name: 'VERSION', value: version },
        ],
        readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 1 },
      },
    ],
  },
});

const readyEndpoints = async () => {
  const r = await api.ok<{ endpointSlices: { items: { endpoints: { conditions: { ready: boolean } }[] | null }[] } }>(
    `query { endpointSlices(namespace: "default", labelSelector: "kubernetes.io/service-name=echo") { items { endpoints { conditions { ready } } } } }`,
  );
  return r.endpointSlices.items.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions.ready).length;
};

before(async () => {
  api = await startTestApi();
  components = [spawnControllerManager(api.url), spawnScheduler(api.url)];
  agent = spawnNodeAgent(api.url, { nodeName: 'ingress-node', runtime: 'process', args: ['--pod-cidr', POD_CIDR] });
  controller = await spawnIngressController(api.url);
  await api.ok(`mutation($input: DeploymentInput!) { createDeployment(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'echo' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'echo' } }, strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }, template: template('1') },
    },
  });
  await api.ok(`mutation($input: ServiceInput!) { createService(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'echo' }, spec: { selector: { app: 'echo' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  });
  await api.ok(`mutation($input: IngressInput!) { createIngress(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'echo' },
      spec: { rules: [{ host: 'echo.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'echo', port: { number: 80 } } } }] } }] },
    },
  });
  await eventually(async () => (await readyEndpoints()) === 3, 60_000, `3 ready endpoints (agent: ${agent.output().slice(-2000)})`);
});
after(async () => {
  await api?.ok(`mutation { deleteDeployment(namespace: "default", name: "echo") { metadata { name } } }`).catch(() => {});
  controller?.child.kill('SIGTERM');
  if (agent) await agent.stop();
  for (const c of components) c.kill('SIGTERM');
  await api?.close();
});

test('balancing: requests through the ingress spread over the 3 pods of a Deployment (process runtime)', async () => {
  const pods = new Map<string, number>();
  for (let i = 0; i < 30; i++) {
    const r = await viaIngress(controller.httpPort, 'http://echo.test/who');
    assert.equal(r.status, 200, r.body);
    pods.set(r.json!.pod, (pods.get(r.json!.pod) ?? 0) + 1);
  }
  assert.equal(pods.size, 3, `pods seen: ${JSON.stringify([...pods])}`);
  for (const name of pods.keys()) assert.match(name, /^echo-/);
});

test('a rolling update of the Deployment under a steady GET loop through the ingress: zero failed requests', async () => {
  const before = new Set<string>();
  for (let i = 0; i < 6; i++) before.add((await viaIngress(controller.httpPort, 'http://echo.test/')).json!.pod);
  let stop = false;
  let ok = 0;
  const failures: string[] = [];
  const seen = new Set<string>();
  const loop = (async () => {
    while (!stop) {
      try {
        const r = await viaIngress(controller.httpPort, 'http://echo.test/steady');
        if (r.status === 200) {
          ok++;
          seen.add(r.json!.pod);
        } else failures.push(`${r.status} ${r.body}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  })();
  await api.ok(`mutation($patch: JSONObject!) { patchDeployment(namespace: "default", name: "echo", patch: $patch) { metadata { name } } }`, {
    patch: { spec: { template: template('2') } },
  });
  // Done when every ready endpoint is a new pod and there are 3 of them.
  await eventually(
    async () => {
      const r = await api.ok<{ pods: { items: { metadata: { name: string; deletionTimestamp: string | null } }[] } }>(
        `query { pods(namespace: "default", labelSelector: "app=echo") { items { metadata { name deletionTimestamp } } } }`,
      );
      const live = r.pods.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
      return live.length === 3 && live.every((n) => !before.has(n)) && (await readyEndpoints()) === 3;
    },
    120_000,
    'rollout finished',
  );
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await loop;
  assert.deepEqual(failures, []);
  assert.ok(ok > 20, `the loop kept going (${ok} requests)`);
  assert.ok(
    [...seen].some((p) => !before.has(p)),
    'new pods served during the rollout',
  );
});
