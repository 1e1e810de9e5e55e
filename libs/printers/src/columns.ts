/**
 * kubectl's `get` table of every kind: the column definitions of printers.go (AddHandlers),
 * each column a pure function of the object. `wh get` prints them, the dashboard's lists
 * show them; a kind without an entry prints NAME and AGE, as kubectl does for unknown kinds.
 */
import type {
  ConfigMap,
  ControllerRevision,
  DaemonSet,
  CronJob,
  Deployment,
  Endpoints,
  EndpointSlice,
  Event,
  HorizontalPodAutoscaler,
  Ingress,
  IngressClass,
  Job,
  KindName,
  PodDisruptionBudget,
  Lease,
  LimitRange,
  Namespace,
  Node,
  ObjectTypes,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  ReplicationController,
  ResourceQuota,
  Secret,
  Service,
  StorageClass,
} from '@wheelhouse/model';
import { age, elapsedMs } from './duration.js';
import { eventCount, eventFirstSeen, eventLastSeen, eventObject, eventSource, eventTimeKey } from './event.js';
import { clusterRoleBindingPrinter, clusterRolePrinter, roleBindingPrinter, rolePrinter, serviceAccountPrinter } from './rbac.js';
import { jobCompletions, jobDuration, jobStatus } from './job.js';
import { pdbMaxUnavailable, pdbMinAvailable } from './pod-disruption-budget.js';
import { hpaMinPods, hpaReference, hpaTargets } from './horizontal-pod-autoscaler.js';
import { controllerRevisionController } from './apps.js';
import { cronJobContainers, cronJobLastSchedule, cronJobSuspend } from './cronjob.js';
import { ingressAddress, ingressClassParameters, ingressHosts, ingressPorts } from './ingress.js';
import { endpointSliceAddresses, endpointSlicePorts, endpointsText, serviceCells } from './network.js';
import { nodeRoles, nodeStatus, nodeWideCells } from './node.js';
import { podReady, podRestarts, podStatus, podSummary, podWideCells } from './pod.js';
import { accessModes, claimCapacity, storageClassName, storagePhase, volumeClaim } from './storage.js';
import { containerCells, formatLabels, formatLabelSelector, labelSelectorString } from './selectors.js';

export interface PrinterColumn<T> {
  /** kubectl's column name (`Up-to-date`, `Nominated Node`); `wh get` prints it upper-cased. */
  name: string;
  /** 0: always shown; 1: only with `-o wide` (kubectl's priority). */
  priority: 0 | 1;
  cell(object: T, now: number): string;
  /** Sort key when the text does not sort right (ages by time, counts as numbers). */
  sortKey?(object: T, now: number): number;
}

export interface KindPrinter<T> {
  columns: readonly PrinterColumn<T>[];
}

/** What every object has: enough for NAME and AGE. */
interface Named {
  metadata: { name?: string; creationTimestamp?: string };
}

const nameColumn: PrinterColumn<Named> = { name: 'Name', priority: 0, cell: (o) => o.metadata.name ?? '' };
const ageColumn: PrinterColumn<Named> = {
  name: 'Age',
  priority: 0,
  cell: (o, now) => age(o.metadata.creationTimestamp, now),
  sortKey: (o, now) => elapsedMs(o.metadata.creationTimestamp, now) ?? 0,
};
const count = (name: string, priority: 0 | 1, value: (o: never) => number | undefined): PrinterColumn<never> => ({
  name,
  priority,
  cell: (o) => String(value(o) ?? 0),
  sortKey: (o) => value(o) ?? 0,
});

/** Containers and Images of a pod template (wide). */
function templateColumns<T extends { spec?: { template?: { spec?: { containers?: { name?: string; image?: string }[] } } } }>(): PrinterColumn<T>[] {
  return [
    { name: 'Containers', priority: 1, cell: (o) => containerCells(o.spec?.template?.spec?.containers)[0] },
    { name: 'Images', priority: 1, cell: (o) => containerCells(o.spec?.template?.spec?.containers)[1] },
  ];
}

/** Kubernetes defaults replicas to 1 when a workload leaves it out. */
const desired = (o: { spec?: { replicas?: number } }) => o.spec?.replicas ?? 1;

