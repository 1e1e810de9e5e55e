import { invalidError, type FieldError } from '../field-error.js';

/**
 * IP and CIDR syntax, written here rather than taken from node:net so the package
 * stays usable in a browser. Like Kubernetes' "sloppy" parsers, IPv4 octets may
 * have leading zeros (legacy data has them).
 */

export type IpFamily = 4 | 6;

function isIpv4(value: string): boolean {
  const octets = value.split('.');
  return octets.length === 4 && octets.every((o) => /^[0-9]{1,3}$/.test(o) && Number(o) <= 255);
}

function isIpv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const all = halves.flatMap(groups);
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const group = all[i]!;
    // An embedded IPv4 address (::ffff:1.2.3.4) may only be last and counts as two groups.
    if (i === all.length - 1 && group.includes('.')) {
      if (!isIpv4(group)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** 4 or 6 for a valid address, undefined otherwise. */
export function ipFamily(value: string): IpFamily | undefined {
  if (isIpv4(value)) return 4;
  if (isIpv6(value)) return 6;
  return undefined;
}

export function isValidIp(value: string): boolean {
  return ipFamily(value) !== undefined;
}

/** The family of a valid `address/prefix`, undefined otherwise. */
export function cidrFamily(value: string): IpFamily | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const family = ipFamily(value.slice(0, slash));
  const prefix = value.slice(slash + 1);
  if (!family || !/^[0-9]{1,3}$/.test(prefix)) return undefined;
  return Number(prefix) <= (family === 4 ? 32 : 128) ? family : undefined;
}

export function isValidCidr(value: string): boolean {
  return cidrFamily(value) !== undefined;
}

export function validateIp(value: string, path: string): FieldError[] {
  return isValidIp(value) ? [] : [invalidError(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

export function validateCidr(value: string, path: string): FieldError[] {
  return isValidCidr(value) ? [] : [invalidError(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}
