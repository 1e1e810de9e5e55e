import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addQuantities, formatQuantity, parseQuantity, percentOf, ZERO } from './quantity.js';

const q = (text: string) => parseQuantity(text)!;
const sum = (...texts: string[]) => formatQuantity(texts.map(q).reduce(addQuantities, ZERO));

test('parse to milli-units: suffixes, fractions, exponents; garbage is undefined', () => {
  const cases: [string, bigint][] = [
    ['100m', 100n],
    ['1', 1000n],
    ['1.5', 1500n],
    ['2k', 2_000_000n],
    ['1Ki', 1_024_000n],
    ['128Mi', 128n * 1024n * 1024n * 1000n],
    ['1e3', 1_000_000n],
    ['0.1m', 1n], // rounds up to the milli-unit, as MilliValue
    ['500u', 1n],
  ];
  for (const [text, milli] of cases) assert.equal(q(text).milli, milli, text);
  assert.equal(parseQuantity('abc'), undefined);
  assert.equal(parseQuantity(''), undefined);
});

test('sums print canonically in the first term’s format (apimachinery Quantity.String)', () => {
  const cases: [string[], string][] = [
    [[], '0'],
    [['100m', '250m'], '350m'],
    [['500m', '500m'], '1'],
    [['1500m'], '1500m'],
    [['2000'], '2k'],
    [['64Mi', '64Mi'], '128Mi'],
    [['512Mi', '512Mi'], '1Gi'],
    [['1000'], '1k'],
    [['100M', '28M'], '128M'],
    [['1Ki', '1'], '1025'],
  ];
  for (const [terms, want] of cases) assert.equal(sum(...terms), want, terms.join(' + '));
});

test('percentages truncate as kubectl’s int64(float64) does; no allocatable is 0', () => {
  assert.equal(percentOf(q('100m'), q('2')), 5);
  assert.equal(percentOf(q('999m'), q('1')), 99);
  assert.equal(percentOf(q('3'), q('2')), 150);
  assert.equal(percentOf(q('1'), undefined), 0);
});
