// kubectl's create generators through the real CLI and API: namespace, deployment, service.
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
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

async function ok(args: string[]) {
  const result = await wh.run(args);
  assert.equal(result.code, 0, `wh ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

test('create namespace, deployment and service print kubectl lines and make the objects', async () => {
  assert.equal(await ok(['create', 'namespace', 'team']), 'namespace/team created\n');
  assert.equal(await ok(['create', 'deployment', 'web', '-n', 'team', '--image=nginx:1.27', '--replicas=2', '--port=80']), 'deployment.apps/web created\n');
  const deployment = JSON.parse(await ok(['get', 'deploy', 'web', '-n', 'team', '-o', 'json']));
  assert.equal(deployment.spec.replicas, 2);
  assert.deepEqual(deployment.spec.selector.matchLabels, { app: 'web' });
  assert.equal(deployment.spec.template.spec.containers[0].name, 'nginx');
  assert.equal(await ok(['create', 'service', 'clusterip', 'web', '-n', 'team', '--tcp=80:8080']), 'service/web created\n');
  const service = JSON.parse(await ok(['get', 'svc', 'web', '-n', 'team', '-o', 'json']));
  assert.match(service.spec.clusterIP, /^127\./, 'a ClusterIP from the service range');
  assert.deepEqual(
    service.spec.ports.map((p: { name: string; port: number; targetPort: number }) => [p.name, p.port, p.targetPort]),
    [['80-8080', 80, 8080]],
  );
  const nodePort = await ok(['create', 'service', 'nodeport', 'edge', '-n', 'team', '--tcp=80', '-o', 'json']);
  assert.equal(JSON.parse(nodePort).spec.type, 'NodePort');
  const dry = await ok(['create', 'deployment', 'dry', '--image=redis', '--dry-run=client', '-o', 'yaml']);
  assert.match(dry, /name: redis\n/);
  assert.equal((await wh.run(['get', 'deploy', 'dry'])).code, 1, 'the dry run created nothing');
  const bad = await wh.run(['create', 'deployment', 'noimage']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /required flag\(s\) "image" not set/);
});

test('create ingress builds kubectl rules; get ingress prints NAME CLASS HOSTS ADDRESS PORTS AGE; a bad path is refused by the API', async () => {
  assert.equal(
    await ok(['create', 'ingress', 'site', '--class=wheelhouse', '--rule=foo.com/=web:80,tls=foo-tls', '--rule=foo.com/api/*=api:http']),
    'ingress.networking.k8s.io/site created\n',
  );
  const ingress = JSON.parse(await ok(['get', 'ingress', 'site', '-o', 'json']));
  assert.deepEqual(
    ingress.spec.rules[0].http.paths.map((p: { path: string; pathType: string }) => `${p.pathType} ${p.path}`),
    ['Exact /', 'Prefix /api/'],
  );
  assert.deepEqual(ingress.spec.tls, [{ hosts: ['foo.com'], secretName: 'foo-tls' }]);
  const table = (await ok(['get', 'ing'])).split('\n');
  assert.match(table[0]!, /^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE$/);
  assert.match(table[1]!, /^site\s+wheelhouse\s+foo\.com\s+80, 443\s+\d+s$/);
  const bad = await wh.run(['create', 'ingress', 'bad', '--rule=foo.com/a//b=web:80']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /spec\.rules\[0\]\.http\.paths\[0\]\.path: Invalid value: "\/a\/\/b": must not contain '\/\/'/);
});
