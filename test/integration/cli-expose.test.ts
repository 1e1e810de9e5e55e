import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => api?.close());

test('wh expose deployment makes a NodePort Service; wh get svc,ep,endpointslices print kubectl columns', async () => {
  await api.ok(`mutation($input: DeploymentInput!) { createDeployment(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], ports: [{ containerPort: 8080 }] }] },
        },
      },
    },
  });
  const exposed = await wh.run(['expose', 'deployment', 'web', '--port', '80', '--target-port', '8080', '--type', 'NodePort']);
  assert.equal(exposed.stderr, '');
  assert.equal(exposed.stdout.trim(), 'service/web exposed');
  const { service } = await api.ok(`{ service(name: "web") { spec { clusterIP selector ports { port targetPort nodePort } } } }`);
  assert.deepEqual(service.spec.selector, { app: 'web' });
  const nodePort = service.spec.ports[0].nodePort;
  const get = await wh.run(['get', 'svc']);
  const lines = get.stdout.trim().split('\n');
  assert.match(lines[0]!, /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
  assert.match(
    lines.find((l) => l.startsWith('web '))!,
    new RegExp(`^web\\s+NodePort\\s+${service.spec.clusterIP.replaceAll('.', '\\.')}\\s+<none>\\s+80:${nodePort}/TCP\\s+\\d+s$`),
  );
  const again = await wh.run(['expose', 'deployment/web', '--port', '80']);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /already exists/);
  const slices = await wh.run(['get', 'endpointslices']);
  assert.equal(slices.code, 0, slices.stderr);
  const ep = await wh.run(['get', 'ep']);
  assert.equal(ep.code, 0, ep.stderr);
  const bad = await wh.run(['expose', 'deployment', 'web', '--name', 'web2', '--port', '80', '--type', 'Weird']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /invalid --type/);
});
