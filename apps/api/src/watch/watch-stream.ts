import { compactedRevision, readChanges, type Change, type ObjectFilter, type Store } from '@wheelhouse/db';
import { ApiError, type KindInfo } from '@wheelhouse/resources';
import type { Seats } from '../limits/seats.js';
import type { Broadcaster } from './broadcaster.js';
import { Channel } from './channel.js';
import { classifyChange } from './classify.js';
import type { WatchEvent } from './watch-event.js';

export interface WatchRequest {
  resourceVersion?: string | null;
  allowWatchBookmarks?: boolean | null;
}

export interface WatchStreamOptions {
  store: Store;
  broadcaster: Broadcaster;
  /** Idle time after which a BOOKMARK is sent (when asked for). */
  bookmarkIntervalMs: number;
  /** A watcher this far behind is ended; it resumes from its last resourceVersion. */
  maxQueuedChanges: number;
  /** Bounds how many watches list and replay at once (their database reads); the rest wait their turn. */
  startSeats?: Seats;
  onOpen?: () => void;
  onClose?: () => void;
  onError?: (error: unknown) => void;
}

const CATCH_UP_PAGE = 1000;

/**
 * One subscriber's stream. Listens live first (buffering), then replays the change log
 * after the requested revision, then drains the buffer past the replay: every change
 * exactly once, in revision order. Without a resourceVersion it starts with the current
 * objects as ADDED events, like a Kubernetes watch.
 */
export async function openWatch(kind: KindInfo, filter: ObjectFilter, request: WatchRequest, options: WatchStreamOptions): Promise<AsyncIterableIterator<WatchEvent>> {
  // Refuse a bad or compacted resourceVersion before the stream opens, so the client gets a GraphQL error (EXPIRED).
  const requested = await requestedRevision(request, options.store);
  const channel = new Channel<WatchEvent>();
  const buffered: Change[] = [];
  let live = false;
  let cursor = 0n;
  let lastSentAt = Date.now();

  const emit = (change: Change) => {
    if (change.revision <= cursor) return;
    cursor = change.revision;
    const event = classifyChange(kind, filter, change);
    if (event) {
      channel.push(event);
      lastSentAt = Date.now();
    }
  };
  const unsubscribe = options.broadcaster.subscribe((changes) => {
    if (!live) {
      buffered.push(...changes);
      return;
    }
    for (const change of changes) emit(change);
    // A watcher this far behind is ended with an error; it resumes from its last resourceVersion.
    if (channel.size > options.maxQueuedChanges) channel.fail(tooSlow(options.maxQueuedChanges));
  });
  const bookmarks = request.allowWatchBookmarks
    ? setInterval(
        () => {
          if (live && Date.now() - lastSentAt >= options.bookmarkIntervalMs) {
            const revision = options.broadcaster.lastRevision > cursor ? options.broadcaster.lastRevision : cursor;
            cursor = revision;
            channel.push({ type: 'BOOKMARK', object: { apiVersion: kind.apiVersion, kind: kind.kind, metadata: { resourceVersion: String(revision) } } });
            lastSentAt = Date.now();
          }
        },
        Math.min(options.bookmarkIntervalMs, 1000),
      )
    : undefined;
  options.onOpen?.();
  channel.whenClosed(() => {
    unsubscribe();
    clearInterval(bookmarks);
    options.onClose?.();
  });

  const start = async () => {
    cursor = requested ?? (await listAsAdded(kind, filter, options.store, channel));
    // Replay committed history after the cursor, up to what the broadcaster has published.
    for (;;) {
      const page = await readChanges(options.store.db, { after: cursor, kind: kind.kind, namespace: filter.namespace, limit: CATCH_UP_PAGE });
      // Compaction may have raced the read: then rows after the cursor could be missing.
      if ((await compactedRevision(options.store.db)) > cursor) throw expired(cursor);
      for (const change of page) emit(change);
      if (page.length < CATCH_UP_PAGE || channel.closed) break;
    }
    live = true;
    for (const change of buffered.splice(0)) emit(change);
  };
  // Failing mid-stream (compaction raced the replay, the database is out of connections) ends the stream with
  // the error, never a silent `complete`: the client resumes (and gets EXPIRED then if it must relist).
  const startLimited = options.startSeats ? options.startSeats.acquire().then((release) => start().finally(release)) : start();
  startLimited.catch((error) => {
    options.onError?.(error);
    channel.fail(error instanceof ApiError ? error : new ApiError('UNAVAILABLE', 'the watch could not be started; resume it from its last resourceVersion'));
  });
  return channel;
}

async function requestedRevision(request: WatchRequest, store: Store): Promise<bigint | undefined> {
  const requested = request.resourceVersion;
  if (!requested || requested === '0') return undefined;
  if (!/^\d+$/.test(requested)) throw new ApiError('BAD_USER_INPUT', `resourceVersion: Invalid value: "${requested}": must be a string of digits`, 'resourceVersion');
  const revision = BigInt(requested);
  if (revision < (await compactedRevision(store.db))) throw expired(revision);
  return revision;
}

async function listAsAdded(kind: KindInfo, filter: ObjectFilter, store: Store, channel: Channel<WatchEvent>): Promise<bigint> {
  const list = await store.list(kind, filter);
  for (const object of list.items) channel.push({ type: 'ADDED', object });
  return BigInt(list.resourceVersion);
}

function tooSlow(max: number): ApiError {
  return new ApiError('UNAVAILABLE', `the watch fell more than ${max} changes behind and was closed; resume it from its last resourceVersion`);
}

function expired(revision: bigint): ApiError {
  return new ApiError('EXPIRED', `too old resource version: ${revision} (the change log was compacted past it); list again and watch from the list's resourceVersion`);
}
