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
export { createClientset, type Clientset, type KindClients } from './clientset/clientset.js';
export {
  ResourceClient,
  type ObjectRef,
  type ListOptions,
  type ListPage,
  type WriteOptions,
  type DeleteOptions,
  type StatusPatch,
  type WatchOptions,
} from './clientset/resource-client.js';
export { Operations, type CallOptions, type Result } from './clientset/operations.js';
export { Channel, EXEC_SUBPROTOCOL, exitCodeOf, exitStatus, frame, type ExecStatus } from './exec-channels.js';
export * from './token-request.js';
