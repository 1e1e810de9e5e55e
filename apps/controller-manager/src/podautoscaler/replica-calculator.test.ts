// After Kubernetes' pkg/controller/podautoscaler/replica_calculator_test.go: each case builds
// the pods (two containers each, the request per container) and the metrics (a level per
// container, pods test-pod-0.. in order) as prepareTestClientSet/prepareTestMetricsClient do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '@wheelhouse/model';
import { averageValueReplicas, resourceReplicas, ReplicaCalculatorError, type CalculatorOptions, type PodMetrics } from './replica-calculator.js';

const NOW = new Date('2026-01-01T12:00:00Z');
const GO_ZERO = '0001-01-01T00:00:00Z';
const COOL = new Date(NOW.getTime() - 3 * 60_000).toISOString();
const HOT = NOW.toISOString();
const CONTAINERS = 2;
// defaultTestingTolerance, defaultTestingCPUInitializationPeriod, defaultTestingDelayOfInitialReadinessStatus.
const OPTIONS: CalculatorOptions = { tolerance: 0.1, cpuInitializationPeriodMs: 2 * 60_000, delayOfInitialReadinessStatusMs: 10_000, now: NOW };

interface Case {
  currentReplicas: number;
  requests: string[];
  levels: number[];
  podReadiness?: ('True' | 'False')[];
  podStartTime?: string[];
  podPhase?: string[];
  podDeletion?: boolean[];
  podNames?: string[];
}

function build(c: Case, resource = 'cpu'): { pods: Pod[]; metrics: PodMetrics } {
  const count = Math.max(c.currentReplicas, c.podPhase?.length ?? 0);
  const pods = Array.from(
    { length: count },
    (_, i) =>
      ({
        metadata: { name: `test-pod-${i}`, ...(c.podDeletion?.[i] ? { deletionTimestamp: NOW.toISOString() } : {}) },
        spec: {
          containers: Array.from({ length: CONTAINERS }, (_, k) => ({
            name: `container${k}`,
            ...(i < c.requests.length ? { resources: { requests: { [resource]: c.requests[i]! } } } : {}),
          })),
        },
        status: { phase: c.podPhase?.[i] ?? 'Running', startTime: c.podStartTime?.[i] ?? GO_ZERO, conditions: [{ type: 'Ready', status: c.podReadiness?.[i] ?? 'True' }] },
      }) as Pod,
  );
  const metrics: PodMetrics = new Map(
    c.levels.map((level, i) => [c.podNames?.[i] ?? `test-pod-${i}`, { value: level * CONTAINERS, timestamp: new Date(GO_ZERO), windowMs: 60_000 }]),
  );
  return { pods, metrics };
}

type Expect = { replicas: number; utilization: number; rawAverage: number } | { error: string };
function utilizationCase(c: Case, target: number, expected: Expect) {
  const { pods, metrics } = build(c);
  if ('error' in expected) {
    assert.throws(
      () => resourceReplicas(c.currentReplicas, target, 'cpu', pods, metrics, OPTIONS),
      (e: unknown) => e instanceof ReplicaCalculatorError && e.message.includes(expected.error),
    );
    return;
  }
  assert.deepEqual(resourceReplicas(c.currentReplicas, target, 'cpu', pods, metrics, OPTIONS), expected);
}
const one = (n: number) => Array.from({ length: n }, () => '1.0');

test('TestReplicaCalcDisjointResourcesMetrics', () => {
  utilizationCase({ currentReplicas: 1, requests: ['1.0'], levels: [100], podNames: ['an-older-pod-name'] }, 100, { error: 'no metrics returned matched known pods' });
});

test('TestReplicaCalcScaleUp / UnreadyLessScale / HotCpuLessScale / UnreadyNoScale / HotCpuNoScale', () => {
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [300, 500, 700] }, 30, { replicas: 5, utilization: 50, rawAverage: CONTAINERS * 500 });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [300, 500, 700], podReadiness: ['False', 'True', 'True'] }, 30, {
    replicas: 4,
    utilization: 60,
    rawAverage: CONTAINERS * 600,
  });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [300, 500, 700], podStartTime: [HOT, COOL, COOL] }, 30, {
    replicas: 4,
    utilization: 60,
    rawAverage: CONTAINERS * 600,
  });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [400, 500, 700], podReadiness: ['True', 'False', 'False'] }, 30, {
    replicas: 3,
    utilization: 40,
    rawAverage: CONTAINERS * 400,
  });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [400, 500, 700], podReadiness: ['True', 'False', 'False'], podStartTime: [COOL, HOT, HOT] }, 30, {
    replicas: 3,
    utilization: 40,
    rawAverage: CONTAINERS * 400,
  });
});

