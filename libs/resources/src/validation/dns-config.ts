import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { validateIp } from './ip.js';
import { readObject, readObjectArray, readString, readStringArray } from './json.js';
import { isDns1123Subdomain } from './names.js';

export const DNS_POLICIES: readonly string[] = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;

/** spec.dnsPolicy and spec.dnsConfig (validateDNSPolicy, validatePodDNSConfig). Unset policy is ClusterFirst. */
export function validatePodDns(policyValue: unknown, configValue: unknown, specPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const policyPath = childPath(specPath, 'dnsPolicy');
  const configPath = childPath(specPath, 'dnsConfig');
  const policy = readString(policyValue, policyPath, errors);
  if (policy !== undefined && !DNS_POLICIES.includes(policy)) errors.push(notSupportedError(policyPath, policy, DNS_POLICIES));
  const config = readObject(configValue, configPath, errors);
  if (policy === 'None') {
    // With no cluster DNS the pod's resolv.conf comes entirely from dnsConfig.
    if (!config) return [...errors, requiredError(configPath, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!Array.isArray(config.nameservers) || config.nameservers.length === 0) {
      return [...errors, requiredError(childPath(configPath, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!config) return errors;
  const nameserversPath = childPath(configPath, 'nameservers');
  const nameservers = readStringArray(config.nameservers, nameserversPath, errors) ?? [];
  if (nameservers.length > MAX_NAMESERVERS) errors.push(invalidError(nameserversPath, nameservers, `must not have more than ${MAX_NAMESERVERS} nameservers`));
  nameservers.forEach((ns, i) => {
    errors.push(...validateIp(ns, indexPath(nameserversPath, i)));
  });
  const searchesPath = childPath(configPath, 'searches');
  const searches = readStringArray(config.searches, searchesPath, errors) ?? [];
  if (searches.length > MAX_SEARCH_PATHS) errors.push(invalidError(searchesPath, searches, `must not have more than ${MAX_SEARCH_PATHS} search paths`));
  if (searches.join(' ').length > MAX_SEARCH_LIST_CHARS) {
    errors.push(invalidError(searchesPath, searches, `must not have more than ${MAX_SEARCH_LIST_CHARS} characters (including spaces) in the search list`));
  }
  searches.forEach((search, i) => {
    // A trailing dot (fully qualified) is fine.
    const domain = search.endsWith('.') ? search.slice(0, -1) : search;
    errors.push(...isDns1123Subdomain(domain).map((msg) => invalidError(indexPath(searchesPath, i), domain, msg)));
  });
  const optionsPath = childPath(configPath, 'options');
  for (const { item, index } of readObjectArray(config.options, optionsPath, errors)) {
    const name = readString(item.name, childPath(indexPath(optionsPath, index), 'name'), errors);
    if (!name) errors.push(requiredError(indexPath(optionsPath, index), 'Option.Name must not be empty'));
    readString(item.value, childPath(indexPath(optionsPath, index), 'value'), errors);
  }
  return errors;
}
