// The node agent's userspace service proxy with real processes: three pods running a
// tiny HTTP server behind a NodePort Service (named targetPort), EndpointSlices from a
// real controller-manager. Connections to ClusterIP:port are spread over all three; a
// pod whose readiness probe fails leaves the rotation; the NodePort answers on the
// node's address; pods started after the Service have its environment variables; the agent's /metrics shows the rules and their programming time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, get } from 'node:http';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import type { ComponentProcess } from '../support/component.js';

let api: TestApi;
let agent: NodeAgentProcess;
let simulated: NodeAgentProcess;
let manager: ComponentProcess;

before(async () => {
  api = await startTestApi();
  manager = spawnControllerManager(api.url);
  agent = spawnNodeAgent(api.url, { nodeName: 'proc', runtime: 'process', env: { WHEELHOUSE_SERVICE_PROXY: 'true' } });
  // Simulated nodes compute the same rules without listening.
  simulated = spawnNodeAgent(api.url, { runtime: 'simulated', args: ['--nodes', '2', '--node-prefix', 'sim-'] });
  await eventually(async () => (await api.ok(`query { node(name: "proc") { metadata { name } } }`)).node, 30_000, 'node proc');
});
after(async () => {
  if (agent) assert.equal(await agent.stop(), 0, agent.output());
  if (simulated) assert.equal(await simulated.stop(), 0, simulated.output());
  if (manager && manager.exitCode === null) {
    const exited = new Promise((r) => manager.once('exit', r));
    manager.kill('SIGTERM');
    await exited;
  }
  await api?.close();
});

// Answers its pod name; /ready is the readiness probe, /fail makes it fail.
const SERVER = `
const http = require('node:http');
let ready = true;
http.createServer((req, res) => {
  if (req.url === '/ready') return void res.writeHead(ready ? 200 : 503).end();
  if (req.url === '/fail') ready = false;
  if (req.url === '/env') return void res.end(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WEB_')))));
  res.end(process.env.POD_NAME);
}).listen(8080, process.env.POD_IP);`;

/** One request, on its own connection unless an agent is given (the proxy balances connections). */
const fetchText = (host: string, port: number, path = '/', agent: Agent | false = false) =>
  new Promise<string>((resolve, reject) => {
    const req = get({ host, port, path, agent, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${host}:${port}`)));
    req.on('error', reject);
  });

const spread = async (host: string, port: number, n: number) => {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const name = await fetchText(host, port);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
};

test('requests to the ClusterIP are spread over three ready pods; an unready pod leaves the rotation but keeps its established connection; the NodePort answers on the node address; ClientIP affinity sticks', async () => {
  const names = ['web-0', 'web-1', 'web-2'];
  // The Service first: pods started after it get its environment variables.
  const { createService } = await api.ok(`mutation($input: ServiceInput!) { createService(input: $input) { spec { clusterIP ports { nodePort } } } }`, {
    input: { metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  });
  const clusterIP: string = createService.spec.clusterIP;
  const nodePort: number = createService.spec.ports[0].nodePort;
  // The agent has seen the Service (its rules are programmed from the same informer the env reads):
  // its ClusterIP and NodePort rules, beside the kubernetes Service's one.
  await eventually(async () => /^sync_proxy_rules_programmed 3$/m.test(await fetchMetrics(agent)), 20_000, 'the agent to see the Service');
  for (const name of names) {
    await api.ok(`mutation($input: PodInput!) { createPod(input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name, labels: { app: 'web' } },
        spec: {
          nodeName: 'proc',
          terminationGracePeriodSeconds: 1,
          containers: [
            {
              name: 'app',
              image: 'node',
              command: [process.execPath, '-e', SERVER],
              ports: [{ name: 'http', containerPort: 8080 }],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              ],
              readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 1, failureThreshold: 1 },
            },
          ],
        },
      },
    });
  }
  assert.match(clusterIP, /^127\.(1[6-9]|2\d|3[01])\./, 'a ClusterIP from 127.16.0.0/12');

  // Every pod answers through the proxy once all three are ready endpoints.
  const first = await eventually(
    async () => {
      const counts = await spread(clusterIP, 80, 9).catch(() => undefined);
      return counts && counts.size === 3 ? counts : undefined;
    },
    60_000,
    'all three pods behind the ClusterIP',
  );
  assert.deepEqual([...first.keys()].sort(), names);
  const counts = await spread(clusterIP, 80, 30);
  assert.deepEqual([...counts.keys()].sort(), names);
  for (const name of names) assert.equal(counts.get(name), 10, `round-robin: ${JSON.stringify([...counts])}`);

  // Service environment variables, as the kubelet sets them for Services existing at pod start.
  const env = JSON.parse(await fetchText(clusterIP, 80, '/env'));
  assert.deepEqual(env, {
    WEB_SERVICE_HOST: clusterIP,
    WEB_SERVICE_PORT: '80',
    WEB_SERVICE_PORT_HTTP: '80',
    WEB_PORT: `tcp://${clusterIP}:80`,
    WEB_PORT_80_TCP: `tcp://${clusterIP}:80`,
    WEB_PORT_80_TCP_PROTO: 'tcp',
    WEB_PORT_80_TCP_PORT: '80',
    WEB_PORT_80_TCP_ADDR: clusterIP,
  });

  // A keep-alive connection through the proxy that landed on web-1.
  let held: Agent | undefined;
  for (let i = 0; i < 6 && !held; i++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    if ((await fetchText(clusterIP, 80, '/', agent)) === 'web-1') held = agent;
    else agent.destroy();
  }
  assert.ok(held, 'round-robin reaches web-1 within six connections');

  // web-1's readiness fails (asked directly at its pod IP): it leaves the endpoints and the rotation.
  const { pod } = await api.ok(`query { pod(namespace: "default", name: "web-1") { status { podIP } } }`);
  assert.equal(await fetchText(pod.status.podIP, 8080, '/fail'), 'web-1');
  await eventually(async () => !(await spread(clusterIP, 80, 6)).has('web-1'), 20_000, 'web-1 out of the rotation');
  const after = await spread(clusterIP, 80, 20);
  assert.deepEqual([...after.keys()].sort(), ['web-0', 'web-2']);
  // Reprogramming did not drop the established connection (the pod still runs; only new connections avoid it).
  assert.equal(await fetchText(clusterIP, 80, '/', held), 'web-1');
  held.destroy();

  // NodePort on the node's loopback address.
  const viaNodePort = await spread('127.0.0.1', nodePort, 4);
  assert.deepEqual([...viaNodePort.keys()].sort(), ['web-0', 'web-2']);

  // sessionAffinity ClientIP: every new connection from this client goes to one pod.
  await api.ok(`mutation { patchService(name: "web", patch: { spec: { sessionAffinity: "ClientIP" } }) { metadata { name } } }`);
  const sticky = await eventually(
    async () => {
      const counts = await spread(clusterIP, 80, 8);
      return counts.size === 1 ? counts : undefined;
    },
    20_000,
    'ClientIP affinity programmed',
  );
  assert.equal([...sticky.values()][0], 8);

  // The rules the agent programmed, on its metrics.
  const metrics = await fetchMetrics(agent);
  assert.match(metrics, /^sync_proxy_rules_programmed 3$/m, 'a ClusterIP and a NodePort rule for web, a ClusterIP rule for kubernetes');
  assert.match(metrics, /^sync_proxy_rules_duration_seconds_count [1-9]\d*$/m);
  const simulatedMetrics = await eventually(
    async () => {
      const text = await fetchMetrics(simulated);
      return /^sync_proxy_rules_programmed 3$/m.test(text) ? text : undefined;
    },
    20_000,
    'the simulated agent computing the rules',
  );
  assert.match(simulatedMetrics, /^sync_proxy_rules_duration_seconds_count [1-9]\d*$/m);
  assert.match(simulated.output(), /service proxy: \d+ rules \(computed only\)/);
  // The kubernetes Service carries traffic to the API itself.
  const healthz = await fetch('http://127.16.0.1:80/healthz');
  assert.equal(healthz.status, 200);
});

