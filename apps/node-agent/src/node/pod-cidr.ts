// Each node gets a /24 of 127.64.0.0/10 for its pods (every 127.x address works on
// Linux loopback, so pod traffic really flows). Kubernetes' node IPAM does this in the
// controller manager; here the agent picks the first /24 no other node holds.

const FIRST_OCTET_2 = 64;
const SUBNETS = 64 * 256;

export function podCIDRAt(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= SUBNETS) throw new Error(`no pod CIDR number ${index} in 127.64.0.0/10`);
  return `127.${FIRST_OCTET_2 + (index >> 8)}.${index & 255}.0/24`;
}

/** The first /24 of the pod range not in `used`. */
export function freePodCIDR(used: ReadonlySet<string>): string {
  for (let i = 0; i < SUBNETS; i++) {
    const cidr = podCIDRAt(i);
    if (!used.has(cidr)) return cidr;
  }
  throw new Error('the pod range 127.64.0.0/10 is full');
}
