export type * from './generated/types.js';
export type { ObjectTypes } from './generated/kinds.js';
export { SERVED_KINDS } from './generated/kinds.js';
export { SELECTIONS, type SelectableType } from './generated/selections.js';
export { OPERATIONS, type QueryArgs, type MutationArgs, type SubscriptionArgs } from './generated/operations.js';
export * from './kinds.js';
export * from './errors.js';
export * from './object.js';
export { stripNulls } from './strip-nulls.js';
