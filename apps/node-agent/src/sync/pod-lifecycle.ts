// A pod worker's lifecycle as a pure state machine: from what the worker knows of its pod,
// the one step to take next (the kubelet's syncPod / syncTerminatingPod / syncTerminatedPod
// order), and the state a step puts the worker in. decide.ts then says which containers to
// start; pod-worker.ts carries the steps out and owns the timers.
import { DEADLINE_EXCEEDED } from './active-deadline.js';

/** active: running the pod; terminating: graceful deletion under way; done: cleaned up (or the agent stopped). */
export type Stage = 'active' | 'terminating' | 'done';

/** What the worker keeps about its pod besides the runtime's handles. */
export interface LifecycleState {
  stage: Stage;
  /** The pod left the API without the worker (a force delete). */
  vanished: boolean;
  /** What an earlier agent left of the pod was looked at (once per worker). */
  recovered: boolean;
  /** Set when the agent itself failed the pod (activeDeadlineSeconds): nothing starts any more. */
  failure?: { reason: string; message: string };
}

export const initialLifecycle = (): LifecycleState => ({ stage: 'active', vanished: false, recovered: false });

/** The pod and its containers as the worker sees them at this sync. */
export interface PodFacts {
  /** metadata.deletionTimestamp is set. */
  deleting: boolean;
  /** The pod's reported phase is Succeeded or Failed. */
  terminalPhase: boolean;
  /** The pod's status says containers were started (by an earlier agent, if this worker is new). */
  startedBefore: boolean;
  /** Containers of this worker running now. */
  running: number;
  /** When spec.activeDeadlineSeconds runs out (ms since epoch), if it is set. */
  deadlineAt?: number;
  /** Why the pod is to be evicted (an emptyDir over its sizeLimit), if it is. */
  eviction?: { reason: string; message: string };
  now: number;
  /** App containers running an image the spec no longer names: the kubelet restarts them. */
  changedImages: readonly string[];
}

export type Step =
  /** Nothing to do until something changes. */
  | { type: 'idle' }
  /** Stop whatever is left at once, remove the sandbox; the worker is done. */
  | { type: 'cleanUp' }
  /** Graceful deletion: preStop, stop with the grace period, final status, confirm the delete. */
  | { type: 'terminate' }
  /** Look at what an earlier agent left; `adopt`: re-adopt its running containers. Then ask again. */
  | { type: 'recover'; adopt: boolean }
  /** The active deadline passed: stop everything (`first` time only), phase Failed (DeadlineExceeded). */
  | { type: 'fail'; first: boolean; failure?: { reason: string; message: string } }
  /** Run the pod: restart `restart` (changed images), then do what decide() says; look again at `wakeAt`. */
  | { type: 'sync'; restart: readonly string[]; wakeAt?: number };

export function nextStep(state: LifecycleState, pod: PodFacts): Step {
  if (state.stage === 'done') return { type: 'idle' };
  if (state.vanished) return { type: 'cleanUp' };
  if (pod.deleting) return state.stage === 'active' ? { type: 'terminate' } : { type: 'idle' };
  if (state.stage !== 'active') return { type: 'idle' };
  if (!state.recovered) return { type: 'recover', adopt: !pod.terminalPhase && pod.startedBefore };
  // A finished pod keeps no containers; one whose containers still run (they exited meanwhile) is brought to rest.
  if (pod.terminalPhase && pod.running === 0) return { type: 'idle' };
  if (pod.eviction && !state.failure) return { type: 'fail', first: true, failure: pod.eviction };
  if (state.failure || (pod.deadlineAt !== undefined && pod.now >= pod.deadlineAt)) return { type: 'fail', first: !state.failure };
  return { type: 'sync', restart: pod.changedImages, ...(pod.deadlineAt !== undefined ? { wakeAt: pod.deadlineAt } : {}) };
}

/**
 * The state while a step is carried out, entered before its first await: callbacks that
 * fire meanwhile (a container's exit, a probe) see the stage the pod is in.
 */
export function enterStep(state: LifecycleState, step: Step): LifecycleState {
  switch (step.type) {
    case 'cleanUp':
      return { ...state, stage: 'done' };
    case 'terminate':
      return { ...state, stage: 'terminating' };
    case 'recover':
      return { ...state, recovered: true };
    case 'fail':
      return step.first ? { ...state, failure: step.failure ?? DEADLINE_EXCEEDED } : state;
    default:
      return state;
  }
}
