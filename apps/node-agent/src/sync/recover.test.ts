import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lostRun, recoverContainer, wasStarted } from './recover.js';
import type { ContainerStatus } from '@wheelhouse/model';

const base = { name: 'app', image: 'nginx', imageID: '', ready: true, started: true };

test('a pod nobody ran yet is not resumed', () => {
  assert.equal(wasStarted(undefined), false);
  assert.equal(wasStarted({ phase: 'Pending', containerStatuses: [{ ...base, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }] }), false);
  assert.equal(wasStarted({ containerStatuses: [{ ...base, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:00Z' } }, lastState: {} }] }), true);
});

test('a running container is to be re-adopted from its start time; its last exit stays lastState', () => {
  const status: ContainerStatus = {
    ...base,
    restartCount: 2,
    state: { running: { startedAt: '2026-01-01T00:01:00Z' } },
    lastState: { terminated: { exitCode: 137, signal: 9, reason: 'Error', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:50Z' } },
  };
  const { record, runningSince } = recoverContainer('u1', status);
  assert.deepEqual(runningSince, new Date('2026-01-01T00:01:00Z'));
  assert.equal(record.restartCount, 2);
  assert.equal(record.current, undefined);
  assert.deepEqual(record.previous, {
    id: 'u1/app/1',
    run: { state: 'exited', startedAt: new Date('2026-01-01T00:00:00Z'), finishedAt: new Date('2026-01-01T00:00:50Z'), exitCode: 137, reason: 'Error', signal: 'SIGKILL' },
  });
});

test('a finished container and one in back-off keep their exits, so restarts and back-off go on from there', () => {
  const done = recoverContainer('u1', {
    ...base,
    restartCount: 0,
    state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z' } },
    lastState: {},
  });
  assert.deepEqual([done.runningSince, done.record.current?.run.state, done.record.current?.id], [undefined, 'exited', 'u1/app/0']);
  const crashing = recoverContainer('u1', {
    ...base,
    restartCount: 4,
    state: { waiting: { reason: 'CrashLoopBackOff' } },
    lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:00:09Z' } },
  });
  assert.equal(crashing.record.restartCount, 4);
  const run = crashing.record.current!.run;
  assert.ok(run.state === 'exited' && run.exitCode === 1);
});

test('a run the new agent cannot take over is reported as Kubernetes reports a lost container', () => {
  const run = lostRun(new Date(0), new Date(1000));
  assert.deepEqual([run.exitCode, run.reason], [255, 'Unknown']);
});
