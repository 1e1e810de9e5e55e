import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, wrap } from './render.js';
import type { SchemaType, TypeRef } from './schema-types.js';

const named = (name: string, kind = 'OBJECT'): TypeRef => ({ kind, name, ofType: null });
const list = (of: TypeRef): TypeRef => ({ kind: 'LIST', name: null, ofType: { kind: 'NON_NULL', name: null, ofType: of } });
const scalar = (name: string) => named(name, 'SCALAR');

const TYPES = new Map<string, SchemaType>(
  [
    {
      name: 'Pod',
      kind: 'OBJECT',
      description: 'Pod is a collection of containers that can run on a host.',
      fields: [
        { name: 'apiVersion', description: null, type: scalar('String') },
        { name: 'spec', description: 'Specification of the desired behavior of the pod.', type: named('PodSpec') },
      ],
    },
    {
      name: 'PodSpec',
      kind: 'OBJECT',
      description: 'PodSpec is a description of a pod.',
      fields: [
        { name: 'containers', description: 'List of containers belonging to the pod.', type: list(named('Container')) },
        { name: 'nodeSelector', description: null, type: scalar('StringMap') },
      ],
    },
    {
      name: 'Container',
      kind: 'OBJECT',
      description: null,
      fields: [
        { name: 'args', description: 'Arguments to the entrypoint.', type: list(scalar('String')) },
        { name: 'ports', description: null, type: list(named('ContainerPort')) },
      ],
    },
    { name: 'ContainerPort', kind: 'OBJECT', description: null, fields: [{ name: 'containerPort', description: null, type: scalar('Int') }] },
  ].map((t) => [t.name, t as SchemaType]),
);

const pod = (path: string[], recursive = false) => explain(TYPES, { kind: 'Pod', group: '', version: 'v1', path, recursive });

test('a kind: its description and fields, kubectl layout', () => {
  assert.equal(
    pod([]),
    [
      'KIND:       Pod',
      'VERSION:    v1',
      '',
      'DESCRIPTION:',
      '    Pod is a collection of containers that can run on a host.',
      '    ',
      'FIELDS:',
      '  apiVersion\t<string>',
      '    <no description>',
      '',
      '  spec\t<PodSpec>',
      '    Specification of the desired behavior of the pod.',
      '',
      '',
    ].join('\n'),
  );
});

test('a field path: FIELD with kubectl type notation, its description then its type’s', () => {
  const text = pod(['spec', 'containers']) as string;
  assert.match(text, /^FIELD: containers <\[\]Container>$/m);
  assert.match(text, /^ {4}List of containers belonging to the pod\.$/m);
  assert.match(text, /^ {2}args\t<\[\]string>$/m);
  assert.match(pod(['spec']) as string, /PodSpec is a description of a pod\./);
  assert.match(pod(['spec']) as string, /^ {2}nodeSelector\t<map\[string\]string>$/m);
});

test('a scalar field has no FIELDS section', () => {
  const text = pod(['apiVersion']) as string;
  assert.match(text, /^FIELD: apiVersion <string>$/m);
  assert.doesNotMatch(text, /FIELDS:/);
});

test('unknown fields are kubectl’s error, also below a scalar', () => {
  assert.equal((pod(['spec', 'nope']) as Error).message, 'field "nope" does not exist');
  assert.equal((pod(['apiVersion', 'x']) as Error).message, 'field "x" does not exist');
});

test('--recursive lists every field below, indented by level', () => {
  const text = pod(['spec'], true) as string;
  assert.match(text, /FIELDS:\n {2}containers\t<\[\]Container>\n {4}args\t<\[\]string>\n {4}ports\t<\[\]ContainerPort>\n {6}containerPort\t<integer>\n {2}nodeSelector/);
});

test('a group is printed for named groups', () => {
  const types = new Map([['Deployment', { name: 'Deployment', kind: 'OBJECT', description: null, fields: [] }]]);
  const text = explain(types, { kind: 'Deployment', group: 'apps', version: 'v1', path: [], recursive: false }) as string;
  assert.match(text, /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n/);
});

test('descriptions wrap at the width, keeping paragraphs', () => {
  assert.deepEqual(wrap('aaa bbb ccc\nddd', 7), ['aaa bbb', 'ccc', 'ddd']);
});
