import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity } from './parse-quantity.js';

test('parses Kubernetes quantity syntax exactly', () => {
  // input, nanos, millis, format
  const cases: [string | number, bigint, bigint, string][] = [
    ['100m', 100_000_000n, 100n, 'DecimalSI'],
    ['0.5', 500_000_000n, 500n, 'DecimalSI'],
    ['.5', 500_000_000n, 500n, 'DecimalSI'],
    ['1.', 1_000_000_000n, 1000n, 'DecimalSI'],
    ['1', 1_000_000_000n, 1000n, 'DecimalSI'],
    ['+1', 1_000_000_000n, 1000n, 'DecimalSI'],
    ['-1', -1_000_000_000n, -1000n, 'DecimalSI'],
    ['0', 0n, 0n, 'DecimalSI'],
    ['-0', 0n, 0n, 'DecimalSI'],
    ['1k', 1_000n * 10n ** 9n, 1_000_000n, 'DecimalSI'],
    ['1M', 10n ** 15n, 10n ** 9n, 'DecimalSI'],
    ['1G', 10n ** 18n, 10n ** 12n, 'DecimalSI'],
    ['1T', 10n ** 21n, 10n ** 15n, 'DecimalSI'],
    ['1P', 10n ** 24n, 10n ** 18n, 'DecimalSI'],
    ['1E', 10n ** 27n, 10n ** 21n, 'DecimalSI'],
    ['5n', 5n, 1n, 'DecimalSI'],
    ['5u', 5_000n, 1n, 'DecimalSI'],
    ['1Ki', 1024n * 10n ** 9n, 1_024_000n, 'BinarySI'],
    ['1Mi', 2n ** 20n * 10n ** 9n, 2n ** 20n * 1000n, 'BinarySI'],
    ['1Gi', 2n ** 30n * 10n ** 9n, 2n ** 30n * 1000n, 'BinarySI'],
    ['1.5Gi', 1_610_612_736n * 10n ** 9n, 1_610_612_736_000n, 'BinarySI'],
    ['1Ti', 2n ** 40n * 10n ** 9n, 2n ** 40n * 1000n, 'BinarySI'],
    ['1Pi', 2n ** 50n * 10n ** 9n, 2n ** 50n * 1000n, 'BinarySI'],
    ['1Ei', 2n ** 60n * 10n ** 9n, 2n ** 60n * 1000n, 'BinarySI'],
    ['0.5Ki', 512n * 10n ** 9n, 512_000n, 'BinarySI'],
    ['1e3', 10n ** 12n, 1_000_000n, 'DecimalExponent'],
    ['1E3', 10n ** 12n, 1_000_000n, 'DecimalExponent'],
    ['1e+3', 10n ** 12n, 1_000_000n, 'DecimalExponent'],
    ['1e-3', 1_000_000n, 1n, 'DecimalExponent'],
    ['1.5e2', 150n * 10n ** 9n, 150_000n, 'DecimalExponent'],
    [' 2 ', 2n * 10n ** 9n, 2000n, 'DecimalSI'],
    [0.5, 500_000_000n, 500n, 'DecimalSI'],
    [2, 2_000_000_000n, 2000n, 'DecimalSI'],
    [1e21, 10n ** 30n, 10n ** 24n, 'DecimalExponent'],
  ];
  for (const [input, nanos, millis, format] of cases) {
    const q = parseQuantity(input);
    assert.ok(q, `${input} should parse`);
    assert.equal(q.nanos, nanos, `${input} nanos`);
    assert.equal(q.millis, millis, `${input} millis`);
    assert.equal(q.format, format, `${input} format`);
  }
});

test('value is in base units', () => {
  assert.equal(parseQuantity('100m')?.value, 0.1);
  assert.equal(parseQuantity('1Gi')?.value, 1073741824);
  assert.equal(parseQuantity('1e3')?.value, 1000);
});

test('rounds up below a nano-unit and a milli-unit, like Kubernetes', () => {
  assert.equal(parseQuantity('0.1n')?.nanos, 1n);
  assert.equal(parseQuantity('1e-20')?.nanos, 1n);
  assert.equal(parseQuantity('-0.1n')?.nanos, -1n);
  assert.equal(parseQuantity('0.1m')?.millis, 1n);
  assert.equal(parseQuantity('1.0001')?.millis, 1001n);
  assert.equal(parseQuantity('0.0000000000')?.nanos, 0n);
});

test('exact where floats are not', () => {
  // 0.1 + 0.2 is not 0.3 in floating point; in millis it is.
  const sum = parseQuantity('0.1')!.millis + parseQuantity('0.2')!.millis;
  assert.equal(sum, parseQuantity('0.3')!.millis);
  assert.equal(parseQuantity('9007199254740993')?.nanos, 9007199254740993n * 10n ** 9n);
});

test('rejects what Kubernetes rejects', () => {
  for (const input of [
    '',
    ' ',
    '.',
    '1.5.5',
    '--1',
    '+-1',
    '1..',
    'a',
    '1K',
    '1i',
    '1k1',
    '1Gib',
    '1 Gi',
    '1e',
    '1e1.5',
    '1ee3',
    'Mi',
    '1m1',
    '0x10',
    '1,5',
    'NaN',
    'Infinity',
    NaN,
    Infinity,
    -Infinity,
    '1e99999',
  ]) {
    assert.equal(parseQuantity(input as string | number), null, `${String(input)} should be rejected`);
  }
  assert.equal(parseQuantity({} as unknown as string), null);
});
