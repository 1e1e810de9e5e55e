// The pod cases of kubectl's printer tests (kubernetes pkg/printers/internalversion/printers_test.go:
// TestPrintPod, TestPrintPodWithRestartableInitContainer, TestPrintPodwide, TestPrintPodConditions,
// TestPrintPodList, TestPrintNonTerminatedPod), as data: libs/printers tests them, and `wh` and the
// dashboard test that they show the same STATUS for every one. Upstream builds times from
// time.Now(); here CASES_NOW is fixed and times are offsets from it. Row conditions
// (podSuccessConditions) are a Table API detail with no column, so they are not part of a case.
import type { ContainerStatus, Pod } from '@wheelhouse/model';

export interface PodCase {
  /** The upstream test function, or `branches` for the cases read off printers.go. */
  test: string;
  comment: string;
  pod: Pod;
  wide?: boolean;
  /** kubectl's cells: NAME READY STATUS RESTARTS AGE (and the wide ones). */
  cells: string[];
}

export const CASES_NOW = Date.parse('2026-03-01T12:00:00Z');
const now = CASES_NOW;
const ago = (ms: number) => new Date(now - ms).toISOString();
const s = 1000;
const min = 60 * s;
const day = 24 * 60 * min;
const containers = (n: number) => Array.from({ length: n }, () => ({}));
const restartedAgo = (ms: number): Partial<ContainerStatus> => ({ lastState: { terminated: { finishedAt: ago(ms) } } });
const sidecars = [
  { name: 'restartable-init-1', restartPolicy: 'Always' },
  { name: 'restartable-init-2', restartPolicy: 'Always' },
];
const deleted = { deletionTimestamp: ago(10 * s) };

type Case = [comment: string, pod: Pod, cells: string[]];
const named = (test: string, cases: Case[], wide = false): PodCase[] => cases.map(([comment, pod, cells]) => ({ test, comment, pod, cells, ...(wide ? { wide } : {}) }));