const pod: KindPrinter<Pod> = {
  columns: [
    nameColumn,
    { name: 'Ready', priority: 0, cell: podReady },
    { name: 'Status', priority: 0, cell: podStatus },
    { name: 'Restarts', priority: 0, cell: podRestarts, sortKey: (p) => podSummary(p).restarts },
    ageColumn,
    { name: 'IP', priority: 1, cell: (p) => podWideCells(p)[0]! },
    { name: 'Node', priority: 1, cell: (p) => podWideCells(p)[1]! },
    { name: 'Nominated Node', priority: 1, cell: (p) => podWideCells(p)[2]! },
    { name: 'Readiness Gates', priority: 1, cell: (p) => podWideCells(p)[3]! },
  ],
};

const deployment: KindPrinter<Deployment> = {
  columns: [
    nameColumn,
    { name: 'Ready', priority: 0, cell: (d) => `${d.status?.readyReplicas ?? 0}/${desired(d)}` },
    count('Up-to-date', 0, (d: Deployment) => d.status?.updatedReplicas),
    count('Available', 0, (d: Deployment) => d.status?.availableReplicas),
    ageColumn,
    ...templateColumns<Deployment>(),
    { name: 'Selector', priority: 1, cell: (d) => labelSelectorString(d.spec?.selector) },
  ],
};

const replicaColumns = <T extends ReplicaSet | ReplicationController>(selector: (o: T) => string): PrinterColumn<T>[] => [
  nameColumn,
  count('Desired', 0, desired) as PrinterColumn<T>,
  count('Current', 0, (o: T) => o.status?.replicas) as PrinterColumn<T>,
  count('Ready', 0, (o: T) => o.status?.readyReplicas) as PrinterColumn<T>,
  ageColumn,
  ...templateColumns<T>(),
  { name: 'Selector', priority: 1, cell: selector },
];

const node: KindPrinter<Node> = {
  columns: [
    nameColumn,
    { name: 'Status', priority: 0, cell: nodeStatus },
    { name: 'Roles', priority: 0, cell: nodeRoles },
    ageColumn,
    { name: 'Version', priority: 0, cell: (n) => n.status?.nodeInfo?.kubeletVersion ?? '' },
    ...['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'].map(
      (name, i): PrinterColumn<Node> => ({ name, priority: 1, cell: (n) => nodeWideCells(n)[i]! }),
    ),
  ],
};

const event: KindPrinter<Event> = {
  columns: [
    { name: 'Last Seen', priority: 0, cell: eventLastSeen, sortKey: (e, now) => now * 1000 - eventTimeKey(e) },
    { name: 'Type', priority: 0, cell: (e) => e.type ?? '' },
    { name: 'Reason', priority: 0, cell: (e) => e.reason ?? '' },
    { name: 'Object', priority: 0, cell: eventObject },
    { name: 'Subobject', priority: 1, cell: (e) => e.involvedObject?.fieldPath ?? '' },
    { name: 'Source', priority: 1, cell: eventSource },
    { name: 'Message', priority: 0, cell: (e) => (e.message ?? '').trim() },
    { name: 'First Seen', priority: 1, cell: eventFirstSeen },
    { name: 'Count', priority: 1, cell: (e) => String(eventCount(e)), sortKey: eventCount },
    { name: 'Name', priority: 1, cell: (e) => e.metadata.name ?? '' },
  ],
};

const namespace: KindPrinter<Namespace> = {
  columns: [nameColumn, { name: 'Status', priority: 0, cell: (n) => n.status?.phase ?? '' }, ageColumn],
};

const lease: KindPrinter<Lease> = {
  columns: [nameColumn, { name: 'Holder', priority: 0, cell: (l) => l.spec?.holderIdentity ?? '' }, ageColumn],
};

const size = (map: Record<string, string> | undefined) => Object.keys(map ?? {}).length;

/** printConfigMap: DATA counts the keys of data and binaryData. */
const configMap: KindPrinter<ConfigMap> = {
  columns: [nameColumn, count('Data', 0, (c: ConfigMap) => size(c.data) + size(c.binaryData)) as PrinterColumn<ConfigMap>, ageColumn],
};

/** printSecret: TYPE, and DATA counts the keys (never shows a value). */
const secret: KindPrinter<Secret> = {
  columns: [nameColumn, { name: 'Type', priority: 0, cell: (s) => s.type ?? '' }, count('Data', 0, (s: Secret) => size(s.data)) as PrinterColumn<Secret>, ageColumn],
};

