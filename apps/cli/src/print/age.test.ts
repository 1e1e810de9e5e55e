import { test } from 'node:test';
import assert from 'node:assert/strict';
import { age, humanDuration } from './age.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

test('kubectl HumanDuration steps', () => {
  const cases: [number, string][] = [
    [-5 * s, '<invalid>'],
    [0, '0s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [5 * m + 30 * s, '5m30s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [8 * d, '8d'],
    [800 * d, '2y70d'],
    [365 * 9 * d, '9y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('age of a timestamp', () => {
  assert.equal(age('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:01:00Z')), '60s');
  assert.equal(age(null, 0), '<unknown>');
  assert.equal(age('garbage', 0), '<unknown>');
});
