import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

// wh explain through the real binary against the real API's schema (its introspection).
let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => api?.close());

test('wh explain pods.spec.containers: KIND, VERSION, FIELD and the fields of Container', async () => {
  const { stdout, stderr, code } = await wh.run(['explain', 'pods.spec.containers']);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.match(stdout, /^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: containers <\[\]Container>\n/);
  assert.match(stdout, /^ {2}image\t<string>\n {4}Recorded; the process runtime runs the command on the host\.$/m);
  assert.match(stdout, /^ {2}ports\t<\[\]ContainerPort>$/m);
});

test('short names and groups: wh explain deploy.spec prints GROUP apps; --recursive opens nested types', async () => {
  const { stdout } = await wh.run(['explain', 'deploy.spec', '--recursive']);
  assert.match(stdout, /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n/);
  assert.match(stdout, /^ {2}template\t<PodTemplateSpec>\n {4}metadata\t<ObjectMeta>$/m);
});

test('an unknown field or resource is kubectl’s error', async () => {
  const field = await wh.run(['explain', 'pods.spec.bogus']);
  assert.equal(field.code, 1);
  assert.equal(field.stderr.trim(), 'error: field "bogus" does not exist');
  const resource = await wh.run(['explain', 'frobs']);
  assert.equal(resource.code, 1);
  assert.match(resource.stderr, /the server doesn't have a resource type "frobs"/);
});
