/** The labels and annotations Kubernetes' Job controller and API put on Jobs and their pods. */
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
/** Pre-1.27 spellings, still set and checked upstream so old selectors keep matching. */
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const JOB_INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** Largest parallelism (and maxFailedIndexes) an Indexed Job may ask for. */
export const MAX_PARALLELISM_INDEXED = 100_000;
export const COMPLETIONS_SOFT_LIMIT = 100_000;
export const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10_000;
export const MAX_POD_FAILURE_POLICY_RULES = 20;
export const MAX_EXIT_CODE_VALUES = 255;
export const MAX_SUCCESS_POLICY_RULES = 20;
