// kubectl's create generators (pkg/cmd/create: create_deployment_test.go, create_service_test.go cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerNameOf, deploymentObject, namespaceObject, serviceObject } from './workloads.js';

test('container names come from the image', () => {
  for (const [image, name] of [
    ['nginx', 'nginx'],
    ['nginx:1.27', 'nginx'],
    ['registry.k8s.io/pause:3.9', 'pause'],
    ['localhost:5000/team/app@sha256:abc', 'app'],
    ['busybox_extra', 'busybox-extra'],
  ]) {
    assert.equal(containerNameOf(image!), name, image);
  }
});

test('create deployment: app=NAME labels and selector, one container per image, replicas and port', () => {
  assert.deepEqual(deploymentObject('web', { images: ['nginx:1.27'], replicas: 3, port: 80, command: [] }), {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
    },
  });
  const two = deploymentObject('duo', { images: ['nginx', 'redis'], command: [] }) as { spec: { replicas: number; template: { spec: { containers: { name: string }[] } } } };
  assert.equal(two.spec.replicas, 1);
  assert.deepEqual(
    two.spec.template.spec.containers.map((c) => c.name),
    ['nginx', 'redis'],
  );
  assert.throws(() => deploymentObject('x', { images: [], command: [] }), /required flag\(s\) "image" not set/);
  assert.throws(() => deploymentObject('x', { images: ['a', 'b'], command: ['sleep'] }), /cannot specify multiple --image options and command/);
});

test('create service: ports named port-target, selector app=NAME, types, headless and external names', () => {
  assert.deepEqual(serviceObject('web', 'clusterip', { tcp: ['5678:8080'] }), {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: '5678-8080', protocol: 'TCP', port: 5678, targetPort: 8080 }] },
  });
  const headless = serviceObject('db', 'clusterip', { tcp: [], clusterIP: 'None' }) as { spec: { clusterIP: string; ports: unknown[] } };
  assert.equal(headless.spec.clusterIP, 'None');
  assert.deepEqual(headless.spec.ports, []);
  const nodePort = serviceObject('np', 'nodeport', { tcp: ['80:http'], nodePort: 30080 }) as { spec: { type: string; ports: unknown[] } };
  assert.equal(nodePort.spec.type, 'NodePort');
  assert.deepEqual(nodePort.spec.ports, [{ name: '80-http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 }]);
  assert.deepEqual((serviceObject('ext', 'externalname', { tcp: [], externalName: 'example.com' }) as { spec: unknown }).spec, {
    type: 'ExternalName',
    externalName: 'example.com',
  });
  assert.throws(() => serviceObject('x', 'clusterip', { tcp: [] }), /at least one --tcp/);
  assert.throws(() => serviceObject('x', 'clusterip', { tcp: ['0'] }), /port must be 1-65535/);
  assert.deepEqual(namespaceObject('team-a'), { metadata: { name: 'team-a' } });
});
