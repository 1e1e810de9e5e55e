/**
 * kubectl autoscale's generator (k8s.io/kubectl/pkg/cmd/autoscale, autoscaling/v2): an HPA named
 * after the target (or --name), scaling it between --min (unset: the server's 1) and --max,
 * on CPU utilization when --cpu-percent is given (unset: the server's default, 80%).
 */
import { UsageError } from '../errors.js';

export interface AutoscaleOptions {
  name?: string;
  min?: number;
  max?: number;
  cpuPercent?: number;
}

export function horizontalPodAutoscalerFor(target: { apiVersion: string; kind: string; name: string }, options: AutoscaleOptions) {
  const max = options.max ?? -1;
  const min = options.min ?? -1;
  if (max < 1) throw new UsageError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new UsageError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const cpu = options.cpuPercent ?? -1;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: options.name ?? target.name },
    spec: {
      scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: target.name },
      ...(min > 0 ? { minReplicas: min } : {}),
      maxReplicas: max,
      ...(cpu >= 0 ? { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] } : {}),
    },
  };
}
