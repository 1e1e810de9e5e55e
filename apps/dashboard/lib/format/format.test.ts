import { test } from 'node:test';
import assert from 'node:assert/strict';
import { age, humanDuration } from './age.ts';
import { formatBytes, formatCpu, parseQuantity } from './quantity.ts';

test('durations read like kubectl (the shared printer, in milliseconds)', () => {
  assert.equal(humanDuration(5 * 1000), '5s');
  assert.equal(humanDuration(119 * 1000), '119s');
  assert.equal(humanDuration(200 * 1000), '3m20s');
  assert.equal(humanDuration(60 * 45 * 1000), '45m');
  assert.equal(humanDuration((3600 * 5 + 60 * 7) * 1000), '5h7m');
  assert.equal(humanDuration(3600 * 30 * 1000), '30h');
  assert.equal(humanDuration((86400 * 3 + 3600 * 2) * 1000), '3d2h');
  assert.equal(humanDuration(86400 * 40 * 1000), '40d');
  assert.equal(age('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:42Z')), '42s');
  assert.equal(age(undefined, 0), '<unknown>');
});

test('quantities parse in binary and decimal units', () => {
  assert.equal(parseQuantity('100m'), 0.1);
  assert.equal(parseQuantity('2'), 2);
  assert.equal(parseQuantity('1Gi'), 2 ** 30);
  assert.equal(parseQuantity('128974848'), 128974848);
  assert.equal(parseQuantity('1.5k'), 1500);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.ok(Number.isNaN(parseQuantity('abc')));
  assert.ok(Number.isNaN(parseQuantity(undefined)));
});

test('cpu and memory format like kubectl top', () => {
  assert.equal(formatCpu(0.25), '250m');
  assert.equal(formatCpu(4), '4');
  assert.equal(formatBytes(512 * 2 ** 20), '512Mi');
  assert.equal(formatBytes(1.5 * 2 ** 30), '1.5Gi');
});
