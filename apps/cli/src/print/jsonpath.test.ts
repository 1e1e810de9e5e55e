import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePath, parseJsonPath } from './jsonpath.js';

const pod = (name: string, ready: string, ip?: string) => ({
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  status: {
    podIP: ip,
    conditions: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status: ready },
    ],
  },
});
const list = { kind: 'List', items: [pod('a', 'True', '10.0.0.1'), pod('b', 'False')] };
const run = (template: string, root: unknown) => parseJsonPath(template).execute(root);

test('fields, indexes and wildcards; several results join with a space', () => {
  assert.equal(run('{.metadata.name}', pod('a', 'True')), 'a');
  assert.equal(run('{.items[*].metadata.name}', list), 'a b');
  assert.equal(run('{.items[0].status.conditions[1].status}', list), 'True');
  assert.equal(run('{.items[-1].metadata.name}', list), 'b');
  assert.equal(run("{.items[0].metadata.labels['app']}", list), 'web');
  assert.equal(run('{.items[0:1].metadata.name}', list), 'a');
  assert.equal(run('{$.kind}', list), 'List');
  assert.equal(run('{.metadata.annotations.wheelhouse\\.io/simulated}', { metadata: { annotations: { 'wheelhouse.io/simulated': 'true' } } }), 'true');
});

test('range with string literals prints one line per item', () => {
  assert.equal(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', list), 'a\t10.0.0.1\nb\t\n');
  assert.equal(run('names: {range .items[*]}[{.metadata.name}]{end}', list), 'names: [a][b]');
});

test('filters compare with a literal or test that a path exists', () => {
  assert.equal(run('{.items[*].status.conditions[?(@.type=="Ready")].status}', list), 'True False');
  assert.equal(run('{.items[?(@.status.podIP)].metadata.name}', list), 'a');
  assert.equal(run("{.items[?(@.metadata.name!='a')].metadata.name}", list), 'b');
  assert.equal(run('{range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status};{end}', list), 'a=True;b=False;');
});

test('missing keys print nothing; maps and lists print as JSON; recursive descent finds nested names', () => {
  assert.equal(run('{.spec.nodeName}', pod('a', 'True')), '');
  assert.equal(run('{.metadata.labels}', pod('a', 'True')), '{"app":"web"}');
  assert.equal(run('{..name}', { metadata: { name: 'x' }, spec: { containers: [{ name: 'c' }] } }), 'x c');
});

test('malformed templates are usage errors naming the template', () => {
  assert.throws(() => parseJsonPath('{.metadata.name'), /error parsing jsonpath \{\.metadata\.name, unclosed action/);
  assert.throws(() => parseJsonPath('{range .items[*]}{.a}'), /range without \{end\}/);
  assert.throws(() => parseJsonPath('{.items[}'), /unterminated array/);
});

test('a custom-columns path may omit braces or the leading dot', () => {
  assert.deepEqual(compilePath('.metadata.name')(pod('a', 'True')), ['a']);
  assert.deepEqual(compilePath('{.metadata.name}')(pod('a', 'True')), ['a']);
  assert.deepEqual(compilePath('metadata.name')(pod('a', 'True')), ['a']);
  assert.deepEqual(compilePath('.status.conditions[*].type')(pod('a', 'True')), ['PodScheduled', 'Ready']);
});
