import { hasCode } from '@wheelhouse/client';

/**
 * An optimistic-concurrency conflict that the controller resolves by requeueing (it
 * reads the newer object and tries again) is not news: Kubernetes logs these at a
 * debug level. They still count in the reconcile-error metrics; LOG_LEVEL=debug prints them.
 */
export const routineConflict = (error: unknown, env: NodeJS.ProcessEnv = process.env): boolean => hasCode(error, 'CONFLICT') && env.LOG_LEVEL !== 'debug';
