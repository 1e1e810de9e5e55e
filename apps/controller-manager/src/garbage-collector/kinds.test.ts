import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_CATALOGUE, KIND_LIST, type KindIdentity } from '@wheelhouse/model';
import { collectedKinds, collectorScope, GC_METADATA } from './kinds.js';

test('the collector watches every kind of the catalogue except Events', () => {
  assert.deepEqual(
    collectedKinds(),
    KIND_LIST.map((k) => k.kind).filter((k) => k !== 'Event'),
  );
  assert.ok(collectedKinds().includes('ReplicaSet'));
  assert.ok(!collectedKinds().includes('Event'));
});

test('a kind new to the catalogue is collected without any other change', () => {
  const configMap: KindIdentity = { ...KIND_CATALOGUE.Lease, kind: 'ConfigMap', apiVersion: 'v1', group: '', singular: 'configMap', plural: 'configMaps', resource: 'configmaps' };
  const kinds: readonly string[] = collectedKinds([...KIND_LIST, configMap]);
  assert.ok(kinds.includes('ConfigMap'));
});

test('Secrets and ConfigMaps are watched by their metadata only; other kinds share the full informers', () => {
  assert.deepEqual(collectorScope('Secret'), { select: GC_METADATA });
  assert.deepEqual(collectorScope('ConfigMap'), { select: GC_METADATA });
  assert.deepEqual(collectorScope('Pod'), {});
});
