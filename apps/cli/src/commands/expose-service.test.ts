import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposedService } from './expose-service.js';

const deployment = {
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { spec: { containers: [{ name: 'app', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } },
  },
};

/** kubectl expose cases (pkg/cmd/expose/expose_test.go, ServiceGeneratorV2). */
test('expose deployment: matchLabels become the selector, --port and --target-port the port', () => {
  assert.deepEqual(exposedService('Deployment', deployment, { port: 80, targetPort: '8080', type: 'NodePort' }), {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], type: 'NodePort' },
  });
});

test('expose without --port takes the container ports; a named --target-port stays a name; --name renames', () => {
  assert.deepEqual(exposedService('Deployment', deployment, {}).spec, { selector: { app: 'web' }, ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }] });
  const two = structuredClone(deployment);
  two.spec.template.spec.containers[0]!.ports = [
    { containerPort: 80, protocol: 'TCP' },
    { containerPort: 53, protocol: 'UDP' },
  ];
  assert.deepEqual((exposedService('Deployment', two, {}).spec as { ports: unknown }).ports, [
    { name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80 },
    { name: 'port-2', port: 53, protocol: 'UDP', targetPort: 53 },
  ]);
  const named = exposedService('Deployment', deployment, { port: 80, targetPort: 'http', name: 'front' });
  assert.equal((named.metadata as { name: string }).name, 'front');
  assert.deepEqual((named.spec as { ports: unknown }).ports, [{ port: 80, protocol: 'TCP', targetPort: 'http' }]);
});

test('expose pod uses its labels; an RC its selector; refusals are usage errors', () => {
  const pod = { metadata: { name: 'p', labels: { run: 'p' } }, spec: { containers: [{ ports: [{ containerPort: 9000 }] }] } };
  assert.deepEqual((exposedService('Pod', pod, {}).spec as { selector: unknown }).selector, { run: 'p' });
  assert.deepEqual((exposedService('ReplicationController', { metadata: { name: 'rc' }, spec: { selector: { a: 'b' } } }, { port: 1 }).spec as { selector: unknown }).selector, {
    a: 'b',
  });
  assert.throws(() => exposedService('Pod', { metadata: { name: 'p' }, spec: {} }, { port: 80 }), /couldn't retrieve selectors/);
  assert.throws(() => exposedService('Pod', { ...pod, spec: { containers: [{}] } }, {}), /couldn't find port/);
  assert.throws(
    () => exposedService('Deployment', { ...deployment, spec: { ...deployment.spec, selector: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } } }, { port: 80 }),
    /matchExpressions/,
  );
});
