import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const APPLY = `mutation($m: String!) { apply(manifest: $m) { objects { kind name action } } }`;
const deployment = (extra = '', labels = 'app: web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${extra}`;
const DEPLOYMENT_FIELDS = `metadata { name generation annotations } spec { replicas paused selector { matchLabels } strategy { type rollingUpdate { maxSurge maxUnavailable } } revisionHistoryLimit progressDeadlineSeconds template { metadata { labels annotations } spec { restartPolicy containers { image } } } }`;

describe('deployments', () => {
  test('apply creates a Deployment with apps/v1 defaults', async () => {
    await api.ok(APPLY, { m: deployment() });
    const { deployment: d } = await api.ok(`query { deployment(name: "web") { ${DEPLOYMENT_FIELDS} } }`);
    assert.deepEqual(d.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    assert.equal(d.spec.revisionHistoryLimit, 10);
    assert.equal(d.spec.progressDeadlineSeconds, 600);
    assert.equal(d.spec.template.spec.restartPolicy, 'Always');
  });

  test('the selector must match the template labels', async () => {
    const result = await api.gql(APPLY, { m: deployment('', 'app: other').replace('name: web\n', 'name: mismatch\n') });
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'spec.template.metadata.labels');
  });

  test('maxSurge and maxUnavailable may not both be 0', async () => {
    const m = deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n').replace('name: web\n', 'name: stuck\n');
    const result = await api.gql(APPLY, { m });
    assert.equal(result.errors?.[0]?.extensions?.field, 'spec.strategy.rollingUpdate.maxUnavailable');
  });

  test('the selector is immutable', async () => {
    const result = await api.gql(
      `mutation { patchDeployment(name: "web", patch: { spec: { selector: { matchLabels: { app: "x" } }, template: { metadata: { labels: { app: "x" } } } } }) { metadata { name } } }`,
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'spec.selector');
  });

  test('scale, pause, resume and restart', async () => {
    const scaled = await api.ok(`mutation { scaleDeployment(name: "web", replicas: 5) { spec { replicas } metadata { generation } } }`);
    assert.equal(scaled.scaleDeployment.spec.replicas, 5);
    assert.equal((await api.ok(`mutation { pauseDeployment(name: "web") { spec { paused } } }`)).pauseDeployment.spec.paused, true);
    assert.equal((await api.ok(`mutation { resumeDeployment(name: "web") { spec { paused } } }`)).resumeDeployment.spec.paused, false);
    const restarted = await api.ok(`mutation { restartDeployment(name: "web") { metadata { generation } spec { template { metadata { annotations } } } } }`);
    assert.ok(restarted.restartDeployment.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']);
    assert.ok(restarted.restartDeployment.metadata.generation > scaled.scaleDeployment.metadata.generation);
  });

  test('history and rollback read the ReplicaSets the Deployment owns', async () => {
    const { deployment: d } = await api.ok(`query { deployment(name: "web") { metadata { uid } } }`);
    const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }];
    for (const [revision, image] of [
      ['1', 'nginx:1.25'],
      ['2', 'nginx:1.26'],
    ] as const) {
      await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { name } } }`, {
        input: {
          metadata: {
            name: `web-r${revision}`,
            ownerReferences: owner,
            annotations: { 'deployment.kubernetes.io/revision': revision, 'kubernetes.io/change-cause': `image ${image}` },
          },
          spec: {
            replicas: 0,
            selector: { matchLabels: { app: 'web', 'pod-template-hash': `h${revision}` } },
            template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${revision}` } }, spec: { containers: [{ name: 'web', image }] } },
          },
        },
      });
    }
    const { deploymentHistory } = await api.ok(`query { deploymentHistory(name: "web") { revision changeCause replicaSetName } }`);
    assert.deepEqual(deploymentHistory, [
      { revision: 1, changeCause: 'image nginx:1.25', replicaSetName: 'web-r1' },
      { revision: 2, changeCause: 'image nginx:1.26', replicaSetName: 'web-r2' },
    ]);
    const { rollbackDeployment } = await api.ok(
      `mutation { rollbackDeployment(name: "web", toRevision: 0) { spec { template { metadata { labels annotations } spec { containers { image } } } } } }`,
    );
    assert.equal(rollbackDeployment.spec.template.spec.containers[0].image, 'nginx:1.25');
    assert.deepEqual(rollbackDeployment.spec.template.metadata.labels, { app: 'web' });
    // Regression: rollback used to merge the old template over the current one, keeping the restart annotation.
    assert.equal(rollbackDeployment.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'], undefined);
    const missing = await api.gql(`mutation { rollbackDeployment(name: "web", toRevision: 9) { metadata { name } } }`);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});

describe('replication controllers and replica sets', () => {
  test('a ReplicationController defaults its selector and labels to the template labels', async () => {
    const { createReplicationController } = await api.ok(
      `mutation($input: ReplicationControllerInput!) { createReplicationController(input: $input) { metadata { labels } spec { replicas selector } } }`,
      { input: { metadata: { name: 'legacy' }, spec: { template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'a', image: 'x:1' }] } } } } },
    );
    assert.deepEqual(createReplicationController, { metadata: { labels: { app: 'legacy' } }, spec: { replicas: 1, selector: { app: 'legacy' } } });
    const { scaleReplicationController } = await api.ok(`mutation { scaleReplicationController(name: "legacy", replicas: 4) { spec { replicas } } }`);
    assert.equal(scaleReplicationController.spec.replicas, 4);
  });

  test('a ReplicaSet template must restart Always', async () => {
    const result = await api.gql(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'never' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: { labels: { a: 'b' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'a', image: 'x:1' }] } },
        },
      },
    });
    assert.equal(result.errors?.[0]?.extensions?.field, 'spec.template.spec.restartPolicy');
  });

  test('replicaSets lists and watches like every kind', async () => {
    const { replicaSets } = await api.ok(`query { replicaSets(labelSelector: "!missing") { metadata { resourceVersion } items { metadata { name } } } }`);
    assert.deepEqual(
      replicaSets.items.map((r: any) => r.metadata.name),
      ['web-r1', 'web-r2'],
    );
  });
});
