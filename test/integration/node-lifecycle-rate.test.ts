import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import type { ComponentProcess } from '../support/component.js';
import { startHeartbeatNodes } from '../support/heartbeat-nodes.js';

// Nodes failing together are tainted NoExecute one at a time, at the node eviction rate.
// The nodes are the heartbeat stand-in, so the test silences two at the same moment.
let api: TestApi;
let manager: ComponentProcess;
let nodes: Awaited<ReturnType<typeof startHeartbeatNodes>>;
before(async () => {
  api = await startTestApi();
  nodes = await startHeartbeatNodes(api, ['rate-1', 'rate-2', 'rate-3', 'rate-4']);
  manager = spawnControllerManager(api.url, { WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS: '4', WHEELHOUSE_NODE_EVICTION_RATE: '0.1' });
});
after(async () => {
  nodes?.close();
  if (manager && manager.exitCode === null && manager.signalCode === null) {
    manager.kill('SIGTERM');
    await once(manager, 'exit');
  }
  await api?.close();
});

const noExecuteAdded = async (name: string) => {
  const { node } = await api.ok(`query($name: String!) { node(name: $name) { spec { taints { key effect timeAdded } } } }`, { name });
  const taint = (node.spec.taints ?? []).find((t: { key: string; effect: string }) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute');
  return taint ? Date.parse(taint.timeAdded) : undefined;
};

test('two nodes silent at once (heartbeat stand-in nodes): the second gets its NoExecute taint at least 5 s after the first (rate 0.1/s)', async () => {
  nodes.stop('rate-1');
  nodes.stop('rate-2');
  const [first, second] = await eventually(
    async () => {
      const times = [await noExecuteAdded('rate-1'), await noExecuteAdded('rate-2')];
      return times.every((t) => t !== undefined) ? (times as number[]).sort((a, b) => a - b) : undefined;
    },
    90_000,
    'both nodes tainted NoExecute',
  );
  // 0.1 nodes/s: the second token comes 10 s after the first was taken. timeAdded is when
  // each write happened (whole seconds), so a slow first write eats into the gap; without
  // the limiter both would come within a second.
  assert.ok(second! - first! >= 5_000, `tainted ${(second! - first!) / 1000} s apart`);
  for (const name of ['rate-3', 'rate-4']) assert.equal(await noExecuteAdded(name), undefined, `${name} is healthy`);
});
