export * from './daemonset-types.js';
export * from './daemonset-defaults.js';
export * from './daemonset-validation.js';
export * from './controller-revision-validation.js';
export * from './revision-history.js';