const printPodCases: Case[] = [
  [
    'name, num of containers, restarts, container ready status',
    {
      metadata: { name: 'test1' },
      spec: { containers: containers(2) },
      status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: { running: {} } }, { restartCount: 3 }] },
    },
    ['test1', '1/2', 'podPhase', '6', '<unknown>'],
  ],
  [
    'container error overwrites pod phase',
    {
      metadata: { name: 'test2' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { running: {} } },
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
        ],
      },
    },
    ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
  ],
  [
    'the same with Terminated state: the first container overwrites the rest',
    {
      metadata: { name: 'test3' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
          { state: { terminated: { reason: 'ContainerTerminatedReason' } }, restartCount: 3 },
        ],
      },
    },
    ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  ],
  [
    'ready is not enough for reporting running',
    {
      metadata: { name: 'test4' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { running: {} } },
          { ready: true, restartCount: 3 },
        ],
      },
    },
    ['test4', '1/2', 'podPhase', '6', '<unknown>'],
  ],
  [
    'the pod reason wins over the phase',
    {
      metadata: { name: 'test5' },
      spec: { containers: containers(2) },
      status: {
        reason: 'podReason',
        phase: 'podPhase',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { running: {} } },
          { ready: true, restartCount: 3 },
        ],
      },
    },
    ['test5', '1/2', 'podReason', '6', '<unknown>'],
  ],
  [
    'one container running and the other completed, without the Ready condition',
    {
      metadata: { name: 'test6' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { ready: true, restartCount: 3, state: { running: {} } },
        ],
      },
    },
    ['test6', '1/2', 'NotReady', '6', '<unknown>'],
  ],
  [
    'one container running and the other completed, with the Ready condition',
    {
      metadata: { name: 'test6' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { ready: true, restartCount: 3, state: { running: {} } },
        ],
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: ago(0) }],
      },
    },
    ['test6', '1/2', 'Running', '6', '<unknown>'],
  ],
  [
    '1 init container restarting and 1 container not running',
    {
      metadata: { name: 'test7' },
      spec: { initContainers: containers(1), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [{ ready: false, restartCount: 3, state: { running: {} }, ...restartedAgo(10 * s) }],
        containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
      },
    },
    ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 init containers, one restarting and the other not running, and 1 container not running',
    {
      metadata: { name: 'test8' },
      spec: { initContainers: containers(2), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          { ready: false, restartCount: 3, state: { running: {} }, ...restartedAgo(10 * s) },
          { ready: false, state: { waiting: {} } },
        ],
        containerStatuses: [{ ready: false, state: { waiting: {} } }],
      },
    },
    ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 init containers, one completed without restarts and the other restarting, and 1 container not running',
    {
      metadata: { name: 'test9' },
      spec: { initContainers: containers(2), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          { ready: false, state: { terminated: {} } },
          { ready: false, restartCount: 3, state: { running: {} }, ...restartedAgo(10 * s) },
        ],
        containerStatuses: [{ ready: false, state: { waiting: {} } }],
      },
    },
    ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 init containers, one completed with restarts and the other restarting, and 1 container not running',
    {
      metadata: { name: 'test10' },
      spec: { initContainers: containers(2), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          { ready: false, restartCount: 2, state: { terminated: {} }, ...restartedAgo(2 * min) },
          { ready: false, restartCount: 3, state: { running: {} }, ...restartedAgo(10 * s) },
        ],
        containerStatuses: [{ ready: false, state: { waiting: {} } }],
      },
    },
    ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
  ],
  [
    '1 init container completed with restarts and one container restarting',
    {
      metadata: { name: 'test11' },
      spec: { initContainers: containers(1), containers: containers(1) },
      status: {
        phase: 'Running',
        initContainerStatuses: [{ ready: false, restartCount: 2, state: { terminated: {} }, ...restartedAgo(2 * min) }],
        containerStatuses: [{ ready: false, restartCount: 4, state: { running: {} }, ...restartedAgo(20 * s) }],
      },
    },
    ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
  ],
  [
    '1 container that restarted 5d ago',
    {
      metadata: { name: 'test12' },
      spec: { containers: containers(1) },
      status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: { running: {} }, ...restartedAgo(5 * day) }] },
    },
    ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
  ],
  [
    '2 containers, one never restarted and the other restarted 10d ago',
    {
      metadata: { name: 'test13' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 0, state: { running: {} } },
          { ready: true, restartCount: 3, state: { running: {} }, ...restartedAgo(10 * day) },
        ],
      },
    },
    ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
  ],
  [
    '2 containers, one restarted 5d ago and the other 20d ago',
    {
      metadata: { name: 'test14' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          { ready: true, restartCount: 6, state: { running: {} }, ...restartedAgo(5 * day) },
          { ready: true, restartCount: 3, state: { running: {} }, ...restartedAgo(20 * day) },
        ],
      },
    },
    ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
  ],
  [
    'PodScheduled condition with reason SchedulingGated',
    {
      metadata: { name: 'test15' },
      spec: { containers: containers(2) },
      status: { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
    },
    ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
  ],
  [
    'pod succeeded',
    {
      metadata: { name: 'test16' },
      spec: { containers: containers(1) },
      status: { phase: 'Succeeded', containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] },
    },
    ['test16', '0/1', 'Completed', '0', '<unknown>'],
  ],
  [
    'pod failed',
    {
      metadata: { name: 'test17' },
      spec: { containers: containers(1) },
      status: { phase: 'Failed', containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } }] },
    },
    ['test17', '0/1', 'Error', '0', '<unknown>'],
  ],
  [
    'pod succeeded, being deleted: a finished pod keeps its status',
    {
      metadata: { name: 'test18', ...deleted },
      spec: { containers: containers(1) },
      status: { phase: 'Succeeded', containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] },
    },
    ['test18', '0/1', 'Completed', '0', '<unknown>'],
  ],
  [
    'pod running, being deleted',
    {
      metadata: { name: 'test19', ...deleted },
      spec: { containers: containers(1) },
      status: { phase: 'Running', containerStatuses: [{ ready: false, restartCount: 0, state: { running: {} } }] },
    },
    ['test19', '0/1', 'Terminating', '0', '<unknown>'],
  ],
  [
    'pod pending, being deleted',
    { metadata: { name: 'test20', ...deleted }, spec: { containers: containers(1) }, status: { phase: 'Pending' } },
    ['test20', '0/1', 'Terminating', '0', '<unknown>'],
  ],
];

