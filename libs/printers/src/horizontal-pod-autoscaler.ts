/** kubectl's HorizontalPodAutoscaler cells (pkg/printers/internalversion/printers.go printHorizontalPodAutoscaler, formatHPAMetrics). */
import type { HorizontalPodAutoscaler } from '@wheelhouse/model';

type Spec = NonNullable<NonNullable<HorizontalPodAutoscaler['spec']>['metrics']>[number];
type Status = NonNullable<NonNullable<HorizontalPodAutoscaler['status']>['currentMetrics']>[number];

const UNKNOWN = '<unknown>';
const q = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** REFERENCE: Kind/name of the scale target. */
export const hpaReference = (o: HorizontalPodAutoscaler) => `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}`;

/** MINPODS: `<unset>` when absent. */
export const hpaMinPods = (o: HorizontalPodAutoscaler) => (o.spec?.minReplicas === undefined || o.spec?.minReplicas === null ? '<unset>' : String(o.spec.minReplicas));

/** TARGETS: current/target per metric (`cpu: 50%/80%`), at most two, then `+ N more...`. */
export function hpaTargets(o: HorizontalPodAutoscaler): string {
  const specs = o.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const statuses = o.status?.currentMetrics ?? [];
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  const shown = list.slice(0, 2).join(', ');
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

function formatMetric(spec: Spec, status: Status | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external?.target;
      if (target?.averageValue !== undefined && target?.averageValue !== null) {
        return `${q(status?.external?.current?.averageValue) || UNKNOWN}/${q(target.averageValue)} (avg)`;
      }
      return `${status?.external ? q(status.external.current?.value) : UNKNOWN}/${q(target?.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? q(status.pods.current?.averageValue) : UNKNOWN}/${q(spec.pods?.target?.averageValue)}`;
    case 'Object': {
      const target = spec.object?.target;
      if (target?.averageValue !== undefined && target?.averageValue !== null) {
        return `${q(status?.object?.current?.averageValue) || UNKNOWN}/${q(target.averageValue)} (avg)`;
      }
      return `${status?.object ? q(status.object.current?.value) : UNKNOWN}/${q(target?.value)}`;
    }
    case 'Resource':
      return resourceCell(spec.resource?.name ?? '', spec.resource?.target, status?.resource?.current, status?.resource !== undefined && status?.resource !== null);
    case 'ContainerResource':
      return resourceCell(
        spec.containerResource?.name ?? '',
        spec.containerResource?.target,
        status?.containerResource?.current,
        status?.containerResource !== undefined && status?.containerResource !== null,
      );
    default:
      return '<unknown type>';
  }
}

type Target = { averageValue?: unknown; averageUtilization?: number | null } | null | undefined;
type Current = { averageValue?: unknown; averageUtilization?: number | null } | null | undefined;

function resourceCell(name: string, target: Target, current: Current, hasStatus: boolean): string {
  if (target?.averageValue !== undefined && target?.averageValue !== null) {
    return `${name}: ${hasStatus ? q(current?.averageValue) : UNKNOWN}/${q(target.averageValue)}`;
  }
  const now = hasStatus && current?.averageUtilization !== undefined && current?.averageUtilization !== null ? `${current.averageUtilization}%` : UNKNOWN;
  const wanted = target?.averageUtilization !== undefined && target?.averageUtilization !== null ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${now}/${wanted}`;
}
