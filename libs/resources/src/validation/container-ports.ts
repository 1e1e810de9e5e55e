import { duplicateError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { validateIp } from './ip.js';
import { readInteger, readObjectArray, readString, type JsonObject } from './json.js';
import { isValidPortName, isValidPortNum } from './ports.js';

export const PORT_PROTOCOLS: readonly string[] = ['SCTP', 'TCP', 'UDP'];

/** A container's ports (validateContainerPorts): names unique within the container, numbers in range, known protocols. */
export function validateContainerPorts(ports: unknown, path: string, hostNetwork = false): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  for (const { item, index } of readObjectArray(ports, path, errors)) {
    const portPath = indexPath(path, index);
    const name = readString(item.name, childPath(portPath, 'name'), errors) ?? '';
    if (name) {
      const problems = isValidPortName(name);
      if (problems.length > 0) errors.push(...problems.map((msg) => invalidError(childPath(portPath, 'name'), name, msg)));
      else if (names.has(name)) errors.push(duplicateError(childPath(portPath, 'name'), name));
      else names.add(name);
    }
    const rawContainerPort = item.containerPort;
    const containerPort = readInteger(rawContainerPort, childPath(portPath, 'containerPort'), errors);
    if (rawContainerPort === undefined || rawContainerPort === null || containerPort === 0) {
      errors.push(requiredError(childPath(portPath, 'containerPort')));
    } else if (containerPort !== undefined) {
      errors.push(...isValidPortNum(containerPort).map((msg) => invalidError(childPath(portPath, 'containerPort'), containerPort, msg)));
    }
    const hostPort = readInteger(item.hostPort, childPath(portPath, 'hostPort'), errors);
    if (hostPort) {
      errors.push(...isValidPortNum(hostPort).map((msg) => invalidError(childPath(portPath, 'hostPort'), hostPort, msg)));
      // With the host's network there is no port mapping, so the two numbers must agree.
      if (hostNetwork && containerPort && hostPort !== containerPort) {
        errors.push(invalidError(childPath(portPath, 'containerPort'), containerPort, 'must match `hostPort` when `hostNetwork` is true'));
      }
    }
    const protocol = readString(item.protocol, childPath(portPath, 'protocol'), errors);
    // Unset protocol is TCP after defaulting.
    if (protocol !== undefined && !PORT_PROTOCOLS.includes(protocol)) {
      errors.push(protocol === '' ? requiredError(childPath(portPath, 'protocol')) : notSupportedError(childPath(portPath, 'protocol'), protocol, PORT_PROTOCOLS));
    }
    const hostIP = readString(item.hostIP, childPath(portPath, 'hostIP'), errors);
    if (hostIP) errors.push(...validateIp(hostIP, childPath(portPath, 'hostIP')));
  }
  return errors;
}

/**
 * Host ports must not collide between containers that run at the same time
 * (AccumulateUniqueHostPorts); `seen` carries `hostIP/protocol/port` across calls.
 */
export function validateUniqueHostPorts(containers: readonly { item: JsonObject; index: number }[], path: string, seen: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  for (const { item, index } of containers) {
    const ports = Array.isArray(item.ports) ? item.ports : [];
    ports.forEach((port: unknown, portIndex: number) => {
      if (typeof port !== 'object' || port === null) return;
      const p = port as JsonObject;
      if (typeof p.hostPort !== 'number' || p.hostPort === 0) return;
      const protocol = typeof p.protocol === 'string' && p.protocol ? p.protocol : 'TCP';
      const hostIP = typeof p.hostIP === 'string' ? p.hostIP : '';
      const key = `${hostIP}/${protocol}/${p.hostPort}`;
      if (seen.has(key)) errors.push(duplicateError(childPath(indexPath(childPath(indexPath(path, index), 'ports'), portIndex), 'hostPort'), key));
      else seen.add(key);
    });
  }
  return errors;
}
