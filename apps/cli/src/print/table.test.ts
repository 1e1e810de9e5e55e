import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from './table.js';

test('columns pad to the widest cell plus three spaces; no trailing blanks', () => {
  const text = formatTable(['NAME', 'READY', 'AGE'], [['web-1', '1/1', '5s'], ['a', '0/1', '10m']]);
  assert.equal(text, 'NAME    READY   AGE\nweb-1   1/1     5s\na       0/1     10m\n');
});

test('an empty last cell leaves no trailing spaces', () => {
  assert.equal(formatTable(['A', 'B'], [['x', '']]), 'A   B\nx\n');
});
