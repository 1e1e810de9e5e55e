export * from './types.js';
export * from './rule-match.js';
export * from './policy.js';
export * from './authorizer.js';
export * from './escalation.js';
export * from './aggregation.js';
export * from './bootstrap-policy.js';
