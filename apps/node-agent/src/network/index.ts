export { IpAllocator, IpRangeExhaustedError } from './ip-allocator.js';
export { PersistentIpAllocator } from './ip-claims.js';
export { parseLoopbackCidr, ipToNumber, numberToIp } from './cidr.js';
