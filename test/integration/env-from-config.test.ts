// Env from ConfigMaps and Secrets in the node agent: real processes (process runtime)
// read the values, a missing object or key is CreateContainerConfigError with the
// kubelet's message, and the pod starts once the object appears; the simulated runtime
// waits and starts the same way. Secret values never reach the agent's log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

const PASSWORD = 'env-secret-value-9f3c';
let api: TestApi;
const agents: NodeAgentProcess[] = [];

before(async () => {
  api = await startTestApi();
  agents.push(spawnNodeAgent(api.url, { nodeName: 'proc', runtime: 'process' }), spawnNodeAgent(api.url, { nodeName: 'sim', runtime: 'simulated' }));
  for (const node of ['proc', 'sim']) {
    await eventually(
      async () => (await api.ok(`query($n: String!) { node(name: $n) { status { conditions { type } } } }`, { n: node })).node?.status?.conditions?.length > 0,
      30_000,
      node,
    );
  }
});
after(async () => {
  for (const agent of agents) assert.equal(await agent.stop(), 0, agent.output());
  await api.close();
});

const POD = `query($name: String!) { pod(namespace: "default", name: $name) { status { phase containerStatuses { state { waiting { reason message } running { startedAt } } } } } }`;
const state = async (name: string) => (await api.ok(POD, { name })).pod?.status?.containerStatuses?.[0]?.state;
const createPod = (name: string, nodeName: string, container: Record<string, unknown>) =>
  api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name }, spec: { nodeName, terminationGracePeriodSeconds: 1, containers: [{ name: 'app', image: 'busybox:1.36', ...container }] } },
  });
const waiting = (name: string, message: string) =>
  eventually(
    async () => {
      const w = (await state(name))?.waiting;
      return w?.reason === 'CreateContainerConfigError' && w.message === message ? w : undefined;
    },
    30_000,
    `${name} waiting with "${message}"`,
  );
const running = (name: string) => eventually(async () => (await state(name))?.running, 30_000, `${name} running`);

const ENV = [
  { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'mode' } } },
  { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
  { name: 'MAYBE', valueFrom: { secretKeyRef: { name: 'absent', key: 'x', optional: true } } },
  { name: 'GREETING', value: 'mode=$(MODE) level=$(cfg_level)' },
];
const ENV_FROM = [{ prefix: 'cfg_', configMapRef: { name: 'app-config' } }, { secretRef: { name: 'db' } }];

describe('process runtime', () => {
  test('a missing ConfigMap, then a missing key, hold the container with the kubelet messages; it starts once they exist and sees the values', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${MAYBE-unset} is the shell's parameter expansion, not a template
    const script = 'echo "MODE=$MODE PW=$DB_PASSWORD MAYBE=${MAYBE-unset} GREETING=$GREETING cfg_mode=$cfg_mode user=$user"; sleep 3600';
    await createPod('reader', 'proc', { command: ['sh', '-c', script], env: ENV, envFrom: ENV_FROM });
    await waiting('reader', 'configmap "app-config" not found');
    const events = await eventually(
      async () => {
        const { events } = await api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=reader") { items { reason message type } } }`);
        return events.items.find((e: { reason: string }) => e.reason === 'Failed');
      },
      20_000,
      'a Failed event',
    );
    assert.deepEqual([events.type, events.message], ['Warning', 'Error: configmap "app-config" not found']);

    await api.ok(`mutation { createConfigMap(input: { metadata: { name: "app-config" }, data: { level: "debug" } }) { metadata { name } } }`);
    // envFrom comes before env, as in the kubelet: the Secret is missed before the key.
    await waiting('reader', 'secret "db" not found');
    await api.ok(`mutation($input: SecretInput!) { createSecret(input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'db' }, stringData: { password: PASSWORD, user: 'admin' } },
    });
    await waiting('reader', "couldn't find key mode in ConfigMap default/app-config");
    const fixed = Date.now();
    await api.ok(`mutation { patchConfigMap(name: "app-config", patch: { data: { mode: "fast" } }) { metadata { name } } }`);
    await running('reader');
    console.log(`# container running ${Date.now() - fixed} ms after the missing key was added`);
    const line = await eventually(
      async () => {
        const result = await api.gql<{ podLogs: string | null }>(`query { podLogs(namespace: "default", name: "reader") }`);
        return result.data?.podLogs?.includes('MODE=') ? result.data.podLogs.trim() : undefined;
      },
      20_000,
      'the container log',
    );
    assert.equal(line, `MODE=fast PW=${PASSWORD} MAYBE=unset GREETING=mode=fast level=debug cfg_mode=fast user=admin`);
    assert.ok(!agents[0]!.output().includes(PASSWORD), 'the agent never logs a Secret value');
  });
});

describe('simulated runtime', () => {
  test('waits for a missing Secret key and starts when it is added', async () => {
    await api.ok(`mutation { createSecret(input: { metadata: { name: "sim-secret" }, stringData: { other: "x" } }) { metadata { name } } }`);
    await createPod('sim-reader', 'sim', { env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'sim-secret', key: 'token' } } }] });
    await waiting('sim-reader', "couldn't find key token in Secret default/sim-secret");
    await api.ok(`mutation { patchSecret(name: "sim-secret", patch: { stringData: { token: "t" } }) { metadata { name } } }`);
    await running('sim-reader');
  });

  test('an optional envFrom of a missing ConfigMap starts at once', async () => {
    await createPod('sim-optional', 'sim', { envFrom: [{ configMapRef: { name: 'nowhere', optional: true } }] });
    await running('sim-optional');
  });
});
