import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './safe-next.ts';

const ORIGIN = 'http://127.0.0.1:3000';

test('paths of this dashboard are kept, with their query and fragment', () => {
  assert.equal(safeNext('/pods?namespace=shop#x', ORIGIN), '/pods?namespace=shop#x');
  assert.equal(safeNext('/history/pod/default/web', ORIGIN), '/history/pod/default/web');
});

test('regression (issue 14): anything that leaves this origin becomes /', () => {
  for (const next of [
    '/\\evil.example/',
    '/%5Cevil.example/',
    '//evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '\\\\evil.example',
    '',
    null,
    undefined,
  ]) {
    const target = safeNext(next, ORIGIN);
    assert.equal(new URL(target, ORIGIN).origin, ORIGIN, `${next} -> ${target}`);
    if (next && /evil/.test(next) && !next.startsWith('/%5C')) assert.equal(target, '/', String(next));
  }
});
