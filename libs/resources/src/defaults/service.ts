import { cloneJson, ensureObject, isJsonObject, isUnset, objectItems, setDefault, type JsonObject } from './json-object.js';

/** core.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/**
 * SetDefaults_Service (pkg/apis/core/v1/defaults.go) plus the parts of the registry's
 * PrepareForCreate that are pure: clusterIP and clusterIPs kept in step, the family
 * fields of a single-stack IPv4 cluster. Returns a new object.
 */
export function defaultService<T>(service: T): T {
  const copy = cloneJson(service);
  if (!isJsonObject(copy)) return copy;
  const spec = ensureObject(copy, 'spec');
  if (!spec) return copy;
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = (spec.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: unknown } } | undefined)?.clientIP?.timeoutSeconds;
    if (isUnset(timeout)) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  setDefault(spec, 'type', 'ClusterIP');
  for (const port of objectItems(spec, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (isUnset(port.targetPort) || port.targetPort === 0) port.targetPort = port.port;
  }
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  const externallyAccessible = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && externalIPs.length > 0);
  if (externallyAccessible) setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.type !== 'ExternalName') {
    syncClusterIPs(spec);
    defaultIpFamilies(spec);
  }
  return copy;
}

/** The strategy's NormalizeClusterIPs: whichever of clusterIP / clusterIPs the user set fills the other. */
function syncClusterIPs(spec: JsonObject): void {
  const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (!isUnset(spec.clusterIP) && ips.length === 0) spec.clusterIPs = [spec.clusterIP];
  else if (isUnset(spec.clusterIP) && ips.length > 0 && typeof ips[0] === 'string') spec.clusterIP = ips[0];
}

/**
 * The registry's initIPFamilyFields for a single-stack IPv4 cluster (the service range is
 * IPv4): SingleStack, [IPv4]. Other requests are kept for the allocator to refuse.
 */
function defaultIpFamilies(spec: JsonObject): void {
  setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
  if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
}