const restartableInitCases: Case[] = [
  [
    '2 restartable init containers, the first one running but not started',
    {
      metadata: { name: 'test1' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'restartable-init-1', ready: false, restartCount: 3, state: { running: {} }, started: false, ...restartedAgo(10 * s) },
          { name: 'restartable-init-2', ready: false, state: { waiting: {} }, started: false },
        ],
        containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
        conditions: [{ type: 'Initialized', status: 'False' }],
      },
    },
    ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 restartable init containers, the first one started and the second one running but not started',
    {
      metadata: { name: 'test1' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'restartable-init-1', ready: false, restartCount: 3, state: { running: {} }, started: true, ...restartedAgo(10 * s) },
          { name: 'restartable-init-2', ready: false, state: { running: {} }, started: false },
        ],
        containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
        conditions: [{ type: 'Initialized', status: 'False' }],
      },
    },
    ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 restartable init containers started and 1 container running',
    {
      metadata: { name: 'test2' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Running',
        initContainerStatuses: [
          { name: 'restartable-init-1', ready: false, restartCount: 3, state: { running: {} }, started: true, ...restartedAgo(10 * s) },
          { name: 'restartable-init-2', ready: false, state: { running: {} }, started: true },
        ],
        containerStatuses: [{ ready: true, restartCount: 4, state: { running: {} }, ...restartedAgo(20 * s) }],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    },
    ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
  ],
  [
    '2 restartable init containers completed with non-zero and 1 container completed',
    {
      metadata: { name: 'test3' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Succeeded',
        initContainerStatuses: [
          { name: 'restartable-init-1', ready: false, restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false, ...restartedAgo(10 * s) },
          { name: 'restartable-init-2', ready: false, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false },
        ],
        containerStatuses: [{ ready: false, restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, ...restartedAgo(20 * s) }],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    },
    ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
  ],
  [
    'container statuses for non-existent init containers and containers',
    {
      metadata: { name: 'test4' },
      spec: {
        initContainers: [
          { name: 'init1', image: 'initimage' },
          { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
        ],
        containers: [{ name: 'container1', image: 'containerimage' }],
      },
      status: {
        phase: 'Running',
        initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
        containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }],
      },
    },
    ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
  ],
];

// Wheelhouse's PodSpec has no readinessGates, so READINESS GATES is always <none>; the upstream
// cases with gates are kept for their other columns.
const wideCases: Case[] = [
  [
    'NodeName and PodIP set; the first of several pod IPs is shown',
    {
      metadata: { name: 'test1' },
      spec: { containers: containers(2), nodeName: 'test1' },
      status: {
        phase: 'podPhase',
        podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
        containerStatuses: [{ ready: true, restartCount: 3, state: { running: {} } }, { restartCount: 3 }],
        nominatedNodeName: 'node1',
      },
    },
    ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '<none>'],
  ],
  [
    'NodeName and PodIP are none',
    {
      metadata: { name: 'test2' },
      spec: { containers: containers(2), nodeName: '' },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { running: {} } },
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
        ],
      },
    },
    ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>'],
  ],
];

