/** Why a container cannot get its environment; the kubelet reports it as `CreateContainerConfigError`. */
export class ContainerConfigError extends Error {
  readonly reason = 'CreateContainerConfigError';
}
