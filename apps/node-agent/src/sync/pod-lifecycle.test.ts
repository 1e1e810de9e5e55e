import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEADLINE_EXCEEDED } from './active-deadline.js';
import { enterStep, initialLifecycle, nextStep, type LifecycleState, type PodFacts, type Step } from './pod-lifecycle.js';

const NOW = 1_000_000;
const running: LifecycleState = { ...initialLifecycle(), recovered: true };
const facts = (extra: Partial<PodFacts> = {}): PodFacts => ({ deleting: false, terminalPhase: false, startedBefore: false, running: 0, now: NOW, changedImages: [], ...extra });

// The order of the kubelet's pod worker: gone, deleting, first look, finished, deadline, run.
const cases: { name: string; state: LifecycleState; pod: PodFacts; step: Step }[] = [
  { name: 'a worker that is done does nothing, even for a deleted pod', state: { ...running, stage: 'done' }, pod: facts({ deleting: true }), step: { type: 'idle' } },
  { name: 'a pod force-deleted under the worker is cleaned up', state: { ...running, vanished: true }, pod: facts({ deleting: true }), step: { type: 'cleanUp' } },
  { name: 'a vanished pod is cleaned up even while terminating', state: { ...running, stage: 'terminating', vanished: true }, pod: facts(), step: { type: 'cleanUp' } },
  { name: 'a deletion starts the graceful termination', state: running, pod: facts({ deleting: true, running: 2 }), step: { type: 'terminate' } },
  { name: 'a deletion is handled before the first look', state: initialLifecycle(), pod: facts({ deleting: true, startedBefore: true }), step: { type: 'terminate' } },
  { name: 'a terminating worker does not terminate twice', state: { ...running, stage: 'terminating' }, pod: facts({ deleting: true }), step: { type: 'idle' } },
  { name: 'first look at a pod an earlier agent started: re-adopt', state: initialLifecycle(), pod: facts({ startedBefore: true }), step: { type: 'recover', adopt: true } },
  { name: 'first look at a new pod: nothing to adopt', state: initialLifecycle(), pod: facts(), step: { type: 'recover', adopt: false } },
  {
    name: 'first look at a finished pod: nothing to adopt',
    state: initialLifecycle(),
    pod: facts({ startedBefore: true, terminalPhase: true }),
    step: { type: 'recover', adopt: false },
  },
  { name: 'a finished pod with nothing running stays as it is', state: running, pod: facts({ terminalPhase: true }), step: { type: 'idle' } },
  { name: 'a finished pod still running a container is synced to rest', state: running, pod: facts({ terminalPhase: true, running: 1 }), step: { type: 'sync', restart: [] } },
  { name: 'the active deadline passed: the pod fails', state: running, pod: facts({ running: 1, deadlineAt: NOW }), step: { type: 'fail', first: true } },
  { name: 'a failed pod only reports again', state: { ...running, failure: DEADLINE_EXCEEDED }, pod: facts(), step: { type: 'fail', first: false } },
  {
    name: 'an emptyDir over its sizeLimit: the pod is evicted',
    state: running,
    pod: facts({ running: 1, eviction: { reason: 'Evicted', message: 'Usage of EmptyDir volume "cache" exceeds the limit "1Mi". ' } }),
    step: { type: 'fail', first: true, failure: { reason: 'Evicted', message: 'Usage of EmptyDir volume "cache" exceeds the limit "1Mi". ' } },
  },
  { name: 'before the deadline: run, and wake up at it', state: running, pod: facts({ deadlineAt: NOW + 5000 }), step: { type: 'sync', restart: [], wakeAt: NOW + 5000 } },
  {
    name: 'a running pod syncs, restarting containers whose image changed',
    state: running,
    pod: facts({ running: 2, changedImages: ['app'] }),
    step: { type: 'sync', restart: ['app'] },
  },
];

for (const c of cases) {
  test(`nextStep: ${c.name}`, () => {
    assert.deepEqual(nextStep(c.state, c.pod), c.step);
  });
}

test('enterStep: the stage a step puts the worker in before its first await', () => {
  assert.equal(enterStep(running, { type: 'terminate' }).stage, 'terminating');
  assert.equal(enterStep(running, { type: 'cleanUp' }).stage, 'done');
  assert.equal(enterStep(initialLifecycle(), { type: 'recover', adopt: true }).recovered, true);
  assert.deepEqual(enterStep(running, { type: 'fail', first: true }).failure, DEADLINE_EXCEEDED);
  assert.equal(enterStep(running, { type: 'sync', restart: [] }), running, 'a sync changes nothing');
});

test('a recovered pod is looked at once: after recover, the next step runs it', () => {
  const state = enterStep(initialLifecycle(), nextStep(initialLifecycle(), facts({ startedBefore: true })));
  assert.deepEqual(nextStep(state, facts({ running: 1 })), { type: 'sync', restart: [] });
});
