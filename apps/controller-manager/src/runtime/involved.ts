import type { InvolvedObject } from '@wheelhouse/controller-runtime';
import type { KubeObject } from '@wheelhouse/model';

/** The object an Event is about. Objects read from the API always carry name and uid. */
export function involvedObject(object: KubeObject, type: { apiVersion: string; kind: string }): InvolvedObject {
  const { namespace, name, uid } = object.metadata;
  return { apiVersion: type.apiVersion, kind: type.kind, namespace: namespace ?? undefined, name: name ?? '', uid: uid ?? '' };
}
