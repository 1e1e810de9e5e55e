// Kubernetes' string vocabularies that the generated model types as plain strings: what
// the pure decisions compare against. The object shapes themselves come from @wheelhouse/model.

/** An RFC 3339 timestamp as it appears in JSON (metav1.Time). */
export type Timestamp = string;

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** intstr.IntOrString: an absolute number or a percentage such as "25%". */
export type IntOrString = number | string;

export type DeploymentStrategyType = 'RollingUpdate' | 'Recreate';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
