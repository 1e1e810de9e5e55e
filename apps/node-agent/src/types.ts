// The agent's vocabulary on top of the generated model (@wheelhouse/model holds Pod, Node
// and every other object shape).

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** The annotation that hands a Node to a simulated agent started with --manage-annotated (kwok mode). */
export const SIMULATED_ANNOTATION = 'wheelhouse.io/simulated';
