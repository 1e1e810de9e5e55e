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

type WatchedPod = PodEvent['watchPods']['object'];
/** What a pod watch saw of one pod over the whole test. */
interface PodHistory {
  hash: string;
  ready: boolean;
  deleted: boolean;
}

/**
 * Follows the pods of one app (current ones first, as ADDED), checks `invariant` after
 * every event and keeps each pod's history. A watch error or an early end is a violation:
 * a broken watch must fail the test, not make the invariant vacuous.
 */
function watchPods(app: string, invariant: (live: Map<string, WatchedPod>) => void) {
  const live = new Map<string, WatchedPod>();
  const history = new Map<string, PodHistory>();
  const violations: string[] = [];
  let events = 0;
  let stopped = false;
  const unsubscribe = api.ws().subscribe<PodEvent>(
    {
      query: `subscription($s: String) { watchPods(labelSelector: $s) { type object { metadata { name labels deletionTimestamp } status { phase conditions { type status } } } } }`,
      variables: { s: `app=${app}` },
    },
    {
      next: ({ data, errors }) => {
        if (errors?.length) violations.push(`watch error: ${JSON.stringify(errors)}`);
        const e = data?.watchPods;
        if (!e) return;
        events++;
        const { name, labels, deletionTimestamp } = e.object.metadata;
        const gone = e.type === 'DELETED' || Boolean(deletionTimestamp);
        const seen = history.get(name) ?? { hash: labels['pod-template-hash'] ?? '', ready: false, deleted: false };
        seen.ready ||= !gone && isAvailable(e.object);
        seen.deleted ||= gone;
        history.set(name, seen);
        if (gone) live.delete(name);
        else live.set(name, e.object);
        try {
          invariant(live);
        } catch (error) {
          violations.push((error as Error).message);
        }
      },
      error: (e) => violations.push(`watch failed: ${JSON.stringify(e)}`),
      complete: () => {
        if (!stopped) violations.push('the watch ended before the test stopped it');
      },
    },
  );
  return {
    violations,
    history,
    get events() {
      return events;
    },
    /** Waits until the watch itself shows `count` live pods, all Ready, all of template `hash`; fails at once on a violation. */
    async settled(count: number, hash: () => Promise<string>) {
      const want = await hash();
      for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 100))) {
        assert.deepEqual(violations, [], `the ${app} watch`);
        const pods = [...live.values()];
        if (pods.length === count && pods.every((p) => p.metadata.labels['pod-template-hash'] === want && isAvailable(p))) return;
        assert.ok(Date.now() < deadline, `the ${app} watch never showed ${count} ready pods of template ${want} (${events} events)`);
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}

/** The pod-template-hash of the Deployment's newest ReplicaSet (highest revision). */
const newestHash = async (app: string) => {
  const { replicaSets } = await api.ok(`query($s: String) { replicaSets(labelSelector: $s) { items { metadata { labels annotations } } } }`, { s: `app=${app}` });
  const items = replicaSets.items as { metadata: { labels: Record<string, string>; annotations: Record<string, string> } }[];
  const revision = (rs: (typeof items)[number]) => Number(rs.metadata.annotations['deployment.kubernetes.io/revision'] ?? 0);
  return items.reduce((a, b) => (revision(b) > revision(a) ? b : a)).metadata.labels['pod-template-hash']!;
};

/**
 * The watch saw the whole rollout: all `replicas` old pods present at the start and
 * deleted, and `replicas` new pods created and seen Ready.
 */
function assertWholeRollout(history: Map<string, PodHistory>, oldHash: string, newHash: string, replicas: number) {
  const of = (hash: string) => [...history].filter(([, h]) => h.hash === hash);
  const old = of(oldHash);
  const fresh = of(newHash);
  assert.equal(old.length, replicas, `old pods seen: ${old.map(([n]) => n).join(', ')}`);
  assert.deepEqual(
    old.filter(([, h]) => !h.deleted).map(([n]) => n),
    [],
    'every old pod was seen going away',
  );
  assert.equal(fresh.length, replicas, `new pods seen: ${fresh.map(([n]) => n).join(', ')}`);
  assert.deepEqual(
    fresh.filter(([, h]) => !h.ready || h.deleted).map(([n]) => n),
    [],
    'every new pod was seen Ready, and stayed',
  );
}
const isAvailable = (p: PodEvent['watchPods']['object']) => (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

// The controller is isolated on purpose: the test kubelet (test/support/test-kubelet.ts)
// makes pods Running and Ready at once, unscheduled; the cluster path with the scheduler
// and node agents is covered by cli-rollout and node-lifecycle-agents.
describe('Deployment controller (pods made Ready by the test kubelet stand-in, no scheduler or node agent)', () => {
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
    const oldHash = await newestHash('roll');
    const watch = watchPods('roll', (live) => {
      const total = live.size;
      const available = [...live.values()].filter(isAvailable).length;
      if (total > 8 + 2) throw new Error(`${total} pods > desired 8 + surge 2`);
      if (total >= 8 && available < 8 - 2) throw new Error(`${available} available < desired 8 − unavailable 2`);
    });
    await watch.settled(8, async () => oldHash);
    await api.ok(SET_IMAGE, { name: 'roll', image: 'nginx:1.26' });
    await rolledOut('roll', 8, 'nginx:1.26');
    await watch.settled(8, () => newestHash('roll'));
    watch.stop();
    assert.deepEqual(watch.violations, []);
    assertWholeRollout(watch.history, oldHash, await newestHash('roll'), 8);
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
    const oldHash = await newestHash('recreate');
    const watch = watchPods('recreate', (live) => {
      if (hashes(live).size > 1) throw new Error(`old and new pods together: ${[...hashes(live)].join(', ')}`);
    });
    await watch.settled(3, async () => oldHash);
    await api.ok(SET_IMAGE, { name: 'recreate', image: 'nginx:1.26' });
    await rolledOut('recreate', 3, 'nginx:1.26');
    await watch.settled(3, () => newestHash('recreate'));
    watch.stop();
    assert.deepEqual(watch.violations, []);
    assertWholeRollout(watch.history, oldHash, await newestHash('recreate'), 3);
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
