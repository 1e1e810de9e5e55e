import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnScheduler } from '../support/scheduler.js';

let api: TestApi;
let scheduler: ReturnType<typeof spawnScheduler>;
before(async () => {
  api = await startTestApi();
  scheduler = spawnScheduler(api.url);
});
after(async () => {
  if (scheduler && scheduler.exitCode === null) {
    scheduler.kill('SIGTERM');
    await once(scheduler, 'exit');
  }
  await api?.close();
});

interface PodView {
  metadata: { name: string };
  spec: { nodeName: string | null; containers: { resources: { requests: Record<string, string> | null } | null }[] };
  status: { conditions: { type: string; status: string; reason: string | null; message: string | null }[] | null } | null;
}

const node = (name: string, extra: { labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[] } = {}) =>
  api.ok(`mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
      spec: extra.taints ? { taints: extra.taints } : {},
      status: {
        allocatable: { cpu: '2', memory: '4Gi', pods: '10' },
        capacity: { cpu: '2', memory: '4Gi', pods: '10' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready' }],
      },
    },
  });

const pod = (name: string, cpu: string, spec: Record<string, unknown> = {}) =>
  api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name, labels: { test: 'sched' } },
      spec: { containers: [{ name: 'app', image: 'busybox:1.36', resources: { requests: { cpu, memory: '64Mi' } } }], ...spec },
    },
  });

const pods = async (): Promise<PodView[]> => {
  const { pods } = await api.ok(
    `query { pods(namespace: "default") { items { metadata { name } spec { nodeName containers { resources { requests } } } status { conditions { type status reason message } } } } }`,
  );
  return pods.items;
};
const byName = async (name: string) => (await pods()).find((p) => p.metadata.name === name);
const podScheduled = (p: PodView | undefined) => p?.status?.conditions?.find((c) => c.type === 'PodScheduled');
const milli = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);

function assertNoOvercommit(all: PodView[]) {
  const used = new Map<string, number>();
  for (const p of all) {
    if (!p.spec.nodeName) continue;
    const cpu = p.spec.containers.reduce((sum, c) => sum + milli(c.resources?.requests?.cpu ?? '0'), 0);
    used.set(p.spec.nodeName, (used.get(p.spec.nodeName) ?? 0) + cpu);
  }
  for (const [n, cpu] of used) assert.ok(cpu <= 2000, `${n} holds ${cpu}m of 2000m`);
}

describe('scheduler process', () => {
  test('binds pods without over-committing cpu; the rest are Unschedulable with the exact message', async () => {
    for (const n of ['node-1', 'node-2', 'node-3']) await node(n);
    for (let i = 0; i < 8; i++) await pod(`web-${i}`, '700m');
    const all = await eventually(
      async () => {
        const list = (await pods()).filter((p) => p.metadata.name.startsWith('web-'));
        const bound = list.filter((p) => p.spec.nodeName);
        const failed = list.filter((p) => podScheduled(p)?.status === 'False');
        return bound.length === 6 && failed.length === 2 ? list : undefined;
      },
      30_000,
      '6 bound and 2 unschedulable',
    );
    assertNoOvercommit(all);
    for (const p of all.filter((p) => !p.spec.nodeName)) {
      assert.deepEqual(podScheduled(p), { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' });
    }
    const boundPod = all.find((p) => p.spec.nodeName)!;
    assert.equal(podScheduled(boundPod)?.status, 'True');
    const perNode = new Map<string, number>();
    for (const p of all) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    assert.deepEqual([...perNode.values()], [2, 2, 2]);

    const scheduled = await eventually(
      async () => {
        const { events } = await api.ok(`query($n: String) { events(namespace: "default", fieldSelector: $n) { items { message type } } }`, {
          n: `involvedObject.name=${boundPod.metadata.name},reason=Scheduled`,
        });
        return events.items.length ? events.items : undefined;
      },
      10_000,
      'Scheduled event',
    );
    assert.equal(scheduled[0].message, `Successfully assigned default/${boundPod.metadata.name} to ${boundPod.spec.nodeName}`);
    const waiting = all.find((p) => !p.spec.nodeName)!;
    await eventually(
      async () => {
        const { events } = await api.ok(`query($n: String) { events(namespace: "default", fieldSelector: $n) { items { message type } } }`, {
          n: `involvedObject.name=${waiting.metadata.name},reason=FailedScheduling`,
        });
        return events.items.some((e: { message: string; type: string }) => e.message === '0/3 nodes are available: 3 Insufficient cpu.' && e.type === 'Warning');
      },
      10_000,
      'FailedScheduling event',
    );
  });

  test('nodeSelector and taints: only a tolerating pod lands on the tainted node', async () => {
    await node('gpu-1', { labels: { accelerator: 'gpu' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    await pod('picky', '100m', { nodeSelector: { accelerator: 'gpu' } });
    await pod('tolerant', '100m', { nodeSelector: { accelerator: 'gpu' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] });
    await eventually(async () => (await byName('tolerant'))?.spec.nodeName === 'gpu-1', 20_000, 'tolerant on gpu-1');
    const picky = await eventually(
      async () => {
        const p = await byName('picky');
        return podScheduled(p)?.status === 'False' ? p : undefined;
      },
      20_000,
      'picky unschedulable',
    );
    assert.equal(picky.spec.nodeName, null);
    assert.equal(podScheduled(picky)?.message, "0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 3 node(s) didn't match Pod's node affinity/selector.");
    // The untolerating web pods still found no room on gpu-1.
    const webs = (await pods()).filter((p) => p.metadata.name.startsWith('web-'));
    assert.equal(webs.filter((p) => p.spec.nodeName).length, 6);
    assert.ok(webs.every((p) => p.spec.nodeName !== 'gpu-1'));
  });

  test('unschedulable pods are bound once a node with room is added', async () => {
    await node('node-4');
    const all = await eventually(
      async () => {
        const list = (await pods()).filter((p) => p.metadata.name.startsWith('web-'));
        return list.every((p) => p.spec.nodeName) ? list : undefined;
      },
      30_000,
      'every web pod bound',
    );
    assert.equal(all.filter((p) => p.spec.nodeName === 'node-4').length, 2);
    assert.equal(podScheduled(all.find((p) => p.spec.nodeName === 'node-4'))?.status, 'True');
    assertNoOvercommit(await pods());
  });

  test('SIGTERM stops the scheduler with exit code 0 and releases the lease', async () => {
    const holder = async () =>
      (await api.ok(`query { lease(namespace: "kube-system", name: "wheelhouse-scheduler") { spec { holderIdentity } } }`)).lease?.spec.holderIdentity as string | null | undefined;
    assert.ok(await holder(), 'the scheduler holds kube-system/wheelhouse-scheduler');
    scheduler.kill('SIGTERM');
    const [code] = await once(scheduler, 'exit');
    assert.equal(code, 0, scheduler.output());
    assert.ok(!(await holder()), 'the lease is released');
  });
});
