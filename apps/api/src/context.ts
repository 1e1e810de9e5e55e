import type { ObjectFilter, Store } from '@wheelhouse/db';
import type { KindInfo } from '@wheelhouse/resources';
import type { Principal } from './auth/tokens.js';
import type { Identity } from './auth/setup.js';
import type { WatchEvent } from './watch/watch-event.js';
import type { WatchRequest } from './watch/watch-stream.js';
import type { InputChecker } from './modules/apply/input-checker.js';
import type { RequestMeta } from './audit/audit-event.js';

/** What every resolver gets. Built per HTTP request or WebSocket subscription. */
export interface ApiContext {
  store: Store;
  principal: Principal | null;
  /** `Bearer …` of the API's own credential for node agents (logs, stats), which check it with the API; never the caller's. */
  authorization?: string;
  /** Recorded in the change log as who made each write. */
  actor: string | null;
  watch(kind: KindInfo, filter: ObjectFilter, request: WatchRequest): Promise<AsyncIterableIterator<WatchEvent>>;
  /** Checks manifests and patches against the kinds' input types (unknown fields, wrong types). */
  inputs: InputChecker;
  /** Where the request came from, for the audit log. */
  request?: RequestMeta;
  /** The largest page a list serves (a larger `limit` is capped; see limits/page-size.ts). */
  maxListLimit: number;
  /** ServiceAccount tokens and the authorizer, for TokenRequest and access reviews. */
  identity?: Identity;
}
