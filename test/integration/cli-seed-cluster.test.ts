// `wh seed` on a running cluster: API, controller-manager, scheduler, a process-runtime node
// agent and a simulated agent that adopts the seed's annotated nodes, as `npm start` runs them.
// The demo must come alive: real HTTP servers passing their probes, pinned workloads on their
// simulated nodes, run-to-completion pods Completed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
const processes: ChildProcess[] = [];

before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
  processes.push(
    spawnControllerManager(api.url),
    spawnScheduler(api.url),
    spawnNodeAgent(api.url, { runtime: 'process', nodeName: 'host' }),
    spawnNodeAgent(api.url, { runtime: 'simulated', args: ['--manage-annotated', '--nodes', '0'] }),
  );
});
after(async () => {
  await Promise.all(processes.map((p) => (p.exitCode !== null || p.signalCode !== null ? undefined : new Promise((resolve) => p.once('exit', resolve) && p.kill('SIGTERM')))));
  await api?.close();
});

interface PodView {
  metadata: { name: string; labels: Record<string, string> | null };
  spec: { nodeName: string | null };
  status: { phase: string | null; podIP: string | null; conditions: { type: string; status: string }[] | null } | null;
}
const pods = async (namespace: string): Promise<PodView[]> =>
  (
    await api.ok(`query($ns: String) { pods(namespace: $ns) { items { metadata { name labels } spec { nodeName } status { phase podIP conditions { type status } } } } }`, {
      ns: namespace,
    })
  ).pods.items;
const ready = (p: PodView) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
/** Pods of `namespace` matching `app`, once `count` of them are ready (or finished, with `phase`). */
const settled = (namespace: string, match: (p: PodView) => boolean, count: number, phase?: string) =>
  eventually(
    async () => {
      const found = (await pods(namespace)).filter(match);
      return found.length === count && found.every((p) => (phase ? p.status?.phase === phase : ready(p))) && found;
    },
    180_000,
    `${count} pods of ${namespace} ${phase ?? 'ready'}`,
  );

test('the seeded guestbook serves HTTP from the process node; the rest runs where it is pinned', async () => {
  const seeded = await wh.run(['seed']);
  assert.equal(seeded.code, 0, seeded.stderr);

  const guestbook = await settled('demo', (p) => p.metadata.labels?.app === 'guestbook', 6);
  assert.ok(
    guestbook.every((p) => p.spec.nodeName === 'host'),
    'guestbook pods run on the process node',
  );
  const frontend = guestbook.find((p) => p.metadata.labels?.tier === 'frontend')!;
  const page = await (await fetch(`http://${frontend.status!.podIP}:8080/`)).text();
  assert.match(page, /<h1>Guestbook<\/h1>/);

  const catalog = await settled('shop', (p) => p.metadata.labels?.app === 'catalog', 3);
  assert.ok(
    catalog.every((p) => p.spec.nodeName === 'sim-a1'),
    'the ReplicaSet is pinned to the SSD node',
  );
  const checkout = await settled('shop', (p) => p.metadata.labels?.app === 'checkout', 2);
  assert.ok(
    checkout.every((p) => p.spec.nodeName === 'sim-b1'),
    'the Deployment is pinned to zone-b',
  );
  const cart = await settled('shop', (p) => p.metadata.labels?.app === 'cart', 2);
  assert.ok(
    cart.every((p) => p.spec.nodeName?.startsWith('sim-')),
    'the ReplicationController runs on simulated nodes',
  );
  const workers = await settled('batch', (p) => p.metadata.labels?.app === 'workers', 3);
  assert.ok(
    workers.every((p) => p.spec.nodeName === 'sim-batch1'),
    'workers tolerate the batch taint and select its node',
  );

  await settled('batch', (p) => p.metadata.name === 'pi' || p.metadata.name === 'nightly-report', 2, 'Succeeded');
  const completed = await wh.run(['get', 'pods', '-n', 'batch', '-l', 'app in (pi,report)']);
  assert.match(completed.stdout, /\nnightly-report\s+0\/1\s+Completed\s+0\s/);
  assert.match(completed.stdout, /\npi\s+0\/1\s+Completed\s+0\s/);
  assert.match((await wh.run(['logs', 'pi', '-n', 'batch'])).stdout, /^3\.14159\d\n$/);

  // Seeding a live cluster again changes nothing: the agents and controllers own fields the seed leaves alone.
  const again = await wh.run(['seed']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(
    again.stdout.split('\n').filter((l) => / (created|configured)$/.test(l)),
    [],
  );
});
