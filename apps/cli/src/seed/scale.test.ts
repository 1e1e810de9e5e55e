import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunk, scaleDeployments, scaleNodes, SCALE_NAMESPACE } from './scale.js';
import { addTally, emptyTally, tallyText } from './tally.js';

test('nodes: stable names, the simulated annotation, zones in turn, capacity in status', () => {
  const nodes = scaleNodes(4) as any[];
  assert.deepEqual(
    nodes.map((n) => n.metadata.name),
    ['sim-scale-0001', 'sim-scale-0002', 'sim-scale-0003', 'sim-scale-0004'],
  );
  assert.equal(nodes[0].metadata.annotations['wheelhouse.io/simulated'], 'true');
  assert.deepEqual(
    nodes.map((n) => n.metadata.labels['topology.kubernetes.io/zone']),
    ['zone-a', 'zone-b', 'zone-c', 'zone-a'],
  );
  assert.equal(nodes[3].status.allocatable.pods, '110');
  assert.deepEqual(scaleNodes(2), scaleNodes(2), 'the same every run');
});

test('deployments: replicas add up to the pods asked for, pinned to the generated nodes', () => {
  const deployments = scaleDeployments(25, 10) as any[];
  assert.deepEqual(
    deployments.map((d) => [d.metadata.name, d.spec.replicas]),
    [
      ['load-0001', 10],
      ['load-0002', 10],
      ['load-0003', 5],
    ],
  );
  assert.ok(deployments.every((d) => d.metadata.namespace === SCALE_NAMESPACE));
  // The selector matches every generated node's labels.
  const selector = deployments[0].spec.template.spec.nodeSelector as Record<string, string>;
  const nodeLabels = (scaleNodes(1)[0] as any).metadata.labels;
  assert.ok(Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => nodeLabels[k] === v));
  assert.deepEqual(deployments[1].spec.selector.matchLabels, { app: 'load-0002' });
  assert.equal(scaleDeployments(0).length, 0);
});

test('chunks keep order and the remainder; tallies count actions', () => {
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunk([], 3), []);
  const t = addTally(emptyTally(), [{ action: 'created' }, { action: 'unchanged' }, { action: 'created' }]);
  assert.equal(tallyText(t), '2 created, 0 configured, 1 unchanged');
});
