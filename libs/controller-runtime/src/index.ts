export { realClock, sleep, type Clock, type TimerHandle } from './clock.js';
export { Informer, type InformerOptions, type EventHandler } from './informer.js';
export { Indexer, type ReplaceDiff, type IndexFunc } from './indexer.js';
export { InformerFactory, type InformerFactoryOptions, type InformerScope } from './informer-factory.js';
export { matchesLabels, type LabelMatcher, type Labels } from './label-matcher.js';
export {
  keyOf,
  splitKey,
  controllerOf,
  RUNTIME_METADATA_FIELDS,
  type RuntimeObject,
  type RuntimeObjectMeta,
  type OwnerReferenceLike,
} from './object.js';
export { deepFreeze } from './deep-freeze.js';
export { WorkQueue, type WorkQueueOptions, type ShutDownOptions } from './work-queue.js';
export type { RateLimiter } from './rate-limiter.js';
export { MaxOfRateLimiter } from './max-of-rate-limiter.js';
export { defaultControllerRateLimiter, type DefaultRateLimiterOptions } from './default-rate-limiter.js';
export { ItemExponentialRateLimiter } from './item-exponential-rate-limiter.js';
export { BucketRateLimiter } from './bucket-rate-limiter.js';
export { runController, type ControllerOptions, type ControllerHandle } from './controller.js';
export { done, requeueAfter, retry, terminal, type ReconcileResult } from './reconcile-result.js';
export { Expectations, EXPECTATIONS_TTL_MS } from './expectations.js';
export { LeaderElector, type LeaderElectionOptions } from './leader-election.js';
export { decideLease, leaseExpiry, type LeaseDecision, type DecideLeaseInput } from './lease-decision.js';
export { ApiLeaseStore, type LeaseStore } from './lease-store.js';
export { LEASE_FIELDS, type Lease, type LeaseSpec } from './lease.js';
export { controllerMetrics, type ControllerMetrics, type ReconcileOutcome } from './metrics.js';
export { resolveToken } from './component/token.js';
export { serveMetrics } from './component/metrics-server.js';
export { stripNulls } from './component/strip-nulls.js';
export { EventRecorder } from './events/recorder.js';
export { eventName, newEvent, repeatPatch, type EventRecord, type InvolvedObject } from './events/aggregate.js';
export { componentConfig, type ComponentConfig } from './component/config.js';
export { runLeaderElectedComponent, type LeaderWork, type Log } from './component/run-leader-elected.js';
