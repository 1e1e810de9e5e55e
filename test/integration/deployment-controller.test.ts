import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApi } from '../support/api.js';
import { startTestCluster, type TestCluster } from '../support/cluster.js';
import { eventually } from '../support/controller-manager.js';

const neverReady = new Set<string>();
let cluster: TestCluster;
let api: TestApi;
before(async () => {
  cluster = await startTestCluster((pod) => !neverReady.has(pod.name.split('-')[0]!));
  api = cluster.api;
});
after(async () => cluster?.close());

type PodEvent = {
  watchPods: {
    type: string;
    object: {
      metadata: { name: string; labels: Record<string, string>; deletionTimestamp?: string | null };
      status: { phase?: string | null; conditions?: { type: string; status: string }[] | null };
    };
  };
};

const deployment = (name: string, image: string, replicas: number, strategy: object = {}, extra: object = {}) => ({
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } },
    strategy,
    ...extra,
  },
});
const CREATE = `mutation($input: DeploymentInput!) { createDeployment(input: $input) { metadata { resourceVersion } } }`;
const SET_IMAGE = `mutation($name: String!, $image: String!) { patchDeployment(name: $name, patch: { spec: { template: { spec: { containers: [{ name: "app", image: $image }] } } } }) { metadata { resourceVersion } } }`;
const STATUS = `query($name: String!) { deployment(name: $name) { metadata { generation annotations } status { observedGeneration replicas updatedReplicas readyReplicas availableReplicas conditions { type status reason } } } }`;
const livePods = async (app: string) => {
  const { pods } = await api.ok(`query($s: String) { pods(labelSelector: $s) { items { metadata { name deletionTimestamp } spec { containers { image } } } } }`, {
    s: `app=${app}`,
  });
  return (pods.items as { metadata: { deletionTimestamp?: string }; spec: { containers: { image: string }[] } }[]).filter((p) => !p.metadata.deletionTimestamp);
};
const rolledOut = (name: string, replicas: number, image: string) =>
  eventually(
    async () => {
      const pods = await livePods(name);
      const { deployment: d } = await api.ok(STATUS, { name });
      return (
        pods.length === replicas &&
        pods.every((p) => p.spec.containers[0]!.image === image) &&
        d.status?.updatedReplicas === replicas &&
        d.status?.availableReplicas === replicas &&
        d.status.observedGeneration === d.metadata.generation
      );
    },
    60_000,
    `${name} rolled out to ${image}`,
  );

