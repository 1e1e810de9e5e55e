import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity, formatQuantity } from './format-quantity.js';
import { parseQuantity, quantityFromNanos } from './parse-quantity.js';

test('canonical forms match Quantity.String()', () => {
  const cases: [string | number, string][] = [
    ['0', '0'],
    ['0Gi', '0'],
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1', '1'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1.5k', '1500'],
    ['2000000', '2M'],
    ['1G', '1G'],
    ['0.1m', '100u'],
    ['5n', '5n'],
    ['1Ki', '1Ki'],
    ['1024', '1024'],
    ['2048Ki', '2Mi'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['1025Ki', '1025Ki'],
    ['0.5Ki', '512'],
    ['1.5Ki', '1536'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['1e-3', '1e-3'],
    ['-1Gi', '-1Gi'],
    ['-1500m', '-1500m'],
    ['1000E', '1000E'],
    [0.25, '250m'],
    [4, '4'],
  ];
  for (const [input, expected] of cases) assert.equal(canonicalQuantity(input), expected, String(input));
});

test('formatting round-trips', () => {
  for (const input of ['100m', '1Gi', '1536Mi', '1e3', '7', '2500m', '123456789n', '3Ei']) {
    const q = parseQuantity(input)!;
    const again = parseQuantity(formatQuantity(q))!;
    assert.equal(again.nanos, q.nanos, input);
  }
  assert.equal(formatQuantity(quantityFromNanos(1_500_000_000n)), '1500m');
  assert.equal(canonicalQuantity('bad'), null);
});
