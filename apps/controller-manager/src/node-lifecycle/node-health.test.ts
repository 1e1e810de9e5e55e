import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { heartbeatExpired, unknownConditions } from './node-health.js';
import { at, node, pressure, ready, stamp, T0 } from './fixtures.js';

describe('heartbeatExpired', () => {
  test('the node is healthy until the full grace period has passed without a renewal', () => {
    assert.equal(heartbeatExpired(T0, T0 + 39_999, 40_000), false);
    assert.equal(heartbeatExpired(T0, T0 + 40_000, 40_000), true);
    assert.equal(heartbeatExpired(T0 + 30_000, T0 + 60_000, 40_000), false, 'a renewal restarts the clock');
  });
});

describe('unknownConditions', () => {
  test('every posted condition becomes Unknown, NodeStatusUnknown, keeping its heartbeat', () => {
    const conditions = unknownConditions(
      node([ready('True', 5), pressure('MemoryPressure', 'False'), pressure('DiskPressure', 'False'), pressure('PIDPressure', 'False')]),
      at(60),
    )!;
    assert.equal(conditions.length, 4);
    for (const c of conditions) {
      assert.equal(c.status, 'Unknown');
      assert.equal(c.reason, 'NodeStatusUnknown');
      assert.equal(c.message, 'Kubelet stopped posting node status.');
      assert.equal(c.lastTransitionTime, stamp(60));
    }
    assert.equal(conditions[0]!.lastHeartbeatTime, stamp(5), 'the last heartbeat stays what it was');
  });

  test('conditions the kubelet never posted are added as Unknown, NodeStatusNeverUpdated', () => {
    const conditions = unknownConditions(node([]), at(60))!;
    assert.deepEqual(
      conditions.map((c) => [c.type, c.status, c.reason, c.message]),
      [
        ['Ready', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.'],
        ['MemoryPressure', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.'],
        ['DiskPressure', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.'],
        ['PIDPressure', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.'],
      ],
    );
    assert.equal(conditions[0]!.lastHeartbeatTime, stamp(-100), 'never heard: the heartbeat is the creation');
  });

  test('nothing to do once everything is Unknown', () => {
    const once = unknownConditions(node([ready('True')]), at(60))!;
    assert.equal(unknownConditions(node(once), at(90)), undefined);
  });
});
