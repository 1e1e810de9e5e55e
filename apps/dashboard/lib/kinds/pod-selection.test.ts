import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { listDocument, watchDocument } from './documents.ts';
import { POD_LOAD_SELECTION, PodKind } from './pod.ts';
import { podRequests } from './resources.ts';

const schema = buildSchema(readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8'));
const errors = (doc: string) => validate(schema, parse(doc)).map((e) => e.message);

test('the pod load selection (Overview, Nodes list) is a valid list and watch selection, with what requests need', () => {
  assert.deepEqual(errors(listDocument(PodKind, POD_LOAD_SELECTION)), []);
  assert.deepEqual(errors(watchDocument(PodKind, POD_LOAD_SELECTION)), []);
  assert.equal(POD_LOAD_SELECTION.length < PodKind.listSelection.length / 2, true, 'much smaller than a list row');
  const pod = { metadata: {}, spec: { nodeName: 'n', containers: [{ name: 'c', resources: { requests: { cpu: '250m', memory: '1Mi' } } }] }, status: { phase: 'Running' } };
  assert.deepEqual(podRequests(pod as never), { cpu: 0.25, memory: 2 ** 20, pods: 1 });
});
