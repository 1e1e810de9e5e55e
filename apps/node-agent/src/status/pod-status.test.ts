import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePodStatus, type PodStatusInput } from './pod-status.js';
import { at, exited, pod, records, running } from './test-fixtures.js';
import type { Condition, Pod } from '@wheelhouse/model';

const NOW = '2026-01-01T00:01:00Z';
function status(p: Pod, recs = records(), extra: Partial<PodStatusInput> = {}) {
  return computePodStatus({ pod: p, records: recs, sandbox: { podIP: '127.64.0.5' }, hostIP: '127.0.0.1', runtimeName: 'simulated', terminating: false, now: NOW, ...extra });
}
const cond = (s: { conditions?: Condition[] }, type: string) => s.conditions!.find((c) => c.type === type)!;
const brief = (c: Condition) => [c.status, c.reason, c.message];

test('a new pod: Pending, containers ContainerCreating, conditions in kubelet order', () => {
  const s = status(pod(), records(), { sandbox: undefined });
  assert.equal(s.phase, 'Pending');
  assert.deepEqual(
    s.conditions!.map((c) => c.type),
    ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'],
  );
  assert.deepEqual(brief(cond(s, 'PodReadyToStartContainers')), ['False', undefined, undefined]);
  assert.deepEqual(brief(cond(s, 'Initialized')), ['True', undefined, undefined]);
  assert.deepEqual(brief(cond(s, 'Ready')), ['False', 'ContainersNotReady', 'containers with unready status: [app]']);
  assert.deepEqual(s.containerStatuses, [
    {
      name: 'app',
      image: 'nginx:1.27',
      imageID: s.containerStatuses![0]!.imageID,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      ready: false,
      started: false,
    },
  ]);
  assert.match(s.containerStatuses![0]!.imageID ?? '', /^nginx@sha256:[0-9a-f]{64}$/);
  assert.equal(s.podIP, undefined);
  assert.equal(s.startTime, NOW);
  assert.equal(s.hostIP, '127.0.0.1');
  assert.equal(s.initContainerStatuses, undefined);
});

test('running and ready: phase Running, every condition True, podIP, running.startedAt', () => {
  const s = status(pod(), records(running('app')));
  assert.equal(s.phase, 'Running');
  for (const type of ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']) assert.equal(cond(s, type).status, 'True', type);
  assert.deepEqual(s.podIPs, [{ ip: '127.64.0.5' }]);
  const c = s.containerStatuses![0]!;
  assert.deepEqual(c.state, { running: { startedAt: '2026-01-01T00:00:01Z' } });
  assert.equal(c.ready, true);
  assert.equal(c.started, true);
  assert.match(c.containerID!, /^simulated:\/\/[0-9a-f]{64}$/);
});

test('running but not ready (readiness probe failing) and not started (startup probe pending)', () => {
  const s = status(
    pod({
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'y' },
      ],
    }),
    records(running('a', 1, { ready: false }), running('b', 1, { started: false, ready: false })),
  );
  assert.equal(s.phase, 'Running');
  assert.deepEqual(brief(cond(s, 'ContainersReady')), ['False', 'ContainersNotReady', 'containers with unready status: [a b]']);
  assert.equal(s.containerStatuses![1]!.started, false);
});

test('restartPolicy Never: exit 0 gives Succeeded with PodCompleted; exit 1 gives Failed', () => {
  const ok = status(pod({ restartPolicy: 'Never' }), records(exited('app', 0)));
  assert.equal(ok.phase, 'Succeeded');
  assert.deepEqual(brief(cond(ok, 'Ready')), ['False', 'PodCompleted', undefined]);
  assert.deepEqual(brief(cond(ok, 'ContainersReady')), ['False', 'PodCompleted', undefined]);
  assert.deepEqual(ok.containerStatuses![0]!.state!.terminated, {
    exitCode: 0,
    reason: 'Completed',
    startedAt: '2026-01-01T00:00:01Z',
    finishedAt: '2026-01-01T00:00:05Z',
    containerID: ok.containerStatuses![0]!.containerID,
  });
  const failed = status(pod({ restartPolicy: 'Never' }), records(exited('app', 1)));
  assert.equal(failed.phase, 'Failed');
  assert.deepEqual(brief(cond(failed, 'Ready')), ['False', 'ContainersNotReady', 'containers with unready status: [app]']);
  assert.equal(failed.containerStatuses![0]!.state!.terminated!.reason, 'Error');
});

test('restartPolicy OnFailure: exit 0 Succeeded, exit 1 still Running (it restarts)', () => {
  assert.equal(status(pod({ restartPolicy: 'OnFailure' }), records(exited('app', 0))).phase, 'Succeeded');
  assert.equal(status(pod({ restartPolicy: 'OnFailure' }), records(exited('app', 1))).phase, 'Running');
  assert.equal(status(pod({ restartPolicy: 'Always' }), records(exited('app', 0))).phase, 'Running');
});

