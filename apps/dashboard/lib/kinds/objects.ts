// The API objects as the dashboard reads them: the shared model (@wheelhouse/model),
// generated from the API's schema. The live lists strip GraphQL's nulls (lib/graphql/live-source.ts),
// so objects match these types: a field is absent, never null.
import type { Deployment, KubeObject, ReplicaSet, ReplicationController } from '@wheelhouse/model';

export type { Condition, Container, ContainerStatus, Event as KubeEvent, LabelSelector, Lease, Namespace, Node, ObjectMeta, OwnerReference, Pod } from '@wheelhouse/model';

/** Any kind's object, for code generic over kinds (detail pages, YAML, relations). */
export type AnyObject = KubeObject & { spec?: object; status?: object };

/** The kinds with replicas and a pod template. */
export type Workload = Deployment | ReplicaSet | ReplicationController;
