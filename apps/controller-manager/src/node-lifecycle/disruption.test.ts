import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noExecutePolicy, zoneOf, zoneState, type NodeReadiness } from './disruption.js';

describe('zoneState', () => {
  test('no Ready node is a full disruption; one Ready node is enough to avoid it', () => {
    assert.equal(zoneState(['Unknown', 'False', undefined]), 'FullDisruption');
    assert.equal(zoneState(['Unknown']), 'FullDisruption');
    assert.equal(zoneState(['True', 'Unknown']), 'Normal');
  });

  test('partial disruption needs more than two nodes down and at least 55% of the zone', () => {
    assert.equal(zoneState(['True', 'Unknown', 'Unknown', 'Unknown']), 'PartialDisruption');
    assert.equal(zoneState(['True', 'True', 'Unknown', 'Unknown']), 'Normal', 'two down is never partial');
    assert.equal(zoneState(['True', 'True', 'True', 'Unknown', 'Unknown', 'Unknown']), 'Normal', '50% is under the threshold');
  });

  test('an empty zone is normal', () => {
    assert.equal(zoneState([]), 'Normal');
  });
});

describe('noExecutePolicy', () => {
  const nodes = (zone: string, ready: number, down: number): NodeReadiness[] => [
    ...Array.from({ length: ready }, () => ({ zone, ready: 'True' as const })),
    ...Array.from({ length: down }, () => ({ zone, ready: 'Unknown' as const })),
  ];

  test('a few nodes down: taint them', () => {
    assert.equal(noExecutePolicy(nodes('', 2, 1), ''), 'taint');
  });

  test('every node down (one zone or all zones): the controller doubts itself and lifts the taints', () => {
    assert.equal(noExecutePolicy(nodes('', 0, 3), ''), 'lift');
    assert.equal(noExecutePolicy([...nodes('a', 0, 2), ...nodes('b', 0, 2)], 'a'), 'lift');
  });

  test('one zone down while another is fine: that zone is really down', () => {
    assert.equal(noExecutePolicy([...nodes('a', 0, 2), ...nodes('b', 3, 0)], 'a'), 'taint');
    assert.equal(noExecutePolicy([...nodes('a', 0, 2), ...nodes('b', 3, 0)], 'b'), 'taint');
  });

  test('a partially disrupted zone holds when small, goes on slowly when large', () => {
    assert.equal(noExecutePolicy(nodes('', 1, 4), ''), 'hold');
    assert.equal(noExecutePolicy(nodes('', 10, 50), ''), 'taintSlowly');
  });

  test('zones come from the region and zone labels', () => {
    assert.equal(zoneOf({}), '');
    assert.equal(zoneOf({ 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1a' }), 'eu:\u0000:eu-1a');
    assert.notEqual(zoneOf({ 'topology.kubernetes.io/zone': 'a' }), zoneOf({ 'topology.kubernetes.io/zone': 'b' }));
  });
});
