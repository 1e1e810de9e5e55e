import { type Informer, WorkQueue, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import { KIND_LIST, type KindName, type Pod } from '@wheelhouse/model';
import { labelSelectorToSelector, matches, selectorFromSet, type Selector } from '@wheelhouse/selectors';
import { DEFAULT_SCALE_DOWN_RULES, DEFAULT_SCALE_UP_RULES, quantityToMillis, type HorizontalPodAutoscalerLike } from '@wheelhouse/resources';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { emptyHistory, storeScaleEvent, type ScalingHistory } from './behavior.js';
import { decideAutoscaler, onRescaled, onRescaleFailed, type TargetScale } from './decide.js';
import type { ResourceMetrics } from './metrics.js';
import { CPU_INITIALIZATION_PERIOD_MS, DEFAULT_TOLERANCE, DELAY_OF_INITIAL_READINESS_STATUS_MS, type PodMetrics } from './replica-calculator.js';

const NAME_ONLY = { select: 'metadata { name }' };
const POD_METRICS = `query($namespace: String) { podMetrics(namespace: $namespace) { metadata { name } timestamp window usage { cpu memory } } }`;

/** What the scale subresource reads of a workload: spec.replicas and its selector (a LabelSelector, or a map for ReplicationControllers). */
type Scalable = { metadata: Pod['metadata']; spec?: { replicas?: number | null; selector?: unknown } | null };

/**
 * The horizontal pod autoscaler: every HPA is reconciled each sync period (15s) from the
 * shared pod and workload caches and the pod metrics the API serves (metrics.k8s.io,
 * from the node agents); the target is resized through its scale subresource. The
 * recommendations and scale events behind stabilization and the policies live in memory,
 * as upstream keeps them (a new leader starts from the current size).
 */
export function horizontalPodAutoscalerController(ctx: ManagerContext): PreparedController {
  const name = 'horizontal-pod-autoscaler';
  const syncPeriodMs = ctx.settings.hpaSyncPeriodMs ?? 15_000;
  const hpas = ctx.informers.informerFor('HorizontalPodAutoscaler');
  const pods = ctx.informers.informerFor('Pod');
  const workloads = new Map(KIND_LIST.filter((k) => k.scalable).map((k) => [k.kind, ctx.informers.informerFor(k.kind as KindName) as unknown as Informer<Scalable>]));
  const queue = new WorkQueue();
  const events = ctx.events(name);
  const histories = new Map<string, ScalingHistory>();
  hpas.addEventHandler({ onAdd: (o) => queue.add(keyOf(o)), onUpdate: (_o, n) => queue.add(keyOf(n)), onDelete: (o) => queue.add(keyOf(o)) });

  const targetOf = (hpa: HorizontalPodAutoscalerLike): TargetScale => {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const namespace = hpa.metadata?.namespace ?? 'default';
    const informer = workloads.get(ref.kind ?? '');
    if (!informer) return { error: `no matches for kind "${ref.kind}" with a scale subresource` };
    const object = informer.get(`${namespace}/${ref.name}`);
    if (!object) return { error: `${(ref.kind ?? '').toLowerCase()}s "${ref.name}" not found` };
    let selector: Selector;
    try {
      const raw = object.spec?.selector;
      if (!raw) throw new Error('missing');
      selector = ref.kind === 'ReplicationController' ? selectorFromSet(raw as Record<string, string>) : labelSelectorToSelector(raw as never);
    } catch {
      return { error: "the HPA target's scale is missing a selector", selectorMissing: true };
    }
    return { replicas: object.spec?.replicas ?? 1, pods: pods.list(namespace).filter((p) => matches(selector, p.metadata.labels ?? {})) };
  };

  const metricsIn = async (namespace: string): Promise<ResourceMetrics> => {
    try {
      const { podMetrics } = await ctx.clientset.client.request<{
        podMetrics: { metadata: { name: string }; timestamp: string; window: string; usage: { cpu: string; memory: string } }[];
      }>(POD_METRICS, { namespace });
      const cpu: PodMetrics = new Map();
      const memory: PodMetrics = new Map();
      for (const m of podMetrics) {
        const sample = { timestamp: new Date(m.timestamp), windowMs: Number.parseInt(m.window, 10) * 1000 };
        cpu.set(m.metadata.name, { ...sample, value: Number(quantityToMillis(m.usage.cpu) ?? 0) });
        memory.set(m.metadata.name, { ...sample, value: Number(quantityToMillis(m.usage.memory) ?? 0) });
      }
      return {
        byResource: new Map([
          ['cpu', cpu],
          ['memory', memory],
        ]),
      };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  const reconcile = async (key: string) => {
    const hpa = hpas.get(key) as HorizontalPodAutoscalerLike | undefined;
    if (!hpa) {
      histories.delete(key);
      return done();
    }
    const namespace = hpa.metadata?.namespace ?? 'default';
    const target = targetOf(hpa);
    const now = ctx.now();
    let decision = decideAutoscaler({
      hpa,
      target,
      metrics: 'error' in target ? { error: 'no target' } : await metricsIn(namespace),
      history: histories.get(key) ?? emptyHistory(),
      now,
      options: {
        tolerance: DEFAULT_TOLERANCE,
        cpuInitializationPeriodMs: CPU_INITIALIZATION_PERIOD_MS,
        delayOfInitialReadinessStatusMs: DELAY_OF_INITIAL_READINESS_STATUS_MS,
        downscaleStabilizationSeconds: ctx.settings.hpaDownscaleStabilizationSeconds ?? 300,
      },
    });
    if (decision.rescale) {
      const ref = hpa.spec!.scaleTargetRef!;
      try {
        await ctx.clientset.kind(ref.kind as KindName).scale({ namespace, name: ref.name ?? '' }, decision.rescale.replicas, NAME_ONLY);
        decision = onRescaled(decision, now);
        decision = { ...decision, history: storeScaleEventFor(decision, hpa, 'error' in target ? 0 : target.replicas, now.getTime()) };
      } catch (error) {
        decision = onRescaleFailed(decision, hpa.status ?? {}, (error as Error).message, now);
      }
    }
    histories.set(key, decision.history);
    const involved = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      namespace,
      name: hpa.metadata?.name ?? '',
      uid: (hpa.metadata as { uid?: string }).uid ?? '',
    };
    for (const e of decision.events) void events.record(involved, e.type, e.reason, e.message);
    try {
      await ctx.clientset.horizontalPodAutoscalers.replaceStatus(
        { metadata: { name: hpa.metadata?.name, namespace, resourceVersion: hpa.metadata?.resourceVersion }, status: decision.status } as never,
        NAME_ONLY,
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return requeueAfter(syncPeriodMs);
  };
  return {
    name,
    run: () => runController({ name, queue, workers: ctx.settings.workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
  };
}

/** Remembers the rescale for the behavior's policies (only HPAs with a behavior use them). */
function storeScaleEventFor(decision: ReturnType<typeof onRescaled>, hpa: HorizontalPodAutoscalerLike, previous: number, now: number): ScalingHistory {
  const behavior = hpa.spec?.behavior;
  const rules = behavior
    ? { scaleUp: { ...DEFAULT_SCALE_UP_RULES, ...(behavior.scaleUp ?? {}) }, scaleDown: { ...DEFAULT_SCALE_DOWN_RULES, ...(behavior.scaleDown ?? {}) } }
    : undefined;
  return storeScaleEvent(decision.history, rules, previous, decision.rescale!.replicas, now);
}
