// Scale-down: the API has no bulk pod delete, so the pods of one sync are deleted by
// concurrent single calls; what they did is settled here, apart from the API shell.

/** The part of Expectations a scale-down needs. */
export interface DeletionExpectations {
  expectDeletions(key: string, uids: Iterable<string>): void;
  deletionObserved(key: string, uid: string): void;
}

export interface DeleteResult<P> {
  /** The pods whose delete call succeeded, in the order asked. */
  deleted: P[];
  /** The pods whose delete call failed (their deletions will never be observed). */
  failed: P[];
  /** The pods already gone (NotFound): not a failure, but no deletion of ours to observe either. */
  gone: P[];
  /** The first failure, in the order asked. */
  error?: unknown;
}

/**
 * Expects every deletion before the first call (the informer may see one before its call
 * returns), deletes all pods concurrently, waits for every call, and marks each failed
 * deletion observed. A failure does not stop the other deletes, and a pod already gone
 * (`isGone(error)`, NotFound) is no failure (Kubernetes' behaviour).
 */
export async function deletePods<P extends { metadata: { uid?: string } }>(
  expectations: DeletionExpectations,
  key: string,
  pods: readonly P[],
  deleteOne: (pod: P) => Promise<unknown>,
  isGone: (error: unknown) => boolean = () => false,
): Promise<DeleteResult<P>> {
  expectations.expectDeletions(
    key,
    pods.map((p) => p.metadata.uid ?? ''),
  );
  const settled = await Promise.allSettled(pods.map((pod) => deleteOne(pod)));
  const result: DeleteResult<P> = { deleted: [], failed: [], gone: [] };
  settled.forEach((outcome, i) => {
    const pod = pods[i]!;
    if (outcome.status === 'fulfilled') {
      result.deleted.push(pod);
      return;
    }
    expectations.deletionObserved(key, pod.metadata.uid ?? '');
    if (isGone(outcome.reason)) {
      result.gone.push(pod);
      return;
    }
    result.failed.push(pod);
    if (result.error === undefined) result.error = outcome.reason;
  });
  return result;
}