async function fetchMetrics(a: NodeAgentProcess): Promise<string> {
  const port = /kubelet port (\d+)/.exec(a.output())?.[1];
  assert.ok(port, a.output());
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  assert.equal(res.status, 200);
  return res.text();
}

test('a rolling update of a Deployment under a steady client loop through the Service ends with zero failed requests', async () => {
  await api.ok(`mutation($input: ServiceInput!) { createService(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'roll' }, spec: { selector: { app: 'roll' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  });
  const template = (version: string) => ({
    metadata: { labels: { app: 'roll' } },
    spec: {
      nodeName: 'proc',
      terminationGracePeriodSeconds: 5,
      containers: [
        {
          name: 'app',
          image: 'node',
          command: [process.execPath, '-e', SERVER],
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [
            { name: 'VERSION', value: version },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          ],
          readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 1, failureThreshold: 1 },
          // As in Kubernetes: time for the endpoint removal to reach the proxy before the process stops.
          lifecycle: { preStop: { exec: { command: ['sleep', '2'] } } },
        },
      ],
    },
  });
  await api.ok(`mutation($input: DeploymentInput!) { createDeployment(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'roll' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'roll' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: template('1'),
      },
    },
  });
  const { service } = await api.ok(`query { service(namespace: "default", name: "roll") { spec { clusterIP } } }`);
  const clusterIP: string = service.spec.clusterIP;
  const podNames = async () => {
    const { pods } = await api.ok(`query { pods(namespace: "default", labelSelector: "app=roll") { items { metadata { name } } } }`);
    return (pods.items as { metadata: { name: string } }[]).map((p) => p.metadata.name);
  };
  await eventually(async () => (await spread(clusterIP, 80, 6).catch(() => new Map())).size === 3, 60_000, 'three roll pods behind the Service');
  const oldPods = new Set(await podNames());

  let stop = false;
  let ok = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (!stop) {
      try {
        await fetchText(clusterIP, 80);
        ok++;
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  })();
  await api.ok(`mutation($patch: JSONObject!) { patchDeployment(name: "roll", patch: $patch) { metadata { name } } }`, { patch: { spec: { template: template('2') } } });
  // Rolled out: three pods, none of the old ones left (not even terminating).
  await eventually(
    async () => {
      const names = await podNames();
      return names.length === 3 && names.every((n) => !oldPods.has(n));
    },
    120_000,
    'the rollout to finish',
  );
  stop = true;
  await loop;
  assert.deepEqual(failures, [], `${failures.length} failed of ${ok + failures.length}`);
  assert.ok(ok > 10, `only ${ok} requests during the rollout`);
  const served = await spread(clusterIP, 80, 6);
  assert.ok(
    [...served.keys()].every((n) => !oldPods.has(n)),
    'only new pods answer',
  );
});
