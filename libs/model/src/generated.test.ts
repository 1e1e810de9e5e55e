import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KIND_CATALOGUE, KIND_LIST, operationNames, resolveKindName } from './kinds.js';
import { SERVED_KINDS } from './generated/kinds.js';
import { OPERATIONS } from './generated/operations.js';

const generator = fileURLToPath(new URL('../scripts/generate-model.mjs', import.meta.url));
const generatedDir = fileURLToPath(new URL('../src/generated', import.meta.url));

test('the committed generated model matches apps/api/schema.graphql (run `npm run schema`)', async () => {
  const { generateModel } = (await import(generator)) as { generateModel(): Promise<Record<string, string>> };
  for (const [name, text] of Object.entries(await generateModel())) {
    assert.equal(readFileSync(join(generatedDir, name), 'utf8'), text, `libs/model/src/generated/${name} is stale`);
  }
});

test('the catalogue names every served kind as the API does', () => {
  assert.deepEqual(Object.keys(KIND_CATALOGUE).sort(), Object.keys(SERVED_KINDS).sort());
  for (const [kind, served] of Object.entries(SERVED_KINDS)) {
    const entry = KIND_CATALOGUE[kind as keyof typeof KIND_CATALOGUE];
    assert.equal(entry.plural, served.plural, `${kind}: plural`);
    assert.equal(entry.namespaced, served.namespaced, `${kind}: namespaced`);
  }
});

test('every kind has the operations API.md promises, and status/scale ones exactly when the catalogue says', () => {
  for (const k of KIND_LIST) {
    const ops = operationNames(k);
    for (const q of [ops.get, ops.list]) assert.ok(q in OPERATIONS.query, `${k.kind}: query ${q}`);
    assert.ok(ops.watch in OPERATIONS.subscription, `${k.kind}: subscription ${ops.watch}`);
    for (const m of [ops.create, ops.createMany, ops.replace, ops.patch, ops.delete]) assert.ok(m in OPERATIONS.mutation, `${k.kind}: mutation ${m}`);
    for (const m of [ops.replaceStatus, ops.patchStatus, ops.patchManyStatus]) assert.equal(m in OPERATIONS.mutation, k.hasStatus, `${k.kind}: ${m} iff hasStatus`);
    assert.equal(ops.scale in OPERATIONS.mutation, k.scalable, `${k.kind}: ${ops.scale} iff scalable`);
  }
});

test('kubectl names resolve: kind, resource, short name, any case', () => {
  const cases: [string, string | undefined][] = [
    ['pods', 'Pod'],
    ['Pod', 'Pod'],
    ['po', 'Pod'],
    ['rs', 'ReplicaSet'],
    ['replicasets', 'ReplicaSet'],
    ['replicaSet', 'ReplicaSet'],
    ['deploy', 'Deployment'],
    ['ns', 'Namespace'],
    ['nope', undefined],
  ];
  for (const [name, kind] of cases) assert.equal(resolveKindName(name)?.kind, kind, name);
});
