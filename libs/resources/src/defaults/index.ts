export { defaultPod, defaultPodSpec } from './pod.js';
export { defaultContainer } from './container.js';
export { defaultImagePullPolicy } from './image-pull-policy.js';
export { defaultNode } from './node.js';
export { defaultNamespace, NAMESPACE_FINALIZER, NAMESPACE_NAME_LABEL } from './namespace.js';
export { defaultEvent } from './event.js';
export { defaultLease } from './lease.js';
export { defaultReplicaSet, defaultReplicationController, defaultDeployment } from './workload.js';
export {
  addDefaultTolerations,
  defaultTolerationSeconds,
  setDefaultTolerationSeconds,
  DEFAULT_TOLERATION_SECONDS,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_UNREACHABLE,
} from './default-tolerations.js';
export { defaultConfigMap, defaultSecret } from './config.js';
export { defaultIngress, defaultIngressClass } from './ingress.js';
export { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storage.js';
