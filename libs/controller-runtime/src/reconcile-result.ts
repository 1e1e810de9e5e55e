/**
 * What a reconcile asks the loop to do next (controller-runtime's reconcile.Result).
 * A thrown error counts as `{ type: 'error' }`, i.e. retryable.
 */
export type ReconcileResult = { type: 'done' } | { type: 'requeueAfter'; ms: number } | { type: 'error'; error: unknown; terminal?: boolean };

export const done = (): ReconcileResult => ({ type: 'done' });
export const requeueAfter = (ms: number): ReconcileResult => ({ type: 'requeueAfter', ms });
/** Retried with the key's backoff. */
export const retry = (error: unknown): ReconcileResult => ({ type: 'error', error });
/** Not retried: waiting cannot fix it (invalid spec, ...); the next change of the object will. */
export const terminal = (error: unknown): ReconcileResult => ({ type: 'error', error, terminal: true });
