import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareQuantities, quantityToBytes, quantityToMillis } from './convert-quantity.js';
import { parseQuantity } from './parse-quantity.js';

test('quantityToMillis for CPU', () => {
  const cases: [string | number, bigint | null][] = [
    ['100m', 100n],
    ['0.5', 500n],
    [0.5, 500n],
    ['2', 2000n],
    ['1e3', 1_000_000n],
    ['0.1m', 1n],
    ['1.5.5', null],
    ['--1', null],
  ];
  for (const [input, millis] of cases) assert.equal(quantityToMillis(input), millis, String(input));
  assert.equal(quantityToMillis(parseQuantity('250m')!), 250n);
});

test('quantityToBytes for memory', () => {
  const cases: [string | number, bigint | null][] = [
    ['1Gi', 1_073_741_824n],
    ['1.5Gi', 1_610_612_736n],
    ['128Mi', 134_217_728n],
    ['1G', 1_000_000_000n],
    ['1e3', 1000n],
    ['100m', 1n],
    ['1500m', 2n],
    [1024, 1024n],
    ['0', 0n],
    ['-1Ki', -1024n],
    ['1.5.5', null],
  ];
  for (const [input, bytes] of cases) assert.equal(quantityToBytes(input), bytes, String(input));
});

test('compareQuantities is exact across units', () => {
  const q = (s: string) => parseQuantity(s)!;
  assert.equal(compareQuantities(q('1'), q('1000m')), 0);
  assert.equal(compareQuantities(q('1Gi'), q('1024Mi')), 0);
  assert.equal(compareQuantities(q('1G'), q('1Gi')), -1);
  assert.equal(compareQuantities(q('1073741825'), q('1Gi')), 1);
  assert.equal(compareQuantities(q('1e3'), q('1k')), 0);
});
