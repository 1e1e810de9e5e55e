import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { spawnControllerManager, eventually } from '../support/controller-manager.js';
import { startSlowProxy, type SlowProxy } from '../support/slow-proxy.js';

// Regression (bench:scale, 5,906 and 10,802 pods for 3,000): under load the
// controller-manager lost its Lease, took it again at once and started a new term
// while the old term's ReplicaSet reconciles were still creating pods; the new
// term's fresh informers listed too few pods and created the rest once more.
// The manager talks to the API through a proxy that makes createPods slow, so a
// reconcile is still creating when its term ends.

let api: TestApi;
let proxy: SlowProxy;
const managers: ReturnType<typeof spawnControllerManager>[] = [];
before(async () => {
  api = await startTestApi();
  proxy = await startSlowProxy(api.url);
});
after(async () => {
  for (const m of managers) if (m.exitCode === null && m.signalCode === null) m.kill('SIGKILL');
  await proxy?.close();
  await api?.close();
});

const LEASE = `namespace: "kube-system", name: "wheelhouse-controller-manager"`;
const leaseHolder = async () => (await api.ok(`query { lease(${LEASE}) { spec { holderIdentity } } }`)).lease?.spec.holderIdentity as string | undefined;
/** Frees the Lease under the leader's feet: its next renewal finds it lost, and it may take it again at once. */
const freeLease = () => api.ok(`mutation { patchLease(${LEASE}, patch: { spec: { holderIdentity: null } }) { metadata { name } } }`);

const RS_COUNT = 2;
const REPLICAS = 200;

async function createReplicaSets(label: string): Promise<void> {
  for (let i = 0; i < RS_COUNT; i++) {
    const name = `${label}-${i}`;
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name },
        spec: {
          replicas: REPLICAS,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name, test: label } }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }] } },
        },
      },
    });
  }
}

/** Live pods per owning ReplicaSet. */
async function livePods(label: string): Promise<Map<string, number>> {
  const { pods } = await api.ok(`query($s: String) { pods(labelSelector: $s) { items { metadata { deletionTimestamp ownerReferences { name } } } } }`, { s: `test=${label}` });
  const perOwner = new Map<string, number>();
  for (const p of pods.items as { metadata: { deletionTimestamp?: string; ownerReferences: { name: string }[] } }[]) {
    if (p.metadata.deletionTimestamp) continue;
    const owner = p.metadata.ownerReferences[0]?.name ?? '';
    perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
  }
  return perOwner;
}

/**
 * Polls the pod counts until every ReplicaSet has its pods, asserting none ever
 * has more; `disrupt` runs between polls. Then checks the settled counts.
 */
async function watchCounts(label: string, manager: ReturnType<typeof spawnControllerManager>, disrupt: (total: number) => Promise<void>): Promise<void> {
  const check = (counts: Map<string, number>) => {
    for (const [owner, n] of counts) assert.ok(n <= REPLICAS, `${owner} has ${n} pods, more than its ${REPLICAS} replicas\n${manager.output().slice(-3000)}`);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const counts = await livePods(label);
    check(counts);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total === RS_COUNT * REPLICAS) break;
    assert.ok(Date.now() < deadline, `timed out with ${total} of ${RS_COUNT * REPLICAS} pods\n${manager.output().slice(-3000)}`);
    await disrupt(total);
    await new Promise((r) => setTimeout(r, 50));
  }
  // A term still running would go on creating: look again once things settle.
  await new Promise((r) => setTimeout(r, 3000));
  const final = await livePods(label);
  check(final);
  assert.deepEqual(
    [...final.values()],
    Array.from({ length: RS_COUNT }, () => REPLICAS),
    `every ReplicaSet ends with exactly ${REPLICAS} pods`,
  );
}

const terms = (manager: ReturnType<typeof spawnControllerManager>) => manager.output().split('leading as').length - 1;

test('the Lease taken away again and again while ReplicaSets create pods: never more pods than replicas', async () => {
  const manager = spawnControllerManager(proxy.url);
  managers.push(manager);
  await eventually(leaseHolder, 20_000, 'a leader');
  proxy.delay(/createPods/, 300);
  await createReplicaSets('stolen');

  // Freed once pods appear, then again as soon as each new term starts (while
  // its informers may still be listing), a few times.
  let thefts = 0;
  let lastTerm = 0;
  await watchCounts('stolen', manager, async (total) => {
    const term = terms(manager);
    if (thefts < 5 && total > 0 && term > lastTerm) {
      await freeLease();
      thefts++;
      lastTerm = term;
    }
  });
  proxy.clear();
  assert.ok(thefts >= 2, `the Lease was taken away during creation (${thefts} times)`);
  assert.ok(manager.output().includes('lost leadership'), 'the manager noticed it lost the Lease');
  manager.kill('SIGKILL');
});

test('a renewal slower than the renew deadline (landing late) while ReplicaSets create pods: never more pods than replicas', async () => {
  for (const m of managers) if (m.exitCode === null && m.signalCode === null) m.kill('SIGKILL');
  proxy.clear();
  const manager = spawnControllerManager(proxy.url);
  managers.push(manager);
  // The killed manager's Lease expires first (3 s).
  await eventually(async () => terms(manager) > 0, 30_000, 'the new manager to lead');
  proxy.delay(/createPods/, 300);
  await createReplicaSets('slow-renew');

  let slowed = 0;
  let lastTerm = 0;
  await watchCounts('slow-renew', manager, async (total) => {
    const term = terms(manager);
    if (slowed < 3 && total > 0 && term > lastTerm) {
      // The next renewal takes 2.5 s (deadline 2 s) and then lands.
      proxy.delay(/patchLease/, 2500, 1);
      slowed++;
      lastTerm = term;
    }
  });
  proxy.clear();
  assert.ok(manager.output().includes('lost leadership'), `the manager lost the Lease to its slow renewal\n${manager.output().slice(-3000)}`);
});
