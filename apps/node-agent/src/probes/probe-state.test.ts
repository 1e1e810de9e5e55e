import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INITIAL_PROBE_STATE, recordProbeOutcome, thresholdsOf, type ProbeState } from './probe-state.js';
import type { ProbeKind } from './probe-worker.js';

/** Feeds outcomes in order; returns the verdict changes as they would be reported (index of the outcome → verdict). */
function run(kind: ProbeKind, outcomes: boolean[], thresholds = { successThreshold: 1, failureThreshold: 3 }) {
  let state: ProbeState = INITIAL_PROBE_STATE;
  const reports: [number, boolean][] = [];
  outcomes.forEach((outcome, i) => {
    const step = recordProbeOutcome(kind, state, outcome, thresholds);
    state = step.state;
    if (step.changed) reports.push([i, step.verdict as boolean]);
  });
  return { reports, state };
}

test('defaults: successThreshold 1, failureThreshold 3; zero counts as unset', () => {
  assert.deepEqual(thresholdsOf({}), { successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(thresholdsOf({ successThreshold: 0, failureThreshold: 0 }), { successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(thresholdsOf({ successThreshold: 2, failureThreshold: 5 }), { successThreshold: 2, failureThreshold: 5 });
});

test('readiness: ready after successThreshold successes in a row, unready after failureThreshold failures', () => {
  const { reports } = run('readiness', [false, true, false, true, true, false, false, true, false, false, false, true], { successThreshold: 2, failureThreshold: 3 });
  assert.deepEqual(reports, [
    [4, true],
    [10, false],
  ]);
});

test('readiness keeps probing after failing and recovers', () => {
  const { reports, state } = run('readiness', [false, false, false, true]);
  assert.deepEqual(reports, [
    [2, false],
    [3, true],
  ]);
  assert.equal(state.stopped, false);
});

test('a run is broken by the other outcome: two failures, a success, two failures do not fail', () => {
  const { reports } = run('liveness', [true, false, false, true, false, false]);
  assert.deepEqual(reports, [[0, true]]);
});

test('liveness: a failure verdict stops probing this instance (it is restarted)', () => {
  const { reports, state } = run('liveness', [true, false, false, false, true, true]);
  assert.deepEqual(reports, [
    [0, true],
    [3, false],
  ]);
  assert.equal(state.stopped, true);
  assert.equal(state.resultRun, 0);
});

test('startup: stops once it succeeds; fails after failureThreshold', () => {
  const succeeded = run('startup', [false, false, true, false, false, false]);
  assert.deepEqual(succeeded.reports, [[2, true]]);
  assert.equal(succeeded.state.stopped, true);
  const failed = run('startup', [false, false, false, true]);
  assert.deepEqual(failed.reports, [[2, false]]);
});

test('a verdict restated without change is not reported again', () => {
  const { reports } = run('readiness', [true, true, true]);
  assert.deepEqual(reports, [[0, true]]);
});
