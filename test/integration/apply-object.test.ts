import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

// The dashboard's YAML editor previews a dry run with the object the server would store.
const APPLY = `mutation($m: String!, $dry: Boolean) { apply(manifest: $m, namespace: "default", dryRun: $dry) { objects { name action resourceVersion object } } }`;
const manifest = (replicas: number, label = 'web') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: preview, labels: { app: ${JSON.stringify(label)} } }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
`;

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

test('a dry run returns the defaulted object and writes nothing', async () => {
  const { apply } = await api.ok(APPLY, { m: manifest(2), dry: true });
  const [planned] = apply.objects;
  assert.equal(planned.action, 'created');
  assert.equal(planned.object.spec.replicas, 2);
  assert.equal(planned.object.spec.strategy.type, 'RollingUpdate');
  assert.equal(planned.object.metadata.namespace, 'default');
  const { deployment } = await api.ok(`query { deployment(namespace: "default", name: "preview") { metadata { name } } }`);
  assert.equal(deployment, null);
});

test('a real apply returns the stored object; a dry-run update shows the change unwritten', async () => {
  const created = (await api.ok(APPLY, { m: manifest(1) })).apply.objects[0];
  assert.equal(created.object.metadata.resourceVersion, created.resourceVersion);
  const planned = (await api.ok(APPLY, { m: manifest(4), dry: true })).apply.objects[0];
  assert.equal(planned.action, 'configured');
  assert.equal(planned.object.spec.replicas, 4);
  const { deployment } = await api.ok(`query { deployment(namespace: "default", name: "preview") { spec { replicas } } }`);
  assert.equal(deployment.spec.replicas, 1);
});

test('an invalid label is BAD_USER_INPUT naming the label field', async () => {
  const result = await api.gql(APPLY, { m: manifest(1, '-bad value-'), dry: true });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(result.errors?.[0]?.extensions?.field ?? '', /^metadata\.labels/);
});
