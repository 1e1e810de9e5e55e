// IPv4 CIDR arithmetic for pod ranges. Pod ranges must sit inside 127.0.0.0/8:
// Linux routes all of it to loopback, so pods get real, reachable addresses
// without touching the host's network.

export interface Ipv4Range {
  cidr: string;
  /** Network address as an unsigned 32-bit number. */
  network: number;
  /** Broadcast address as an unsigned 32-bit number. */
  broadcast: number;
}

const LOOPBACK_HOST = ipToNumber('127.0.0.1');

export function ipToNumber(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255)) {
    throw new Error(`invalid IPv4 address: ${JSON.stringify(ip)}`);
  }
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/n`; rejects ranges outside 127.0.0.0/8 and ranges with no usable address. */
export function parseLoopbackCidr(cidr: string): Ipv4Range {
  const match = /^([0-9.]+)\/([0-9]{1,2})$/.exec(cidr);
  const prefix = match ? Number(match[2]) : NaN;
  if (!match || prefix > 32) throw new Error(`invalid CIDR address: ${cidr}`);
  if (prefix < 8) throw new Error(`pod CIDR ${cidr} must lie inside 127.0.0.0/8`);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(ipToNumber(match[1] as string) / size) * size;
  if (network >>> 24 !== 127) throw new Error(`pod CIDR ${cidr} must lie inside 127.0.0.0/8`);
  if (prefix > 30) throw new Error(`pod CIDR ${cidr} is too small: it needs at least /30`);
  return { cidr: `${numberToIp(network)}/${prefix}`, network, broadcast: network + size - 1 };
}

/** True for an address a pod may get: inside the range, not its network or broadcast address, not 127.0.0.1. */
export function isUsable(range: Ipv4Range, n: number): boolean {
  return n > range.network && n < range.broadcast && n !== LOOPBACK_HOST;
}