/** printService; a Service written before clusterIPs existed still shows its clusterIP. */
const serviceView = (s: Service) => ({ ...s, spec: { ...s.spec, clusterIPs: s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : undefined) } });
const service: KindPrinter<Service> = {
  columns: [
    nameColumn,
    { name: 'Type', priority: 0, cell: (s) => serviceCells(serviceView(s), false).type },
    { name: 'Cluster-IP', priority: 0, cell: (s) => serviceCells(serviceView(s), false).clusterIP },
    // The load balancer column is cut to 16 characters but in -o wide; the table is not told which, so it is cut.
    { name: 'External-IP', priority: 0, cell: (s) => serviceCells(serviceView(s), false).externalIP },
    { name: 'Port(s)', priority: 0, cell: (s) => serviceCells(serviceView(s), false).ports },
    ageColumn,
    { name: 'Selector', priority: 1, cell: (s) => serviceCells(serviceView(s), true).selector },
  ],
};

const job: KindPrinter<Job> = {
  columns: [
    nameColumn,
    { name: 'Status', priority: 0, cell: jobStatus },
    { name: 'Completions', priority: 0, cell: jobCompletions },
    { name: 'Duration', priority: 0, cell: (j, now) => jobDuration(j, now) },
    ageColumn,
    ...templateColumns<Job>(),
    { name: 'Selector', priority: 1, cell: (j) => labelSelectorString(j.spec?.selector) },
  ],
};

const podDisruptionBudget: KindPrinter<PodDisruptionBudget> = {
  columns: [
    nameColumn,
    { name: 'Min Available', priority: 0, cell: pdbMinAvailable },
    { name: 'Max Unavailable', priority: 0, cell: pdbMaxUnavailable },
    count('Allowed Disruptions', 0, (p: PodDisruptionBudget) => p.status?.disruptionsAllowed ?? undefined) as PrinterColumn<PodDisruptionBudget>,
    ageColumn,
  ],
};

const horizontalPodAutoscaler: KindPrinter<HorizontalPodAutoscaler> = {
  columns: [
    nameColumn,
    { name: 'Reference', priority: 0, cell: hpaReference },
    { name: 'Targets', priority: 0, cell: hpaTargets },
    { name: 'MinPods', priority: 0, cell: hpaMinPods },
    count('MaxPods', 0, (h: HorizontalPodAutoscaler) => h.spec?.maxReplicas ?? undefined) as PrinterColumn<HorizontalPodAutoscaler>,
    count('Replicas', 0, (h: HorizontalPodAutoscaler) => h.status?.currentReplicas ?? undefined) as PrinterColumn<HorizontalPodAutoscaler>,
    ageColumn,
  ],
};

const cronJob: KindPrinter<CronJob> = {
  columns: [
    nameColumn,
    { name: 'Schedule', priority: 0, cell: (c) => c.spec?.schedule ?? '' },
    { name: 'Timezone', priority: 0, cell: (c) => c.spec?.timeZone ?? '<none>' },
    { name: 'Suspend', priority: 0, cell: cronJobSuspend },
    count('Active', 0, (c: CronJob) => c.status?.active?.length) as PrinterColumn<CronJob>,
    {
      name: 'Last Schedule',
      priority: 0,
      cell: (c, now) => cronJobLastSchedule(c, now),
      sortKey: (c, now) => elapsedMs(c.status?.lastScheduleTime, now) ?? Number.POSITIVE_INFINITY,
    },
    ageColumn,
    { name: 'Containers', priority: 1, cell: (c) => cronJobContainers(c)[0] },
    { name: 'Images', priority: 1, cell: (c) => cronJobContainers(c)[1] },
    { name: 'Selector', priority: 1, cell: (c) => formatLabelSelector(c.spec?.jobTemplate?.spec?.selector) },
  ],
};

const ingress: KindPrinter<Ingress> = {
  columns: [
    nameColumn,
    { name: 'Class', priority: 0, cell: (i) => i.spec?.ingressClassName ?? '<none>' },
    { name: 'Hosts', priority: 0, cell: ingressHosts },
    { name: 'Address', priority: 0, cell: ingressAddress },
    { name: 'Ports', priority: 0, cell: ingressPorts },
    ageColumn,
  ],
};