test('TestReplicaCalcScaleUpIgnoresFailedPods / IgnoresDeletionPods', () => {
  const base = { currentReplicas: 2, requests: one(4), levels: [500, 700], podReadiness: ['True', 'True', 'False', 'False'] as ('True' | 'False')[] };
  const expected = { replicas: 4, utilization: 60, rawAverage: CONTAINERS * 600 };
  utilizationCase({ ...base, podPhase: ['Running', 'Running', 'Failed', 'Failed'] }, 30, expected);
  utilizationCase({ ...base, podPhase: ['Running', 'Running', 'Running', 'Running'], podDeletion: [false, false, true, true] }, 30, expected);
});

test('TestReplicaCalcScaleDown and its unready, unscheduled, hot, failed and deleted variants', () => {
  const levels = [100, 300, 500, 250, 250];
  utilizationCase({ currentReplicas: 5, requests: one(5), levels }, 50, { replicas: 3, utilization: 28, rawAverage: CONTAINERS * 280 });
  utilizationCase({ currentReplicas: 5, requests: one(5), levels, podReadiness: ['True', 'True', 'True', 'False', 'False'] }, 50, {
    replicas: 2,
    utilization: 30,
    rawAverage: CONTAINERS * 300,
  });
  utilizationCase(
    {
      currentReplicas: 5,
      requests: one(5),
      levels: [100],
      podReadiness: ['True', 'False', 'False', 'False', 'False'],
      podPhase: ['Running', 'Pending', 'Pending', 'Pending', 'Pending'],
    },
    50,
    { replicas: 1, utilization: 10, rawAverage: CONTAINERS * 100 },
  );
  utilizationCase({ currentReplicas: 5, requests: one(5), levels, podStartTime: [COOL, COOL, COOL, HOT, HOT] }, 50, { replicas: 2, utilization: 30, rawAverage: CONTAINERS * 300 });
  const sevenReadiness: ('True' | 'False')[] = ['True', 'True', 'True', 'True', 'True', 'False', 'False'];
  utilizationCase(
    { currentReplicas: 5, requests: one(7), levels, podReadiness: sevenReadiness, podPhase: ['Running', 'Running', 'Running', 'Running', 'Running', 'Failed', 'Failed'] },
    50,
    {
      replicas: 3,
      utilization: 28,
      rawAverage: CONTAINERS * 280,
    },
  );
  utilizationCase(
    {
      currentReplicas: 5,
      requests: one(7),
      levels,
      podReadiness: sevenReadiness,
      podPhase: Array(7).fill('Running'),
      podDeletion: [false, false, false, false, false, true, true],
    },
    50,
    { replicas: 3, utilization: 28, rawAverage: CONTAINERS * 280 },
  );
});

test('TestReplicaCalcTolerance: within 10% of the target nothing changes', () => {
  utilizationCase({ currentReplicas: 3, requests: ['0.9', '1.0', '1.1'], levels: [1010, 1030, 1020] }, 100, { replicas: 3, utilization: 102, rawAverage: CONTAINERS * 1020 });
});

test('TestReplicaCalcSuperfluousMetrics: samples of pods that are not ours do not count', () => {
  utilizationCase({ currentReplicas: 4, requests: one(4), levels: [4000, 9500, 3000, 7000, 3200, 2000] }, 100, { replicas: 24, utilization: 587, rawAverage: CONTAINERS * 5875 });
});

test('TestReplicaCalcMissingMetrics and the NoChange / Unready / HotCpu variants', () => {
  utilizationCase({ currentReplicas: 4, requests: one(4), levels: [400, 95] }, 100, { replicas: 3, utilization: 24, rawAverage: 495 });
  utilizationCase({ currentReplicas: 2, requests: one(2), levels: [1000] }, 100, { replicas: 2, utilization: 100, rawAverage: CONTAINERS * 1000 });
  utilizationCase({ currentReplicas: 2, requests: one(2), levels: [1900] }, 100, { replicas: 2, utilization: 190, rawAverage: CONTAINERS * 1900 });
  utilizationCase({ currentReplicas: 2, requests: one(2), levels: [600] }, 100, { replicas: 2, utilization: 60, rawAverage: CONTAINERS * 600 });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [100, 450], podReadiness: ['False', 'True', 'True'] }, 50, {
    replicas: 3,
    utilization: 45,
    rawAverage: CONTAINERS * 450,
  });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [100, 450], podStartTime: [HOT, COOL, COOL] }, 50, {
    replicas: 3,
    utilization: 45,
    rawAverage: CONTAINERS * 450,
  });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [100, 2000], podReadiness: ['False', 'True', 'True'] }, 50, {
    replicas: 4,
    utilization: 200,
    rawAverage: CONTAINERS * 2000,
  });
  utilizationCase({ currentReplicas: 3, requests: one(3), levels: [100, 2000], podReadiness: ['False', 'True', 'True'], podStartTime: [HOT, COOL, COOL] }, 50, {
    replicas: 4,
    utilization: 200,
    rawAverage: CONTAINERS * 2000,
  });
  utilizationCase({ currentReplicas: 4, requests: one(4), levels: [100, 100, 100], podReadiness: ['False', 'True', 'True', 'True'] }, 50, {
    replicas: 3,
    utilization: 10,
    rawAverage: CONTAINERS * 100,
  });
});

