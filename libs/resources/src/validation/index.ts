export {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isCIdentifier,
  isEnvVarName,
  isConfigMapKey,
  isHttpHeaderName,
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  QUALIFIED_NAME_MAX_LENGTH,
  LABEL_VALUE_MAX_LENGTH,
} from './names.js';
export { isValidPortNum, isValidPortName } from './ports.js';
export { isValidIp, isValidCidr, ipFamily, cidrFamily, type IpFamily } from './ip.js';
export { validateLabels, validateLabelName } from './labels.js';
export { validateAnnotations, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES } from './annotations.js';
export { validateOwnerReferences } from './owner-references.js';
export { validateFinalizers, validateFinalizerName, STANDARD_FINALIZERS } from './finalizers.js';
export { validateObjectMeta, validateObjectMetaUpdate, validateName, type ObjectMetaRules, type NameRule } from './object-meta.js';
export { validatePodSpec, RESTART_POLICIES } from './pod.js';
export { validatePodUpdate, POD_UPDATE_FORBIDDEN_MESSAGE } from './pod-update.js';
export { validateTolerations } from './tolerations.js';
export { validateTaints, TAINT_EFFECTS } from './taints.js';
export { validateResourceRequirements } from './resource-requirements.js';
export { isExtendedResourceName, isHugePageResourceName, isNativeResource, isOvercommitAllowed, isIntegerResourceName } from './resource-names.js';
export { validateNodeSpec, validateNodeStatus, validateNodeUpdate } from './node.js';
export { validateNamespace, validateNamespaceStatusUpdate, NAMESPACE_PHASES } from './namespace.js';
export { validateEvent, EVENT_TYPES } from './event.js';
export { validateLease, validateLeaseSpec } from './lease.js';
export { validateLabelSelector, validateNonEmptySelector } from './label-selector.js';
export { validateWorkloadSpec, validateSelectorImmutable } from './workload.js';
export { validateDeploymentSpec } from './deployment.js';
export { validateConfigMap, validateConfigMapUpdate, IMMUTABLE_WHEN_SET } from './config-map.js';
export { validateSecret, validateSecretUpdate } from './secret.js';
export { SECRET_TYPES, SERVICE_ACCOUNT_NAME_ANNOTATION, TLS_CERT_KEY, TLS_PRIVATE_KEY_KEY } from './secret-types.js';
export { MAX_CONFIG_SIZE_BYTES } from './config-data.js';
export { decodeBase64 } from './base64.js';
export { validateResourceQuota, isQuotaResourceName, STANDARD_QUOTA_RESOURCES, QUOTA_SCOPES } from './resource-quota.js';
export { validateLimitRange, LIMIT_TYPES } from './limit-range.js';
export {
  validateIngress,
  validateIngressSpec,
  validateIngressClass,
  validateIngressClassUpdate,
  isWildcardDns1123Subdomain,
  PATH_TYPES,
  INGRESS_CLASS_ANNOTATION,
} from './ingress.js';
export {
  ACCESS_MODES,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from './storage.js';
