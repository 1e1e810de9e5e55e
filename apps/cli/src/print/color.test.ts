import { test } from 'node:test';
import assert from 'node:assert/strict';
import { green, red } from './color.js';

test('colour only on a terminal', () => {
  assert.equal(green('ok', { isTTY: false }), 'ok');
  const saved = process.env.NO_COLOR;
  delete process.env.NO_COLOR;
  assert.equal(red('no', { isTTY: true }), '\x1b[31mno\x1b[0m');
  if (saved !== undefined) process.env.NO_COLOR = saved;
});
