import { Backoff } from './backoff.js';
import type { WheelhouseClient } from './client.js';
import { argumentNames, setArguments, watchDocument } from './documents.js';
import { WheelhouseError } from './errors.js';
import { listAll } from './list-all.js';
import { isNewer, resourceVersionOf } from './resource-version.js';
import type { WatchEvent } from './types.js';

export interface WatchResumableOptions<T> {
  /** The list field, e.g. `pods`; the subscription is `watch` + Plural (`watchPods`). */
  plural: string;
  /** Only names the operations (`Watch<Kind>`) for server logs. */
  kind?: string;
  /** Selection of each object; `metadata { resourceVersion }` is always added. */
  fields: string;
  namespace?: string | null;
  labelSelector?: string;
  fieldSelector?: string;
  /** Start after this revision instead of listing first. */
  resourceVersion?: string;
  /** Ask for BOOKMARK events (default true); turn off for a server without the argument. */
  allowWatchBookmarks?: boolean;
  pageSize?: number;
  /** Every ADDED, MODIFIED or DELETED after the last list, once each, in revision order. */
  onEvent(event: WatchEvent<T>): void;
  /** The complete current state: the first list and every relist after EXPIRED. Replace, do not merge. */
  onRelist(items: T[], resourceVersion: string): void;
  /** The server vouches that nothing matching changed up to this revision. */
  onBookmark?(resourceVersion: string): void;
  /** Every failure, for logging; `willRetry` is false only for errors a retry cannot fix. */
  onError?(error: WheelhouseError, willRetry: boolean): void;
}

export interface WatchHandle {
  stop(): void;
  /** The last revision seen (list, event or bookmark). */
  readonly resourceVersion: string | undefined;
}

/** Errors that mean the request itself is wrong, or the client is gone. */
const PERMANENT = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'CLOSED']);

/**
 * List, then watch from the list's revision, resuming from the last revision seen
 * whenever the subscription ends; relist when the server says that revision has
 * expired. This is the informer's base: its callbacks see each change once, in order.
 */
export function watchResumable<T = unknown>(client: WheelhouseClient, options: WatchResumableOptions<T>): WatchHandle {
  const watch = new ResumableWatch<T>(client, options);
  watch.start();
  return watch;
}

class ResumableWatch<T> implements WatchHandle {
  resourceVersion: string | undefined;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listAbort = new AbortController();
  private readonly backoff = new Backoff();
  private readonly filters: Record<string, unknown>;
  private readonly document: string;

  constructor(
    private readonly client: WheelhouseClient,
    private readonly options: WatchResumableOptions<T>,
  ) {
    this.resourceVersion = options.resourceVersion;
    this.filters = setArguments({
      namespace: options.namespace,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      allowWatchBookmarks: options.allowWatchBookmarks === false ? undefined : true,
    });
    const args = [...argumentNames(this.filters), 'resourceVersion' as const];
    this.document = watchDocument(options.plural, options.fields, args, options.kind);
  }

  start(): void {
    if (this.resourceVersion === undefined) void this.relist();
    else this.subscribe();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.listAbort.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async relist(): Promise<void> {
    let result: Awaited<ReturnType<typeof listAll<T>>>;
    try {
      const { plural, fields, namespace, labelSelector, fieldSelector, pageSize } = this.options;
      const signal = this.listAbort.signal;
      result = await listAll<T>(this.client, { plural, fields, namespace, labelSelector, fieldSelector, pageSize, signal });
    } catch (e) {
      return this.retry(e, () => void this.relist());
    }
    if (this.stopped) return;
    this.resourceVersion = result.resourceVersion;
    this.options.onRelist(result.items, result.resourceVersion);
    this.subscribe();
  }

  private subscribe(): void {
    if (this.stopped) return;
    const variables = { ...this.filters, resourceVersion: this.resourceVersion };
    this.unsubscribe = this.client.subscribe<{ event: WatchEvent<T> }>(this.document, variables, {
      next: (data) => data?.event && this.receive(data.event),
      error: (error) => {
        this.unsubscribe = undefined;
        this.retry(error, error.code === 'EXPIRED' ? () => void this.relist() : () => this.subscribe());
      },
      // A watch has no natural end: the server going away completes it. Resume.
      complete: () => {
        this.unsubscribe = undefined;
        this.retry(undefined, () => this.subscribe());
      },
    });
  }

  private receive(event: WatchEvent<T>): void {
    const rv = resourceVersionOf(event.object);
    // A resumed or overlapping stream may repeat what was already delivered.
    if (rv === undefined || !isNewer(rv, this.resourceVersion)) return;
    this.resourceVersion = rv;
    this.backoff.reset();
    if (event.type === 'BOOKMARK') this.options.onBookmark?.(rv);
    else this.options.onEvent(event);
  }

  private retry(cause: unknown, action: () => void): void {
    if (this.stopped) return;
    if (cause !== undefined) {
      const error = cause instanceof WheelhouseError ? cause : new WheelhouseError('UNAVAILABLE', String(cause), { cause });
      const willRetry = !PERMANENT.has(error.code);
      this.options.onError?.(error, willRetry);
      if (!willRetry) {
        this.stop();
        return;
      }
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) action();
    }, this.backoff.next());
  }
}
