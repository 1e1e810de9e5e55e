/** The shape of a batch/v1 Job as validation, defaulting and the controllers read it. */
export interface PodFailurePolicyRuleLike {
  action?: string;
  onExitCodes?: { containerName?: string; operator?: string; values?: number[] };
  onPodConditions?: { type?: string; status?: string }[];
}

export interface JobSpecLike {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  podFailurePolicy?: { rules?: PodFailurePolicyRuleLike[] };
  successPolicy?: { rules?: { succeededIndexes?: string; succeededCount?: number }[] };
  backoffLimit?: number;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  selector?: unknown;
  manualSelector?: boolean;
  template?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: { restartPolicy?: string; containers?: ({ name?: string } & Record<string, unknown>)[]; initContainers?: ({ name?: string } & Record<string, unknown>)[] } & Record<
      string,
      unknown
    >;
  };
  ttlSecondsAfterFinished?: number;
  completionMode?: string;
  suspend?: boolean;
  podReplacementPolicy?: string;
  managedBy?: string;
}

export interface JobLike {
  metadata?: { name?: string; uid?: string; labels?: Record<string, string> };
  spec?: JobSpecLike;
  status?: { startTime?: string };
}
