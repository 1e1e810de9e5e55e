import { cloneJson, isJsonObject, objectItems, setDefault } from './json-object.js';

/** discovery/v1 SetDefaults_EndpointPort: name "" and protocol TCP. Returns a new object. */
export function defaultEndpointSlice<T>(slice: T): T {
  const copy = cloneJson(slice);
  if (!isJsonObject(copy)) return copy;
  for (const port of objectItems(copy, 'ports')) {
    if (port.name === undefined || port.name === null) port.name = '';
    setDefault(port, 'protocol', 'TCP');
  }
  return copy;
}

/** core/v1 SetDefaults_EndpointPort: protocol TCP. Returns a new object. */
export function defaultEndpoints<T>(endpoints: T): T {
  const copy = cloneJson(endpoints);
  if (!isJsonObject(copy)) return copy;
  for (const subset of objectItems(copy, 'subsets')) for (const port of objectItems(subset, 'ports')) setDefault(port, 'protocol', 'TCP');
  return copy;
}
