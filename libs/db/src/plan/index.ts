export * from './write-plan.js';
export * from './plan-create.js';
export * from './plan-update.js';
export * from './plan-delete.js';
export * from './merge-patch.js';
export * from './compact.js';
export * from './deep-equal.js';
export * from './validate-object.js';
