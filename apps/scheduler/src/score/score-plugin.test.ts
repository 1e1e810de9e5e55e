import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultNormalizeScore } from './score-plugin.js';

// helper/normalize_score_test.go TestDefaultNormalizeScore
const cases: { reverse: boolean; scores: number[]; want: number[] }[] = [
  { reverse: false, scores: [1, 2, 3, 4], want: [25, 50, 75, 100] },
  { reverse: true, scores: [1, 2, 3, 4], want: [75, 50, 25, 0] },
  { reverse: false, scores: [1000, 10, 20, 30], want: [100, 1, 2, 3] },
  { reverse: true, scores: [1000, 10, 20, 30], want: [0, 99, 98, 97] },
  { reverse: false, scores: [1, 1, 1, 1], want: [100, 100, 100, 100] },
  { reverse: false, scores: [0, 1, 1, 1], want: [0, 100, 100, 100] },
  { reverse: true, scores: [0, 0, 0, 0], want: [100, 100, 100, 100] },
  { reverse: false, scores: [0, 0, 0, 0], want: [0, 0, 0, 0] },
];

for (const c of cases) {
  test(`defaultNormalizeScore(${c.scores}, reverse=${c.reverse})`, () => {
    assert.deepEqual(defaultNormalizeScore(c.scores, c.reverse), c.want);
  });
}
