export * from './pdb-types.js';
export * from './pdb-validation.js';
export * from './pdb-condition.js';
export * from './eviction-check.js';
