export { decideQuota, usageGrows, type QuotaView, type QuotaDecision } from './quota.js';
export { objectUsage, podComputeUsage, isTerminalPod, matchesScopes } from './usage.js';
export { applyLimitRangeDefaults, limitRangeViolations, type LimitRangeItem } from './limit-ranger.js';
export { parseList, formatList, add, type Usage } from './resource-list.js';
export { recountQuota, countedResources, type CountedKind } from './recount.js';