test('CrashLoopBackOff: waiting with the back-off message, the last exit in lastState, restartCount kept', () => {
  const rec = exited('app', 2, { restartCount: 3, waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=web_default(uid-1)' } });
  rec.previous = { id: 'uid-1/app/2', run: { state: 'exited', startedAt: at(0), finishedAt: at(0), exitCode: 2, reason: 'Error' } };
  const s = status(pod(), records(rec));
  assert.equal(s.phase, 'Running');
  const c = s.containerStatuses![0]!;
  assert.deepEqual(c.state, { waiting: rec.waiting });
  assert.equal(c.lastState!.terminated!.exitCode, 2);
  assert.equal(c.lastState!.terminated!.finishedAt, '2026-01-01T00:00:05Z');
  assert.equal(c.restartCount, 3);
  assert.equal(c.ready, false);
});

test('a restarted container shows the previous run as lastState', () => {
  const rec = running('app', 30, { restartCount: 1 });
  rec.previous = { id: 'uid-1/app/0', run: { state: 'exited', startedAt: at(1), finishedAt: at(20), exitCode: 137, signal: 'SIGKILL', reason: 'Error' } };
  const c = status(pod(), records(rec)).containerStatuses![0]!;
  assert.equal(c.restartCount, 1);
  assert.deepEqual([c.lastState!.terminated!.exitCode, c.lastState!.terminated!.signal], [137, 9]);
  assert.ok(c.state!.running);
});

test('init containers: PodInitializing everywhere, then in order, Initialized with the incomplete list', () => {
  const p = pod({
    initContainers: [
      { name: 'i1', image: 'busybox' },
      { name: 'i2', image: 'busybox' },
    ],
  });
  const fresh = status(p, records());
  assert.equal(fresh.phase, 'Pending');
  assert.deepEqual(brief(cond(fresh, 'Initialized')), ['False', 'ContainersNotInitialized', 'containers with incomplete status: [i1 i2]']);
  assert.deepEqual(
    fresh.initContainerStatuses!.map((c) => c.state!.waiting?.reason),
    ['PodInitializing', 'PodInitializing'],
  );
  assert.equal(fresh.containerStatuses![0]!.state!.waiting!.reason, 'PodInitializing');

  const second = status(p, records(exited('i1', 0), running('i2', 6, { ready: false, started: false })));
  assert.equal(second.phase, 'Pending');
  assert.deepEqual(brief(cond(second, 'Initialized')), ['False', 'ContainersNotInitialized', 'containers with incomplete status: [i2]']);
  assert.equal(second.initContainerStatuses![0]!.ready, true, 'a completed init container counts as ready');
  assert.equal(second.initContainerStatuses![1]!.ready, false);

  const done = status(p, records(exited('i1', 0), exited('i2', 0), running('app', 9)));
  assert.equal(done.phase, 'Running');
  assert.equal(cond(done, 'Initialized').status, 'True');
  assert.equal(cond(done, 'Ready').status, 'True');
});

test('a failed init container: Failed under Never, Pending (retrying) otherwise', () => {
  const spec = { initContainers: [{ name: 'i1', image: 'busybox' }] };
  assert.equal(status(pod({ ...spec, restartPolicy: 'Never' }), records(exited('i1', 1))).phase, 'Failed');
  const retrying = exited('i1', 1, { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s …' } });
  const s = status(pod({ ...spec, restartPolicy: 'Always' }), records(retrying));
  assert.equal(s.phase, 'Pending');
  assert.equal(s.initContainerStatuses![0]!.state!.waiting!.reason, 'CrashLoopBackOff');
  assert.equal(status(pod({ ...spec, restartPolicy: 'OnFailure' }), records(exited('i1', 1))).phase, 'Pending');
});

test('a pod torn down ends terminal even under Always: Failed on a kill, Succeeded when all exited 0', () => {
  const killed = exited('app', 143);
  assert.equal(status(pod(), records(killed), { terminating: true }).phase, 'Failed');
  assert.equal(status(pod(), records(exited('app', 0)), { terminating: true }).phase, 'Succeeded');
});

test('transition times stay while a condition keeps its status; PodScheduled is kept from the scheduler', () => {
  const scheduled = { type: 'PodScheduled', status: 'True' as const, lastTransitionTime: '2025-12-31T23:59:00Z' };
  const first = status(pod({}, { phase: 'Pending', conditions: [scheduled], startTime: '2026-01-01T00:00:00Z' }), records());
  assert.deepEqual(cond(first, 'PodScheduled'), scheduled);
  assert.equal(first.startTime, '2026-01-01T00:00:00Z');
  const later = computePodStatus({
    pod: pod({}, first),
    records: records(running('app')),
    sandbox: { podIP: '127.64.0.5' },
    hostIP: '127.0.0.1',
    runtimeName: 'simulated',
    terminating: false,
    now: '2026-01-01T00:02:00Z',
  });
  assert.equal(cond(later, 'Initialized').lastTransitionTime, NOW, 'unchanged status keeps its time');
  assert.equal(cond(later, 'Ready').lastTransitionTime, '2026-01-01T00:02:00Z', 'False → True moves it');
});

test('a terminal phase is never left', () => {
  const s = status(pod({}, { phase: 'Succeeded' }), records(running('app')));
  assert.equal(s.phase, 'Succeeded');
});

test('readiness gates hold Ready back until their condition is True', () => {
  const p = pod({ readinessGates: [{ conditionType: 'example.com/lb' }] });
  const s = status(p, records(running('app')));
  assert.equal(cond(s, 'ContainersReady').status, 'True');
  assert.deepEqual(brief(cond(s, 'Ready')), ['False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "example.com/lb" does not exist.']);
  const gated = status(pod(p.spec, { phase: 'Running', conditions: [{ type: 'example.com/lb', status: 'True' }] }), records(running('app')));
  assert.equal(cond(gated, 'Ready').status, 'True');
  assert.ok(
    gated.conditions!.some((c) => c.type === 'example.com/lb'),
    'foreign conditions are kept',
  );
});

test('a hostNetwork pod reports the node address as its IP', () => {
  const s = status(pod({ hostNetwork: true }), records(running('app')));
  assert.deepEqual([s.podIP, s.podIPs], ['127.0.0.1', [{ ip: '127.0.0.1' }]]);
});
