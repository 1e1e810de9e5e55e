import { duplicateError, invalidError, notSupportedError, requiredError, tooManyError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { ipFamily } from './ip.js';
import { isAbsent, readBoolean, readInteger, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { validateLabelName, validateLabels } from './labels.js';
import { IMMUTABLE_ERROR } from './messages.js';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName } from './names.js';
import { isValidPortNum } from './ports.js';
import { SERVICE_PROTOCOLS } from './service.js';

/** pkg/apis/discovery/validation: limits of one EndpointSlice. */
export const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const;
export const MAX_ENDPOINTS_PER_SLICE = 1000;
export const MAX_ADDRESSES_PER_ENDPOINT = 100;
export const MAX_SLICE_PORTS = 20000;
const MAX_TOPOLOGY_LABELS = 16;

const label = (value: string, path: string) => isDns1123Label(value).map((msg) => invalidError(path, value, msg));

/**
 * ValidateEndpointSlice. One deviation: Kubernetes refuses loopback endpoint addresses
 * (ValidateEndpointIP); here every pod lives on loopback (127.64.0.0/10), so they are allowed.
 */
export function validateEndpointSlice(slice: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const addressType = readString(slice.addressType, 'addressType', errors);
  if (!addressType) errors.push(requiredError('addressType'));
  else if (!(ADDRESS_TYPES as readonly string[]).includes(addressType)) errors.push(notSupportedError('addressType', addressType, ADDRESS_TYPES));
  const endpoints = readObjectArray(slice.endpoints, 'endpoints', errors);
  if (endpoints.length > MAX_ENDPOINTS_PER_SLICE) errors.push(tooManyError('endpoints', endpoints.length, MAX_ENDPOINTS_PER_SLICE));
  else for (const { item, index } of endpoints) errors.push(...validateEndpoint(item, addressType, indexPath('endpoints', index)));
  errors.push(...validateSlicePorts(readObjectArray(slice.ports, 'ports', errors)));
  return errors;
}

function validateEndpoint(endpoint: JsonObject, addressType: string | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const addressPath = childPath(path, 'addresses');
  const addresses = readStringArray(endpoint.addresses, addressPath, errors) ?? [];
  if (addresses.length === 0) errors.push(requiredError(addressPath, 'must contain at least 1 address'));
  else if (addresses.length > MAX_ADDRESSES_PER_ENDPOINT) errors.push(tooManyError(addressPath, addresses.length, MAX_ADDRESSES_PER_ENDPOINT));
  addresses.forEach((address, i) => {
    const at = indexPath(addressPath, i);
    if (addressType === 'IPv4' && ipFamily(address) !== 4) errors.push(invalidError(at, address, 'must be a valid IPv4 address'));
    if (addressType === 'IPv6' && ipFamily(address) !== 6) errors.push(invalidError(at, address, 'must be a valid IPv6 address'));
    if (addressType === 'FQDN') errors.push(...isDns1123Subdomain(address).map((msg) => invalidError(at, address, msg)));
  });
  const conditions = readObject(endpoint.conditions, childPath(path, 'conditions'), errors) ?? {};
  for (const c of ['ready', 'serving', 'terminating']) readBoolean(conditions[c], childPath(path, `conditions.${c}`), errors);
  const nodeName = readString(endpoint.nodeName, childPath(path, 'nodeName'), errors);
  if (nodeName !== undefined) errors.push(...isDns1123Subdomain(nodeName).map((msg) => invalidError(childPath(path, 'nodeName'), nodeName, msg)));
  const topology = readObject(endpoint.deprecatedTopology, childPath(path, 'deprecatedTopology'), errors);
  if (topology) {
    if (Object.keys(topology).length > MAX_TOPOLOGY_LABELS) errors.push(tooManyError(childPath(path, 'deprecatedTopology'), Object.keys(topology).length, MAX_TOPOLOGY_LABELS));
    errors.push(...validateLabels(topology, childPath(path, 'deprecatedTopology')));
  }
  const zone = readString(endpoint.zone, childPath(path, 'zone'), errors);
  if (zone !== undefined) errors.push(...validateLabelName(zone, childPath(path, 'zone')));
  const hostname = readString(endpoint.hostname, childPath(path, 'hostname'), errors);
  if (hostname !== undefined) errors.push(...label(hostname, childPath(path, 'hostname')));
  const targetRef = readObject(endpoint.targetRef, childPath(path, 'targetRef'), errors);
  if (targetRef) readString(targetRef.name, childPath(path, 'targetRef.name'), errors);
  return errors;
}

function validateSlicePorts(ports: { item: JsonObject; index: number }[]): FieldError[] {
  const errors: FieldError[] = [];
  if (ports.length > MAX_SLICE_PORTS) return [tooManyError('ports', ports.length, MAX_SLICE_PORTS)];
  const names = new Set<string>();
  for (const { item, index } of ports) {
    const path = indexPath('ports', index);
    const name = readString(item.name, childPath(path, 'name'), errors) ?? '';
    if (name !== '') errors.push(...label(name, childPath(path, 'name')));
    if (names.has(name)) errors.push(duplicateError(childPath(path, 'name'), name));
    names.add(name);
    const protocol = readString(item.protocol, childPath(path, 'protocol'), errors);
    if (!protocol) errors.push(requiredError(childPath(path, 'protocol')));
    else if (!(SERVICE_PROTOCOLS as readonly string[]).includes(protocol)) errors.push(notSupportedError(childPath(path, 'protocol'), protocol, SERVICE_PROTOCOLS));
    const port = readInteger(item.port, childPath(path, 'port'), errors);
    if (port !== undefined) for (const msg of isValidPortNum(port)) errors.push(invalidError(childPath(path, 'port'), port, msg));
    const appProtocol = readString(item.appProtocol, childPath(path, 'appProtocol'), errors);
    if (appProtocol !== undefined) errors.push(...isQualifiedName(appProtocol).map((msg) => invalidError(childPath(path, 'appProtocol'), appProtocol, msg)));
  }
  return errors;
}

export function validateEndpointSliceUpdate(next: JsonObject, prev: JsonObject): FieldError[] {
  return next.addressType === prev.addressType ? [] : [invalidError('addressType', next.addressType ?? '', IMMUTABLE_ERROR)];
}

/** ValidateEndpoints (v1): subsets of ready and not-ready addresses and their ports. */
export function validateEndpoints(endpoints: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const { item: subset, index } of readObjectArray(endpoints.subsets, 'subsets', errors)) {
    const path = indexPath('subsets', index);
    const addresses = readObjectArray(subset.addresses, childPath(path, 'addresses'), errors);
    const notReady = readObjectArray(subset.notReadyAddresses, childPath(path, 'notReadyAddresses'), errors);
    if (addresses.length === 0 && notReady.length === 0) {
      errors.push(requiredError(path, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const [list, key] of [
      [addresses, 'addresses'],
      [notReady, 'notReadyAddresses'],
    ] as const) {
      for (const { item, index: i } of list) {
        const at = indexPath(childPath(path, key), i);
        const ip = readString(item.ip, childPath(at, 'ip'), errors);
        if (isAbsent(ip) || ip === '') errors.push(requiredError(childPath(at, 'ip')));
        else if (!ipFamily(ip)) errors.push(invalidError(childPath(at, 'ip'), ip, 'must be a valid IP address'));
        const hostname = readString(item.hostname, childPath(at, 'hostname'), errors);
        if (hostname) errors.push(...label(hostname, childPath(at, 'hostname')));
        const nodeName = readString(item.nodeName, childPath(at, 'nodeName'), errors);
        if (nodeName) errors.push(...isDns1123Subdomain(nodeName).map((msg) => invalidError(childPath(at, 'nodeName'), nodeName, msg)));
      }
    }
    const ports = readObjectArray(subset.ports, childPath(path, 'ports'), errors);
    for (const { item, index: i } of ports) {
      const at = indexPath(childPath(path, 'ports'), i);
      const name = readString(item.name, childPath(at, 'name'), errors) ?? '';
      if (ports.length > 1 && name === '') errors.push(requiredError(childPath(at, 'name')));
      else if (name !== '') errors.push(...label(name, childPath(at, 'name')));
      const port = readInteger(item.port, childPath(at, 'port'), errors) ?? 0;
      for (const msg of isValidPortNum(port)) errors.push(invalidError(childPath(at, 'port'), port, msg));
      const protocol = readString(item.protocol, childPath(at, 'protocol'), errors);
      if (!protocol) errors.push(requiredError(childPath(at, 'protocol')));
      else if (!(SERVICE_PROTOCOLS as readonly string[]).includes(protocol)) errors.push(notSupportedError(childPath(at, 'protocol'), protocol, SERVICE_PROTOCOLS));
    }
  }
  return errors;
}
