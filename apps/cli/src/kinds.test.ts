import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindAndNames, lowerPlural, ops, qualifiedKind, resolveKind } from './kinds.js';
import { UsageError } from './errors.js';

test('kubectl names resolve; messages use kind.group and lowercase plurals', () => {
  assert.equal(qualifiedKind(resolveKind('deploy')), 'deployment.apps');
  assert.equal(qualifiedKind(resolveKind('po')), 'pod');
  assert.equal(lowerPlural(resolveKind('rs')), 'replicasets');
  assert.deepEqual(ops(resolveKind('rs')), {
    get: 'replicaSet',
    list: 'replicaSets',
    create: 'createReplicaSet',
    patch: 'patchReplicaSet',
    delete: 'deleteReplicaSet',
    input: 'ReplicaSetInput',
  });
  assert.throws(() => resolveKind('widgets'), UsageError);
});

test('KIND NAME..., KIND/NAME, and KIND,KIND', () => {
  assert.deepEqual(
    kindAndNames(['po', 'a', 'b']).map((r) => [r.kind.kind, r.names]),
    [['Pod', ['a', 'b']]],
  );
  assert.deepEqual(
    kindAndNames(['deploy/web', 'rs/x']).map((r) => [r.kind.kind, r.names]),
    [
      ['Deployment', ['web']],
      ['ReplicaSet', ['x']],
    ],
  );
  assert.deepEqual(
    kindAndNames(['pods,deploy']).map((r) => r.kind.kind),
    ['Pod', 'Deployment'],
  );
  assert.deepEqual(
    kindAndNames(['all']).map((r) => r.kind.kind),
    ['Pod', 'ReplicationController', 'Deployment', 'ReplicaSet'],
  );
  assert.deepEqual(
    kindAndNames(['all,pods,ns']).map((r) => r.kind.kind),
    ['Pod', 'ReplicationController', 'Deployment', 'ReplicaSet', 'Namespace'],
  );
  assert.throws(() => kindAndNames([]), /must specify the type/);
  assert.throws(() => kindAndNames(['deploy/']), /resource\/name/);
});