/** Follows the pods of one app (current ones first, as ADDED) and checks `invariant` after every event. */
function watchPods(app: string, resourceVersion: string | undefined, invariant: (live: Map<string, PodEvent['watchPods']['object']>) => void) {
  const live = new Map<string, PodEvent['watchPods']['object']>();
  const violations: string[] = [];
  const stop = api.ws().subscribe<PodEvent>(
    {
      query: `subscription($rv: String, $s: String) { watchPods(resourceVersion: $rv, labelSelector: $s) { type object { metadata { name labels deletionTimestamp } status { phase conditions { type status } } } } }`,
      variables: { rv: resourceVersion, s: `app=${app}` },
    },
    {
      next: ({ data }) => {
        const e = data!.watchPods;
        if (e.type === 'DELETED' || e.object.metadata.deletionTimestamp) live.delete(e.object.metadata.name);
        else live.set(e.object.metadata.name, e.object);
        try {
          invariant(live);
        } catch (error) {
          violations.push((error as Error).message);
        }
      },
      error: (e) => violations.push(`watch failed: ${JSON.stringify(e)}`),
      complete: () => {},
    },
  );
  return { violations, stop };
}
const isAvailable = (p: PodEvent['watchPods']['object']) => (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

describe('Deployment controller', () => {
  test('creates a ReplicaSet named by pod-template-hash and its pods; status and Available condition', async () => {
    await api.ok(CREATE, { input: deployment('web', 'nginx:1.25', 4) });
    await rolledOut('web', 4, 'nginx:1.25');
    const { replicaSets } = await api.ok(`query { replicaSets(labelSelector: "app=web") { items { metadata { name labels annotations } } } }`);
    assert.equal(replicaSets.items.length, 1);
    const rs = replicaSets.items[0];
    assert.equal(rs.metadata.name, `web-${rs.metadata.labels['pod-template-hash']}`);
    assert.equal(rs.metadata.annotations['deployment.kubernetes.io/revision'], '1');
    const { deployment: d } = await api.ok(STATUS, { name: 'web' });
    assert.ok(d.status.conditions.some((c: any) => c.type === 'Available' && c.status === 'True'));
  });

  test('regression: each ReplicaSet scale is recorded once (ScalingReplicaSet events were written twice, count 2)', async () => {
    await api.ok(CREATE, { input: deployment('once', 'nginx:1.25', 2) });
    await rolledOut('once', 2, 'nginx:1.25');
    await api.ok(SET_IMAGE, { name: 'once', image: 'nginx:1.26' });
    await rolledOut('once', 2, 'nginx:1.26');
    const { events } = await api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=once,reason=ScalingReplicaSet") { items { message count } } }`);
    assert.ok(events.items.length >= 3, `scale events: ${JSON.stringify(events.items)}`); // up new, up/down during the rollout
    for (const e of events.items) assert.equal(e.count, 1, `${e.message} recorded ${e.count} times`);
  });

  test('a RollingUpdate with 25%/25% never exceeds desired + surge nor drops below desired − unavailable', async () => {
    const { createDeployment } = await api.ok(CREATE, {
      input: deployment('roll', 'nginx:1.25', 8, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }),
    });
    await rolledOut('roll', 8, 'nginx:1.25');
    assert.ok(createDeployment.metadata.resourceVersion);
    const watch = watchPods('roll', undefined, (live) => {
      const total = live.size;
      const available = [...live.values()].filter(isAvailable).length;
      if (total > 8 + 2) throw new Error(`${total} pods > desired 8 + surge 2`);
      if (total >= 8 && available < 8 - 2) throw new Error(`${available} available < desired 8 − unavailable 2`);
    });
    await new Promise((r) => setTimeout(r, 500));
    await api.ok(SET_IMAGE, { name: 'roll', image: 'nginx:1.26' });
    await rolledOut('roll', 8, 'nginx:1.26');
    watch.stop();
    assert.deepEqual(
      watch.violations.filter((v) => !v.startsWith('watch')),
      [],
    );
    const { deploymentHistory } = await api.ok(`query { deploymentHistory(name: "roll") { revision } }`);
    assert.deepEqual(
      deploymentHistory.map((h: any) => h.revision),
      [1, 2],
    );
  });

  test('Recreate never runs old and new pods together', async () => {
    const { createDeployment } = await api.ok(CREATE, { input: deployment('recreate', 'nginx:1.25', 3, { type: 'Recreate' }) });
    await rolledOut('recreate', 3, 'nginx:1.25');
    const hashes = (live: Map<string, PodEvent['watchPods']['object']>) => new Set([...live.values()].map((p) => p.metadata.labels['pod-template-hash']));
    assert.ok(createDeployment.metadata.resourceVersion);
    const watch = watchPods('recreate', undefined, (live) => {
      if (hashes(live).size > 1) throw new Error(`old and new pods together: ${[...hashes(live)].join(', ')}`);
    });
    await api.ok(SET_IMAGE, { name: 'recreate', image: 'nginx:1.26' });
    await rolledOut('recreate', 3, 'nginx:1.26');
    watch.stop();
    assert.deepEqual(watch.violations, []);
  });

  test('rollback restores the previous template as a new revision', async () => {
    await api.ok(`mutation { rollbackDeployment(name: "roll", toRevision: 0) { metadata { name } } }`);
    await rolledOut('roll', 8, 'nginx:1.25');
    const { deploymentHistory } = await api.ok(`query { deploymentHistory(name: "roll") { revision template { spec { containers { image } } } } }`);
    const latest = deploymentHistory[deploymentHistory.length - 1];
    assert.equal(latest.revision, 3);
    assert.equal(latest.template.spec.containers[0].image, 'nginx:1.25');
  });

  test('pause stops progress; resume continues', async () => {
    await api.ok(`mutation { pauseDeployment(name: "web") { metadata { name } } }`);
    await api.ok(SET_IMAGE, { name: 'web', image: 'nginx:1.27' });
    await new Promise((r) => setTimeout(r, 2000));
    assert.ok(
      (await livePods('web')).every((p) => p.spec.containers[0]!.image === 'nginx:1.25'),
      'no new pods while paused',
    );
    const { deployment: d } = await api.ok(STATUS, { name: 'web' });
    assert.ok(d.status.conditions.some((c: any) => c.type === 'Progressing' && c.reason === 'DeploymentPaused'));
    await api.ok(`mutation { resumeDeployment(name: "web") { metadata { name } } }`);
    await rolledOut('web', 4, 'nginx:1.27');
  });

  test('a rollout that makes no progress past its deadline gets ProgressDeadlineExceeded', async () => {
    neverReady.add('stuck');
    await api.ok(CREATE, { input: deployment('stuck', 'nginx:1.25', 2, {}, { progressDeadlineSeconds: 2 }) });
    await eventually(
      async () => {
        const { deployment: d } = await api.ok(STATUS, { name: 'stuck' });
        return d.status?.conditions?.some((c: any) => c.type === 'Progressing' && c.status === 'False' && c.reason === 'ProgressDeadlineExceeded');
      },
      30_000,
      'ProgressDeadlineExceeded',
    );
  });
});
