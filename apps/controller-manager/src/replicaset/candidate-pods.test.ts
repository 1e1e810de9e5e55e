import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Indexer } from '@wheelhouse/controller-runtime';
import type { Pod, ReplicaSet, ReplicationController } from '@wheelhouse/model';
import { candidatePods, requiredLabelsOf } from './candidate-pods.js';
import { decideReplicaSet, type ReplicaSetAction } from './decide.js';

const now = new Date('2024-01-01T12:00:00Z');
const deploymentRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true };
const replicaSet = (name: string, replicas: number, hash: string): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default', uid: `${name}-uid`, generation: 1, ownerReferences: [deploymentRef] },
  spec: { replicas, selector: { matchLabels: { app: 'web', hash } }, template: { metadata: { labels: { app: 'web', hash } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
});
let n = 0;
const pod = (labels: Record<string, string>, owner?: string, extra: { namespace?: string; node?: string } = {}): Pod => ({
  metadata: {
    name: `p${++n}`,
    uid: `pu${n}`,
    namespace: extra.namespace ?? 'default',
    labels,
    ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `${owner}-uid`, controller: true }] : [],
  },
  spec: { nodeName: extra.node ?? `node-${n % 3}` },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }] },
});

/** What a decision did, independent of the order pods were listed in. */
const summary = (actions: ReplicaSetAction[]) =>
  actions
    .map((a) =>
      a.type === 'adopt' || a.type === 'release'
        ? `${a.type} ${a.pod.metadata.name}`
        : a.type === 'delete'
          ? `delete ${a.pods
              .map((p) => p.metadata.name)
              .sort()
              .join(',')}`
          : a.type === 'create'
            ? `create ${a.count}`
            : JSON.stringify(a),
    )
    .sort();

test('candidatePods: a sync decides the same from the candidates as from every pod of the namespace', () => {
  const current = replicaSet('web-new', 2, 'new');
  const old = replicaSet('web-old', 1, 'old');
  const other = { ...replicaSet('api', 1, 'x'), metadata: { ...replicaSet('api', 1, 'x').metadata, ownerReferences: [] } };
  other.spec!.selector = { matchLabels: { app: 'api' } };
  const indexer = new Indexer<Pod & { metadata: { name: string } }>();
  const pods = [
    pod({ app: 'web', hash: 'new' }, 'web-new'),
    pod({ app: 'web', hash: 'new' }, 'web-new'),
    pod({ app: 'web', hash: 'new' }, 'web-new', { node: 'node-0' }),
    pod({ app: 'web', hash: 'new' }), // an orphan to adopt
    pod({ app: 'gone' }, 'web-new'), // owned, no longer matching: released
    pod({ app: 'web', hash: 'old' }, 'web-old', { node: 'node-0' }), // a sibling's: ranks the deletion
    pod({ app: 'web', hash: 'new' }, 'api'), // another controller's
    pod({ app: 'api' }, 'api'),
    pod({ app: 'web', hash: 'new' }, undefined, { namespace: 'other' }),
  ];
  for (const p of pods) indexer.upsert(p as never);
  const replicaSets = [current, old, other];
  for (const rs of replicaSets) {
    const state = { rs, replicaSets, expectationsSatisfied: true, now };
    const all = indexer.list('default') as Pod[];
    const some = candidatePods(indexer as never, rs, 'ReplicaSet', replicaSets) as Pod[];
    assert.ok(some.length < all.length, `${rs.metadata.name}: fewer pods than the namespace holds`);
    assert.deepEqual(summary(decideReplicaSet({ ...state, pods: some })), summary(decideReplicaSet({ ...state, pods: all })), rs.metadata.name);
  }
});

test('requiredLabelsOf: matchLabels of a ReplicaSet, the map of a ReplicationController, none for {} or expressions only', () => {
  assert.deepEqual(requiredLabelsOf(replicaSet('a', 1, 'h'), 'ReplicaSet'), { app: 'web', hash: 'h' });
  const rc: ReplicationController = { metadata: { name: 'rc', namespace: 'default' }, spec: { selector: { app: 'x' } } };
  assert.deepEqual(requiredLabelsOf(rc, 'ReplicationController'), { app: 'x' });
  assert.equal(requiredLabelsOf({ ...rc, spec: { selector: {} } }, 'ReplicationController'), undefined);
  const expressions = replicaSet('b', 1, 'h');
  expressions.spec!.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] };
  assert.equal(requiredLabelsOf(expressions, 'ReplicaSet'), undefined);
});

test('candidatePods: a selector without required labels reads the whole namespace', () => {
  const rs = replicaSet('expr', 1, 'h');
  rs.spec!.selector = { matchExpressions: [{ key: 'app', operator: 'Exists' }] };
  const indexer = new Indexer<Pod & { metadata: { name: string } }>();
  for (const p of [pod({ app: 'a' }), pod({ other: 'b' }), pod({ app: 'c' }, undefined, { namespace: 'other' })]) indexer.upsert(p as never);
  assert.equal(candidatePods(indexer as never, rs, 'ReplicaSet', [rs]).length, 2);
});
