// @wheelhouse/controller-manager's pure decisions: the ReplicaSet/ReplicationController
// and Deployment controllers as decide(state) → actions, and the helpers they share.
export * from './common/index.js';
export * as replicaset from './replicaset/index.js';
export * as deployment from './deployment/index.js';
export { decideReplicaSet, type ReplicaSetAction, type ReplicaSetState } from './replicaset/decide.js';
export { decideDeployment, type DeploymentState } from './deployment/decide.js';
export type { DeploymentAction } from './deployment/actions.js';
