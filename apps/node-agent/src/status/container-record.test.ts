import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beginRun, endRun, newRecord, type ContainerRecord } from './container-record.js';
import { at } from './test-fixtures.js';

test('beginRun: the new run is current, an exited one becomes previous, verdicts reset', () => {
  const record: ContainerRecord = { ...newRecord('app'), ready: true, started: true, waiting: { reason: 'CrashLoopBackOff' } };
  beginRun(record, 'uid/app/0', 0, { state: 'running', startedAt: at(1) });
  assert.deepEqual(record, {
    name: 'app',
    restartCount: 0,
    current: { id: 'uid/app/0', run: { state: 'running', startedAt: at(1) } },
    waiting: undefined,
    ready: false,
    started: false,
  });
  const exit = { state: 'exited' as const, startedAt: at(1), finishedAt: at(5), exitCode: 1, reason: 'Error' };
  endRun(record, 'uid/app/0', exit);
  beginRun(record, 'uid/app/1', 1, { state: 'running', startedAt: at(6) });
  assert.deepEqual(record.previous, { id: 'uid/app/0', run: exit });
  assert.equal(record.restartCount, 1);
});

test('beginRun: a running current run is not kept as previous (only exits are lastState)', () => {
  const record = newRecord('app');
  beginRun(record, 'uid/app/0', 0, { state: 'running', startedAt: at(1) });
  beginRun(record, 'uid/app/1', 1, { state: 'running', startedAt: at(2) });
  assert.equal(record.previous, undefined);
});

test('endRun: the run ended, so the container is neither ready nor started', () => {
  const record = { ...newRecord('app'), ready: true, started: true };
  const exit = { state: 'exited' as const, startedAt: at(1), finishedAt: at(2), exitCode: 0, reason: 'Completed' };
  endRun(record, 'uid/app/0', exit);
  assert.deepEqual([record.current, record.ready, record.started], [{ id: 'uid/app/0', run: exit }, false, false]);
});