test('TestReplicaCalcDuringRollingUpdateWithMaxSurge: a surge pod without metrics does not scale up', () => {
  utilizationCase({ currentReplicas: 2, requests: one(3), levels: [100, 100], podPhase: ['Running', 'Running', 'Running'] }, 50, {
    replicas: 2,
    utilization: 10,
    rawAverage: CONTAINERS * 100,
  });
});

test('TestReplicaCalcEmptyMetrics / TestReplicaCalcEmptyCPURequest', () => {
  utilizationCase({ currentReplicas: 4, requests: one(3), levels: [] }, 100, { error: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API' });
  utilizationCase({ currentReplicas: 1, requests: [], levels: [200] }, 100, { error: 'missing request for' });
});

test('TestReplicaCalcComputedToleranceAlgImplementation: just past the tolerance scales, just inside does not', () => {
  const startPods = 10;
  const totalUsed = startPods * 150;
  const totalRequested = 2 * totalUsed;
  const requestedToUsed = Math.trunc(totalRequested / totalUsed);
  const perPod = totalRequested / startPods;
  const requests = [perPod + 100, perPod - 100, perPod + 10, perPod - 10, perPod + 2, perPod - 2, perPod + 1, perPod - 1, perPod, perPod].map((m) => `${m}m`);
  const levels = Array(10).fill(totalUsed / 10);
  let target = Math.abs(1 / (requestedToUsed * (1 - 0.1))) + 0.01;
  const finalPods = Math.ceil((totalUsed / (totalRequested * target)) * startPods);
  const expectedUtilization = Math.trunc((totalUsed * 100) / totalRequested);
  utilizationCase({ currentReplicas: startPods, requests, levels }, Math.trunc(target * 100), {
    replicas: finalPods,
    utilization: expectedUtilization,
    rawAverage: (CONTAINERS * totalUsed) / 10,
  });
  target = Math.abs(1 / (requestedToUsed * (1 - 0.1))) + 0.004;
  utilizationCase({ currentReplicas: startPods, requests, levels }, Math.trunc(target * 100), {
    replicas: startPods,
    utilization: expectedUtilization,
    rawAverage: (CONTAINERS * totalUsed) / 10,
  });
});

/** The custom-metric (per-pod average) cases, as AverageValue targets of a non-CPU resource (no CPU readiness rules). */
test('average value: TestReplicaCalcScaleUpCM / ScaleDownCM / ToleranceCM / ScaleUpCMUnreadyHotCpuNoLessScale', () => {
  const avg = (c: Case, targetPerPod: number) => {
    const { pods, metrics } = build({ ...c, requests: [] }, 'memory');
    // Custom-metric levels are per pod (prepareTestCMClient), not per container.
    for (const [name, m] of metrics) metrics.set(name, { ...m, value: m.value / CONTAINERS });
    return averageValueReplicas(c.currentReplicas, targetPerPod, 'memory', pods, metrics, OPTIONS);
  };
  assert.deepEqual(avg({ currentReplicas: 3, requests: [], levels: [20000, 10000, 30000] }, 15000), { replicas: 4, average: 20000 });
  assert.deepEqual(avg({ currentReplicas: 5, requests: [], levels: [12000, 12000, 12000, 12000, 12000] }, 20000), { replicas: 3, average: 12000 });
  assert.deepEqual(avg({ currentReplicas: 3, requests: [], levels: [20000, 21000, 21000] }, 20000), { replicas: 3, average: 20666 });
  assert.deepEqual(avg({ currentReplicas: 3, requests: [], levels: [50000, 10000, 30000], podReadiness: ['True', 'True', 'False'], podStartTime: [COOL, COOL, HOT] }, 15000), {
    replicas: 6,
    average: 30000,
  });
});