const ingressClass: KindPrinter<IngressClass> = {
  columns: [nameColumn, { name: 'Controller', priority: 0, cell: (c) => c.spec?.controller ?? '' }, { name: 'Parameters', priority: 0, cell: ingressClassParameters }, ageColumn],
};

const endpoints: KindPrinter<Endpoints> = { columns: [nameColumn, { name: 'Endpoints', priority: 0, cell: endpointsText }, ageColumn] };

const endpointSlice: KindPrinter<EndpointSlice> = {
  columns: [
    nameColumn,
    { name: 'AddressType', priority: 0, cell: (s) => s.addressType ?? '' },
    { name: 'Ports', priority: 0, cell: (s) => endpointSlicePorts(s.ports) },
    { name: 'Endpoints', priority: 0, cell: (s) => endpointSliceAddresses(s.endpoints) },
    ageColumn,
  ],
};

/** printResourceQuota: `resource: used/hard` per resource of status.hard (the quota controller's view), limits.* in LIMIT, the rest in REQUEST. */
function quotaCells(q: ResourceQuota): { request: string; limit: string } {
  const hard = q.status?.hard ?? {};
  const used = q.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const resource of Object.keys(hard).sort()) {
    const pieces = resource.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(`${resource}: ${used[resource] ?? '0'}/${hard[resource]}`);
  }
  return { request: request.join(', '), limit: limit.join(', ') };
}
const resourceQuota: KindPrinter<ResourceQuota> = {
  columns: [nameColumn, ageColumn, { name: 'Request', priority: 0, cell: (q) => quotaCells(q).request }, { name: 'Limit', priority: 0, cell: (q) => quotaCells(q).limit }],
};

/** printLimitRange: NAME and CREATED AT (RFC 3339, UTC). */
const limitRange: KindPrinter<LimitRange> = {
  columns: [
    nameColumn,
    {
      name: 'Created At',
      priority: 0,
      cell: (l) => (l.metadata.creationTimestamp ? new Date(l.metadata.creationTimestamp).toISOString().replace(/\.\d{3}Z$/, 'Z') : '<unknown>'),
    },
  ],
};

/** printControllerRevision: NAME CONTROLLER REVISION AGE. */
const controllerRevision: KindPrinter<ControllerRevision> = {
  columns: [
    nameColumn,
    { name: 'Controller', priority: 0, cell: controllerRevisionController },
    count('Revision', 0, (r: ControllerRevision) => r.revision) as PrinterColumn<ControllerRevision>,
    ageColumn,
  ],
};

const persistentVolume: KindPrinter<PersistentVolume> = {
  columns: [
    nameColumn,
    { name: 'Capacity', priority: 0, cell: (v) => v.spec?.capacity?.storage ?? '' },
    { name: 'Access Modes', priority: 0, cell: (v) => accessModes(v.spec?.accessModes) },
    { name: 'Reclaim Policy', priority: 0, cell: (v) => v.spec?.persistentVolumeReclaimPolicy ?? '' },
    { name: 'Status', priority: 0, cell: storagePhase },
    { name: 'Claim', priority: 0, cell: volumeClaim },
    { name: 'StorageClass', priority: 0, cell: (v) => v.spec?.storageClassName ?? '' },
    { name: 'VolumeAttributesClass', priority: 0, cell: () => '<unset>' },
    { name: 'Reason', priority: 0, cell: (v) => v.status?.reason ?? '' },
    ageColumn,
    { name: 'VolumeMode', priority: 1, cell: (v) => v.spec?.volumeMode ?? '' },
  ],
};

const persistentVolumeClaim: KindPrinter<PersistentVolumeClaim> = {
  columns: [
    nameColumn,
    { name: 'Status', priority: 0, cell: storagePhase },
    { name: 'Volume', priority: 0, cell: (c) => c.spec?.volumeName ?? '' },
    { name: 'Capacity', priority: 0, cell: (c) => claimCapacity(c).capacity },
    { name: 'Access Modes', priority: 0, cell: (c) => claimCapacity(c).modes },
    { name: 'StorageClass', priority: 0, cell: (c) => c.spec?.storageClassName ?? '' },
    { name: 'VolumeAttributesClass', priority: 0, cell: () => '<unset>' },
    ageColumn,
    { name: 'VolumeMode', priority: 1, cell: (c) => c.spec?.volumeMode ?? '' },
  ],
};

