import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everything, labelSelectorToSelector, nothing, parseSelector, selectorToSql } from './index.js';

const sql = (text: string, params: unknown[] = []) => selectorToSql(parseSelector(text), 'labels', params);

test('empty selector is TRUE and nothing() is FALSE, binding no parameters', () => {
  const params: unknown[] = ['keep'];
  assert.equal(selectorToSql(everything(), 'labels', params), 'TRUE');
  assert.equal(selectorToSql(parseSelector(''), 'labels', params), 'TRUE');
  assert.equal(selectorToSql(nothing(), 'labels', params), 'FALSE');
  assert.equal(selectorToSql(labelSelectorToSelector(null), 'labels', params), 'FALSE');
  assert.deepEqual(params, ['keep']);
});

test('equality uses @> with a JSON object parameter', () => {
  const params: unknown[] = [];
  assert.equal(sql('app=web', params), '(labels @> $1::jsonb)');
  assert.deepEqual(params, ['{"app":"web"}']);
  assert.equal(sql('app==web'), '(labels @> $1::jsonb)');
});

test('inequality negates @>', () => {
  const params: unknown[] = [];
  assert.equal(sql('app!=', params), '(NOT (labels @> $1::jsonb))');
  assert.deepEqual(params, ['{"app":""}']);
});

test('exists / does-not-exist use the ? operator on the key', () => {
  const params: unknown[] = [];
  assert.equal(sql('app', params), '(labels ? $1::text)');
  assert.equal(sql('!app', params), '(NOT (labels ? $2::text))');
  assert.deepEqual(params, ['app', 'app']);
});

test('in binds the key once and the values as one text[] parameter', () => {
  const params: unknown[] = [];
  assert.equal(sql('tier in (web,api)', params), '(labels ? $1::text AND (labels ->> $1::text) = ANY($2::text[]))');
  assert.deepEqual(params, ['tier', ['api', 'web']]);
});

test('notin is true when the key is absent or its value is not listed', () => {
  const params: unknown[] = [];
  assert.equal(sql('tier notin (web)', params), '(NOT (labels ? $1::text) OR NOT ((labels ->> $1::text) = ANY($2::text[])))');
  assert.deepEqual(params, ['tier', ['web']]);
});

test('Gt/Lt guard the cast with a regex and an int64 range check inside CASE', () => {
  const params: unknown[] = [];
  const gt = sql('replicas>3', params);
  assert.equal(
    gt,
    "(CASE WHEN NOT COALESCE((labels ->> $1::text) ~ '^[-+]?[0-9]+$', FALSE) THEN FALSE" +
      ' WHEN (labels ->> $1::text)::numeric NOT BETWEEN -9223372036854775808 AND 9223372036854775807 THEN FALSE' +
      ' ELSE (labels ->> $1::text)::bigint > $2::bigint END)',
  );
  assert.deepEqual(params, ['replicas', '3']);
  assert.match(sql('replicas<3'), /::bigint < \$2::bigint END\)$/);
});

test('placeholders continue from the parameters already bound', () => {
  const params: unknown[] = ['ns', 'name'];
  const text = sql('a=1,b in (x),c,!d,e notin (y),f>1,g<2', params);
  const placeholders = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  assert.equal(Math.min(...placeholders), 3);
  assert.equal(Math.max(...placeholders), params.length);
  assert.deepEqual(new Set(placeholders).size, params.length - 2, 'every new parameter is used');
  assert.deepEqual(params.slice(0, 2), ['ns', 'name']);
});

test('several requirements are ANDed inside one pair of parentheses', () => {
  assert.equal(sql('a,!b'), '((labels ? $1::text) AND (NOT (labels ? $2::text)))');
});

test('keys and values never appear in the SQL text', () => {
  const params: unknown[] = [];
  const text = sql('evil.example.com/drop_table=robert.tables,quote_key in (o.brien,x_y),semi.colon notin (a-b),dollar_1,!dash-key,counter_k>4711', params);
  for (const fragment of ['evil', 'drop_table', 'robert', 'quote_key', 'brien', 'semi', 'colon', 'dollar_1', 'dash-key', 'counter_k', '4711']) {
    assert.ok(!text.includes(fragment), `${fragment} leaked into ${text}`);
  }
  assert.ok(params.length > 0);
});

test('the column expression is used as given', () => {
  assert.equal(selectorToSql(parseSelector('a'), 'p."labels"', []), '(p."labels" ? $1::text)');
});
