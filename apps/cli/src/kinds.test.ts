import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_LIST } from '@wheelhouse/model';
import { categoryResources, kindAndNames, lowerPlural, qualifiedKind, resolveKind } from './kinds.js';
import { apiResourcesTable } from './print/api-resources.js';
import { UsageError } from './errors.js';

test('kubectl names resolve; messages use kind.group and lowercase plurals', () => {
  assert.equal(qualifiedKind(resolveKind('deploy')), 'deployment.apps');
  assert.equal(qualifiedKind(resolveKind('po')), 'pod');
  assert.equal(lowerPlural(resolveKind('rs')), 'replicasets');
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
    ['Pod', 'ReplicationController', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'CronJob', 'Job', 'HorizontalPodAutoscaler'],
  );
  assert.deepEqual(
    kindAndNames(['all,pods,ns']).map((r) => r.kind.kind),
    ['Pod', 'ReplicationController', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'CronJob', 'Job', 'HorizontalPodAutoscaler', 'Namespace'],
  );
  assert.throws(() => kindAndNames([]), /must specify the type/);
  assert.throws(() => kindAndNames(['deploy/']), /resource\/name/);
});

// kubectl lists a group's resources as discovery does, alphabetically: cronjobs before jobs.
test("kubectl's all category comes from the catalogue: core kinds first, in catalogue order", () => {
  assert.deepEqual(categoryResources('all'), [
    'pods',
    'replicationcontrollers',
    'services',
    'deployments',
    'replicasets',
    'daemonsets',
    'cronjobs',
    'jobs',
    'horizontalpodautoscalers',
  ]);
  assert.deepEqual(
    kindAndNames(['all']).map((r) => r.kind.kind),
    ['Pod', 'ReplicationController', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'CronJob', 'Job', 'HorizontalPodAutoscaler'],
  );
});

test('api-resources lists every kind of the catalogue with its true short names', () => {
  const lines = apiResourcesTable(KIND_LIST).trimEnd().split('\n');
  assert.match(lines[0]!, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
  assert.equal(lines.length, KIND_LIST.length + 1);
  assert.ok(lines.some((l) => /^replicasets\s+rs\s+apps\/v1\s+true\s+ReplicaSet$/.test(l)));
  assert.ok(lines.some((l) => /^leases\s+coordination\.k8s\.io\/v1\s+true\s+Lease$/.test(l)));
});