function conditionCases(): Case[] {
  const twoContainers = (name: string, phase: string): Pod => ({
    metadata: { name, labels: { a: '1', b: '2' } },
    spec: { containers: containers(2) },
    status: { phase, containerStatuses: [{ ready: true, restartCount: 3, state: { running: {} } }, { restartCount: 3 }] },
  });
  const byPhase = ['Running', 'Pending', 'Unknown', 'Succeeded', 'Failed'].map(
    (phase): Case => [`phase ${phase}`, twoContainers('test1', phase), ['test1', '1/2', phase, '6', '<unknown>']],
  );
  const list: Pod[] = [
    {
      metadata: { name: 'test1' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { ready: true, restartCount: 3, state: { running: {} } },
          { ready: true, restartCount: 3, state: { running: {} } },
        ],
      },
    },
    {
      metadata: { name: 'test2' },
      spec: { containers: containers(1) },
      status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 1, state: { running: {} } }] },
    },
  ];
  const listCells = [
    ['test1', '2/2', 'podPhase', '6', '<unknown>'],
    ['test2', '1/1', 'podPhase', '1', '<unknown>'],
  ];
  return [...byPhase, ...list.map((pod, i): Case => [`pod list item ${i}`, pod, listCells[i]!])];
}

// Not upstream cases: the branches of printPod the upstream table leaves implicit, each one
// read off printers.go (init failures, signals, exit codes, NodeLost, PodInitializing).
function branchCases(): Case[] {
  const init = (state: ContainerStatus['state']): Pod => ({
    metadata: { name: 'p' },
    spec: { initContainers: containers(2), containers: containers(1) },
    status: {
      phase: 'Pending',
      initContainerStatuses: [{ state }, { state: { waiting: { reason: 'PodInitializing' } } }],
      containerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
    },
  });
  const main = (state: ContainerStatus['state'], phase = 'Running'): Pod => ({
    metadata: { name: 'p' },
    spec: { containers: containers(1) },
    status: { phase, containerStatuses: [{ state }] },
  });
  const statuses: [string, Pod, string][] = [
    ['init container crash-looping', init({ waiting: { reason: 'CrashLoopBackOff' } }), 'Init:CrashLoopBackOff'],
    ['init container failed with a reason', init({ terminated: { reason: 'Error', exitCode: 1 } }), 'Init:Error'],
    ['init container killed by a signal', init({ terminated: { signal: 9, exitCode: 137 } }), 'Init:Signal:9'],
    ['init container failed without a reason', init({ terminated: { exitCode: 2 } }), 'Init:ExitCode:2'],
    ['init container waiting on PodInitializing counts as Init:i/n', init({ waiting: { reason: 'PodInitializing' } }), 'Init:0/2'],
    ['init container running', init({ running: {} }), 'Init:0/2'],
    ['container crash-looping', main({ waiting: { reason: 'CrashLoopBackOff' } }), 'CrashLoopBackOff'],
    ['container killed by a signal', main({ terminated: { signal: 9, exitCode: 137 } }, 'Failed'), 'Signal:9'],
    ['container failed without a reason', main({ terminated: { exitCode: 1 } }, 'Failed'), 'ExitCode:1'],
    ['all init containers done, the container still starting', main({ waiting: { reason: 'PodInitializing' } }, 'Pending'), 'PodInitializing'],
    ['pod of an unreachable node, being deleted', { metadata: { name: 'p', deletionTimestamp: ago(0) }, status: { phase: 'Running', reason: 'NodeLost' } }, 'Unknown'],
    ['pod of an unreachable node', { metadata: { name: 'p' }, status: { phase: 'Running', reason: 'NodeLost' } }, 'NodeLost'],
  ];
  return statuses.map(([comment, pod, status]): Case => [comment, pod, ['p', `0/${pod.spec?.containers?.length ?? 0}`, status, '0', '<unknown>']]);
}

export const POD_CASES: readonly PodCase[] = [
  ...named('TestPrintPod', printPodCases),
  ...named('TestPrintPodWithRestartableInitContainer', restartableInitCases),
  ...named('TestPrintPodwide', wideCases, true),
  ...named('TestPrintPodConditions/TestPrintNonTerminatedPod/TestPrintPodList', conditionCases()),
  ...named('branches', branchCases()),
];
