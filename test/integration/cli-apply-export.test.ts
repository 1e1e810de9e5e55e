// Issue 16 bug 1: re-applying an unedited `wh get -o yaml` export must act on what the file says.
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

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: repro, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: repro}}
  template:
    metadata: {labels: {app: repro}}
    spec: {containers: [{name: app, image: ${image}}]}
`;

async function ok(args: string[], stdin?: string) {
  const result = await wh.run(args, stdin === undefined ? undefined : { stdin });
  assert.equal(result.code, 0, `wh ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

test('an export taken after wh scale keeps the scaled replicas (and the image) when applied again', async () => {
  await ok(['apply', '-f', '-'], deployment('nginx:1.26'));
  await ok(['scale', 'deploy/repro', '--replicas', '2']);
  await ok(['apply', '-f', '-'], deployment('nginx:1.26').replace('replicas: 1', 'replicas: 1\n  minReadySeconds: 0'));
  const scaled = await ok(['get', 'deploy', 'repro', '-o', 'jsonpath={.spec.replicas}']);
  assert.equal(scaled, '1', 'a plain manifest still owns replicas (kubectl: the file wins)');
  await ok(['scale', 'deploy/repro', '--replicas', '2']);
  const exported = await ok(['get', 'deploy', 'repro', '-o', 'yaml']);
  assert.match(exported, /replicas: 2/);
  const applied = await ok(['apply', '-f', '-'], exported);
  assert.match(applied, /deployment\.apps\/repro (configured|unchanged)/);
  assert.equal(await ok(['get', 'deploy', 'repro', '-o', 'jsonpath={.spec.replicas}']), '2');
  assert.equal(await ok(['get', 'deploy', 'repro', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'nginx:1.26');
});

test('an unedited export of an object unchanged since its last apply is reported unchanged', async () => {
  await ok(['apply', '-f', '-'], deployment('nginx:1.27').replace('name: repro', 'name: steady'));
  const exported = await ok(['get', 'deploy', 'steady', '-o', 'yaml']);
  assert.match(await ok(['apply', '-f', '-'], exported), /deployment\.apps\/steady unchanged/);
});
