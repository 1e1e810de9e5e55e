export * from './hpa-types.js';
export * from './hpa-defaults.js';
export * from './hpa-validation.js';
export * from './hpa-v1.js';
