import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable, streamingTable } from './table.js';

test('columns pad to the widest cell plus three spaces; no trailing blanks', () => {
  const text = formatTable(
    ['NAME', 'READY', 'AGE'],
    [
      ['web-1', '1/1', '5s'],
      ['a', '0/1', '10m'],
    ],
  );
  assert.equal(text, 'NAME    READY   AGE\nweb-1   1/1     5s\na       0/1     10m\n');
});

test('an empty last cell leaves no trailing spaces', () => {
  assert.equal(formatTable(['A', 'B'], [['x', '']]), 'A   B\nx\n');
});

test('a streaming table prints its header once and only ever widens columns', () => {
  const next = streamingTable(['NAME', 'STATUS']);
  assert.equal(next([]), '');
  assert.equal(next([['web-1', 'Pending']]), 'NAME    STATUS\nweb-1   Pending\n');
  assert.equal(next([['a-much-longer-name', 'Running']]), 'a-much-longer-name   Running\n');
  assert.equal(next([['web-1', 'Running']]), 'web-1                Running\n');
});

test('--no-headers: rows only, padded to their own widths', () => {
  assert.equal(formatTable(['NAME', 'READY'], [['a', '1/1']], { noHeaders: true }), 'a   1/1\n');
  assert.equal(formatTable(['NAME'], [], { noHeaders: true }), '');
  assert.equal(streamingTable(['NAME', 'STATUS'], { noHeaders: true })([['web-1', 'Pending']]), 'web-1   Pending\n');
});