const storageClass: KindPrinter<StorageClass> = {
  columns: [
    { name: 'Name', priority: 0, cell: storageClassName },
    { name: 'Provisioner', priority: 0, cell: (s) => s.provisioner ?? '' },
    { name: 'ReclaimPolicy', priority: 0, cell: (s) => s.reclaimPolicy ?? 'Delete' },
    { name: 'VolumeBindingMode', priority: 0, cell: (s) => s.volumeBindingMode ?? 'Immediate' },
    { name: 'AllowVolumeExpansion', priority: 0, cell: (s) => String(s.allowVolumeExpansion ?? false) },
    ageColumn,
  ],
};

/** printDaemonSet: counts from status, the template's node selector; wide adds containers, images, selector. */
const daemonSet: KindPrinter<DaemonSet> = {
  columns: [
    nameColumn,
    count('Desired', 0, (d: DaemonSet) => d.status?.desiredNumberScheduled) as PrinterColumn<DaemonSet>,
    count('Current', 0, (d: DaemonSet) => d.status?.currentNumberScheduled) as PrinterColumn<DaemonSet>,
    count('Ready', 0, (d: DaemonSet) => d.status?.numberReady) as PrinterColumn<DaemonSet>,
    count('Up-to-date', 0, (d: DaemonSet) => d.status?.updatedNumberScheduled) as PrinterColumn<DaemonSet>,
    count('Available', 0, (d: DaemonSet) => d.status?.numberAvailable) as PrinterColumn<DaemonSet>,
    { name: 'Node Selector', priority: 0, cell: (d) => formatLabels(d.spec?.template?.spec?.nodeSelector) },
    ageColumn,
    ...templateColumns<DaemonSet>(),
    { name: 'Selector', priority: 1, cell: (d) => formatLabelSelector(d.spec?.selector) },
  ],
};

/**
 * The printer of each kind. Adding a kind to the catalogue adds its entry here
 * (test/printers-registry checks that every kind has one).
 */
export const PRINTERS: { readonly [K in KindName]?: KindPrinter<ObjectTypes[K]> } = {
  Pod: pod,
  Deployment: deployment,
  ReplicaSet: { columns: replicaColumns<ReplicaSet>((rs) => formatLabelSelector(rs.spec?.selector)) },
  ReplicationController: { columns: replicaColumns<ReplicationController>((rc) => formatLabels(rc.spec?.selector)) },
  Node: node,
  Event: event,
  Namespace: namespace,
  Lease: lease,
  ConfigMap: configMap,
  Secret: secret,
  Service: service,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
  ResourceQuota: resourceQuota,
  LimitRange: limitRange,
  Ingress: ingress,
  IngressClass: ingressClass,
  Job: job,
  PodDisruptionBudget: podDisruptionBudget,
  HorizontalPodAutoscaler: horizontalPodAutoscaler,
  ControllerRevision: controllerRevision,
  DaemonSet: daemonSet,
  CronJob: cronJob,
  PersistentVolume: persistentVolume,
  PersistentVolumeClaim: persistentVolumeClaim,
  StorageClass: storageClass,
  ServiceAccount: serviceAccountPrinter,
  Role: rolePrinter,
  ClusterRole: clusterRolePrinter,
  RoleBinding: roleBindingPrinter,
  ClusterRoleBinding: clusterRoleBindingPrinter,
};

/** kubectl's table for kinds it has no printer for. */
export const DEFAULT_PRINTER: KindPrinter<Named> = { columns: [nameColumn, ageColumn] };

/** The printer of a kind by name; the default (NAME, AGE) for kinds without one. */
export function printerFor(kind: string): KindPrinter<Named> {
  return ((PRINTERS as Record<string, KindPrinter<Named> | undefined>)[kind] ?? DEFAULT_PRINTER) as KindPrinter<Named>;
}

/** The cells of one object, as kubectl's printer returns them (wide adds the priority-1 columns). */
export function printRow<T>(printer: KindPrinter<T>, object: T, now: number, options: { wide?: boolean } = {}): string[] {
  return printer.columns.filter((c) => options.wide || c.priority === 0).map((c) => c.cell(object, now));
}

export function printHeaders(printer: KindPrinter<unknown>, options: { wide?: boolean } = {}): string[] {
  return printer.columns.filter((c) => options.wide || c.priority === 0).map((c) => c.name);
}
