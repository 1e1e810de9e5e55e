export { WheelhouseClient, type WheelhouseClientOptions, type RequestOptions, type SubscriptionSink } from './client.js';
export type { ConnectionState } from './socket.js';
export {
  WheelhouseError,
  fromGraphQLErrors,
  hasCode,
  isBadUserInput,
  isNotFound,
  isAlreadyExists,
  isConflict,
  isForbidden,
  isUnauthenticated,
  isExpired,
  isUnavailable,
  type ApiErrorCode,
  type ClientErrorCode,
  type ErrorCode,
  type GraphQLErrorShape,
  type WheelhouseErrorOptions,
} from './errors.js';
export { listAll, type ListAllOptions } from './list-all.js';
export { watchResumable, type WatchResumableOptions, type WatchHandle } from './watch-resumable.js';
export { watchField } from './documents.js';
export { isNewer, parseResourceVersion, resourceVersionOf } from './resource-version.js';
export { gql } from './gql.js';
export type { ObjectMeta, WatchEvent, WatchEventType, ListResult } from './types.js';
export { FullSelections } from './full-selection.js';
