// Cases from Kubernetes' pkg/controller/history/controller_history_test.go (TestFindEqualRevisions,
// TestSortControllerRevisions, TestNextRevision) and the DaemonSet controller's history tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision, PodTemplateSpec } from '@wheelhouse/model';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  computeHash,
  matchesTemplate,
  maxRevision,
  planHistory,
  revisionsToDelete,
  rollbackRevision,
  sortByRevision,
  templateOfRevision,
  templatePatch,
} from './history.js';

const template = (image: string): PodTemplateSpec => ({ metadata: { labels: { app: 'ds' } }, spec: { containers: [{ name: 'c', image }] } });
const rev = (name: string, image: string, revision: number, hash: string | null = name): ControllerRevision => ({
  metadata: { name, labels: hash === null ? { app: 'ds' } : { app: 'ds', [CONTROLLER_REVISION_HASH_LABEL]: hash } },
  data: templatePatch(template(image)),
  revision,
});
const names = (rs: readonly ControllerRevision[]) => rs.map((r) => r.metadata.name);

test('the patch replaces the template and gives it back; Match ignores key order and empty fields', () => {
  const patch = templatePatch(template('a'));
  assert.deepEqual(patch, { spec: { template: { ...template('a'), $patch: 'replace' } } });
  assert.deepEqual(templateOfRevision({ data: patch }), template('a'));
  const reordered = { spec: { template: { $patch: 'replace', spec: { containers: [{ image: 'a', name: 'c' }] }, metadata: { annotations: {}, labels: { app: 'ds' } } } } };
  assert.ok(matchesTemplate(template('a'), { data: reordered }));
  assert.ok(!matchesTemplate(template('b'), { data: patch }));
});

test('ComputeHash: stable, changed by the template and by the collision count', () => {
  assert.equal(computeHash(template('a')), computeHash(template('a')));
  assert.notEqual(computeHash(template('a')), computeHash(template('b')));
  assert.notEqual(computeHash(template('a'), 1), computeHash(template('a')));
  assert.notEqual(computeHash(template('a'), 1), computeHash(template('a'), 2));
});

test('TestSortControllerRevisions and TestNextRevision (maxRevision + 1)', () => {
  const cases: [string, ControllerRevision[], string[], number][] = [
    ['out of order', [rev('b', 'b', 2), rev('a', 'a', 1), rev('c', 'c', 3)], ['a', 'b', 'c'], 3],
    ['sorted', [rev('a', 'a', 1), rev('b', 'b', 2), rev('c', 'c', 3)], ['a', 'b', 'c'], 3],
    ['reversed', [rev('c', 'c', 3), rev('b', 'b', 2), rev('a', 'a', 1)], ['a', 'b', 'c'], 3],
    ['ties by name', [rev('b', 'b', 1), rev('a', 'a', 1)], ['a', 'b'], 1],
    ['empty', [], [], 0],
  ];
  for (const [name, input, sorted, max] of cases) {
    assert.deepEqual(names(sortByRevision(input)), sorted, name);
    assert.equal(maxRevision(input), max, name);
  }
});

test('constructHistory: create, keep, renumber, dedup, label', () => {
  const cases: [string, PodTemplateSpec, ControllerRevision[], Partial<Record<string, unknown>>][] = [
    ['no history: snapshot revision 1', template('a'), [], { create: { name: `ds-${computeHash(template('a'))}`, revision: 1 }, current: undefined, old: [] }],
    [
      'template changed: snapshot max+1',
      template('c'),
      [rev('r1', 'a', 1), rev('r2', 'b', 2)],
      { create: { name: `ds-${computeHash(template('c'))}`, revision: 3 }, old: ['r1', 'r2'] },
    ],
    ['current matches the newest', template('b'), [rev('r1', 'a', 1), rev('r2', 'b', 2)], { current: 'r2', hash: 'r2', create: undefined, renumber: undefined, old: ['r1'] }],
    ['rollback to an old template renumbers it', template('a'), [rev('r1', 'a', 1), rev('r2', 'b', 2)], { current: 'r1', renumber: { name: 'r1', revision: 3 }, old: ['r2'] }],
    ['duplicates: the highest revision is kept', template('a'), [rev('r1', 'a', 1), rev('r3', 'a', 3), rev('r2', 'b', 2)], { current: 'r3', duplicates: ['r1'], old: ['r2'] }],
    ['an unlabelled revision is labelled with its name', template('a'), [rev('r1', 'a', 1, null)], { current: 'r1', hash: 'r1', label: ['r1'] }],
  ];
  for (const [name, tpl, revisions, expected] of cases) {
    const plan = planHistory({ name: 'ds', template: tpl }, revisions);
    const view: Record<string, unknown> = {
      create: plan.create,
      current: plan.current?.metadata.name,
      hash: plan.hash,
      renumber: plan.renumber,
      duplicates: names(plan.duplicates),
      label: names(plan.label),
      old: names(plan.old),
    };
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(view[key], value, `${name}: ${key}`);
  }
  // A collision bumps the name: the same template with collisionCount 1 hashes elsewhere.
  assert.notEqual(planHistory({ name: 'ds', template: template('a'), collisionCount: 1 }, []).create?.name, planHistory({ name: 'ds', template: template('a') }, []).create?.name);
});

test('cleanupHistory: oldest first beyond the limit, never a revision live pods still carry', () => {
  const old = [rev('r3', 'c', 3), rev('r1', 'a', 1), rev('r2', 'b', 2), rev('r4', 'd', 4)];
  const cases: [string, number, string[], string[]][] = [
    ['within the limit', 10, [], []],
    ['limit 2', 2, [], ['r1', 'r2']],
    ['limit 0', 0, [], ['r1', 'r2', 'r3', 'r4']],
    ['a live hash is skipped, the next oldest goes', 2, ['r1'], ['r2', 'r3']],
    ['limit 3 with live r1', 3, ['r1'], ['r2']],
  ];
  for (const [name, limit, live, expected] of cases) assert.deepEqual(names(revisionsToDelete(old, limit, new Set(live))), expected, name);
});

test('kubectl findHistory: a numbered revision, or the one before the newest', () => {
  const history = [rev('r2', 'b', 2), rev('r1', 'a', 1), rev('r3', 'c', 3)];
  const name = (r: ControllerRevision | Error) => (r instanceof Error ? r.message : r.metadata.name);
  assert.equal(name(rollbackRevision(history, 0)), 'r2');
  assert.equal(name(rollbackRevision(history, 1)), 'r1');
  assert.equal(name(rollbackRevision(history, 7)), 'unable to find specified revision 7 in history');
  assert.equal(name(rollbackRevision(history, -1)), 'unable to find specified revision -1 in history');
  assert.equal(name(rollbackRevision([rev('r1', 'a', 1)], 0)), 'no last revision to roll back to');
});
