// env[].valueFrom.resourceFieldRef (kubelet's containerResourceRuntimeValue and
// resource.ExtractContainerResourceValue): a container's limit or request divided
// by the divisor, rounded up. Unset limits fall back to the node's allocatable
// (defaultPodLimitsForDownwardAPI).
import { parseQuantity, quantityToBytes, type Quantity } from '@wheelhouse/resources';
import type { EnvContainer, EnvPod, EnvRuntimeValues, EnvVarSource, ResourceList } from './types.js';

type ResourceFieldRef = NonNullable<EnvVarSource['resourceFieldRef']>;

const ZERO = parseQuantity('0') as Quantity;

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('divisor must not be zero');
  const q = numerator / denominator;
  return numerator % denominator !== 0n && numerator > 0n === denominator > 0n ? q + 1n : q;
}

function quantityOf(list: ResourceList | null | undefined, name: string): Quantity | undefined {
  const raw = list?.[name];
  return raw === undefined || raw === null ? undefined : (parseQuantity(raw) ?? undefined);
}

function findContainer(pod: EnvPod, name: string): EnvContainer {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const found = all.find((c) => c.name === name);
  if (!found) throw new Error(`container ${name} not found`);
  return found;
}

function amountOf(container: EnvContainer, resource: string, values: EnvRuntimeValues): Quantity {
  const dot = resource.indexOf('.');
  const [section, name] = [resource.slice(0, dot), resource.slice(dot + 1)];
  if (section === 'limits') {
    const limit = quantityOf(container.resources?.limits, name);
    if (limit) return limit;
    // Only cpu, memory and ephemeral-storage limits default to what the node can give.
    if (['cpu', 'memory', 'ephemeral-storage'].includes(name)) return quantityOf(values.nodeAllocatable, name) ?? ZERO;
    return ZERO;
  }
  return quantityOf(container.resources?.requests, name) ?? ZERO;
}

function isSupported(resource: string): boolean {
  const [section, name = ''] = resource.split(/\.(.*)/s);
  if (section !== 'limits' && section !== 'requests') return false;
  return ['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('hugepages-');
}

/** The env value of one resourceFieldRef for `container` of `pod`. */
export function resolveResourceFieldRef(ref: ResourceFieldRef, pod: EnvPod, container: EnvContainer, values: EnvRuntimeValues): string {
  const resource = ref.resource ?? '';
  if (!isSupported(resource)) throw new Error(`unsupported container resource : ${resource}`);
  const target = ref.containerName ? findContainer(pod, ref.containerName) : container;
  const divisorInput = ref.divisor ?? '1';
  const divisor = parseQuantity(divisorInput);
  if (!divisor) throw new Error(`invalid divisor ${JSON.stringify(divisorInput)}`);
  const effectiveDivisor = divisor.nanos === 0n ? (parseQuantity('1') as Quantity) : divisor;
  const amount = amountOf(target, resource, values);
  if (resource.endsWith('.cpu')) return String(ceilDiv(amount.millis, effectiveDivisor.millis));
  return String(ceilDiv(quantityToBytes(amount) ?? 0n, quantityToBytes(effectiveDivisor) ?? 1n));
}
