import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApi } from '../support/api.js';
import { startTestCluster, type TestCluster } from '../support/cluster.js';
import { eventually } from '../support/controller-manager.js';

// The garbage collector learns its kinds from the catalogue (garbage-collector/kinds.ts):
// kinds that came after it (ConfigMap, Secret, Service) are collected with no change to it.
let cluster: TestCluster;
let api: TestApi;
before(async () => {
  cluster = await startTestCluster();
  api = cluster.api;
});
after(async () => cluster?.close());

const exists = async (field: 'configMap' | 'secret', name: string) => {
  const data = await api.ok(`query($n: String!) { ${field}(namespace: "default", name: $n) { metadata { name } } }`, { n: name });
  return data[field] !== null;
};

test('dependents of kinds newer than the collector go with their owner; others stay', async () => {
  const { createDeployment } = await api.ok(`mutation($input: DeploymentInput!) { createDeployment(input: $input) { metadata { name uid } } }`, {
    input: {
      metadata: { name: 'gc-owner' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'gc' } }, template: { metadata: { labels: { app: 'gc' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    },
  });
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gc-owner', uid: createDeployment.metadata.uid }];
  await api.ok(`mutation($input: ConfigMapInput!) { createConfigMap(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'gc-config', ownerReferences: owner }, data: { a: '1' } },
  });
  await api.ok(`mutation($input: SecretInput!) { createSecret(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'gc-secret', ownerReferences: owner }, stringData: { password: 'hunter2' } },
  });
  await api.ok(`mutation($input: ConfigMapInput!) { createConfigMap(input: $input) { metadata { name } } }`, { input: { metadata: { name: 'gc-unowned' }, data: { b: '2' } } });
  assert.equal(await exists('configMap', 'gc-config'), true);

  await api.ok(`mutation { deleteDeployment(namespace: "default", name: "gc-owner") { metadata { name } } }`);
  await eventually(async () => !(await exists('configMap', 'gc-config')) && !(await exists('secret', 'gc-secret')), 30_000, 'owned ConfigMap and Secret collected');
  assert.equal(await exists('configMap', 'gc-unowned'), true, 'an object without owners stays');
});
