import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drainFailure, drainWarning, goDuration, schedulingMessage, timeoutError } from './drain-report.js';

test('cordon messages say when nothing changed and when it was a dry run', () => {
  assert.equal(schedulingMessage('n1', 'cordoned', true, false), 'node/n1 cordoned');
  assert.equal(schedulingMessage('n1', 'uncordoned', false, false), 'node/n1 already uncordoned');
  assert.equal(schedulingMessage('n1', 'cordoned', true, true), 'node/n1 cordoned (dry run)');
});

test('a blocked drain lists its errors as kubectl does: one bare, several in brackets', () => {
  const one = 'cannot delete Pods that declare no controller (use --force to override): default/bare';
  assert.equal(drainFailure('n1', [one]), `error: unable to drain node "n1" due to error: ${one}, continuing command...\nThere are pending nodes to be drained:\n n1\n${one}`);
  const two = [one, 'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache'];
  assert.match(drainFailure('n1', two), /due to error: \[cannot delete Pods that .*default\/bare, cannot delete Pods with local .*default\/cache\], continuing command\.\.\.\n/);
  assert.equal(drainWarning(['a: x/y', 'b: x/z']), 'Warning: a: x/y; b: x/z');
});

test('timeouts read as Go durations', () => {
  assert.deepEqual([goDuration(5), goDuration(300), goDuration(3725)], ['5s', '5m0s', '1h2m5s']);
  assert.equal(timeoutError({ namespace: 'demo', name: 'web' }, 2), 'error when waiting for pod "web" in namespace "demo" to terminate: global timeout reached: 2s');
});
