/** The parts of an apps/v1 DaemonSet its defaults and validation read (the API's input, unchecked). */
export interface DaemonSetLike {
  metadata?: { name?: string; annotations?: Record<string, string>; generation?: number };
  spec?: DaemonSetSpecLike;
  status?: Record<string, unknown>;
}

export interface DaemonSetSpecLike {
  selector?: unknown;
  template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

/**
 * apps/v1 keeps the internal templateGeneration in this annotation: 1 on create, one more
 * each time the template changes. Pods carry it in the pod-template-generation label.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
