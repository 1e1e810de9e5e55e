import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { WatchEvent } from './watch-event.js';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Per shared object (one per change, shared by every watcher), the result per document. */
const results = new WeakMap<object, Map<string, Result>>();

/**
 * graphql-ws's `subscribe`: like graphql-js's, except that an event is executed once per
 * distinct subscription document and variables, not once per subscriber. Watchers of a
 * kind receive the same change object, so 200 dashboards watching pods cost one
 * execution per change, as Kubernetes serialises a watch event once for all watchers.
 */
export async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = stream as AsyncIterableIterator<unknown>;
  const key = print(args.document) + JSON.stringify(args.variableValues ?? {});
  // One key string per event type, made once: a Map hashes a string object once, so
  // per-event lookups stay cheap (a key built per event was hashed anew every time).
  const keys = new Map<string, string>();
  const keyFor = (type: string) => {
    let typed = keys.get(type);
    if (!typed) {
      typed = `${type}\n${key}`;
      keys.set(type, typed);
    }
    return typed;
  };
  const run = (payload: unknown): Result => {
    const shared = sharedObject(payload);
    if (!shared) return execute({ ...args, rootValue: payload });
    let byDocument = results.get(shared);
    if (!byDocument) {
      byDocument = new Map();
      results.set(shared, byDocument);
    }
    const cacheKey = keyFor((payload as WatchEvent).type);
    let result = byDocument.get(cacheKey);
    if (!result) {
      result = execute({ ...args, rootValue: payload });
      byDocument.set(cacheKey, result);
    }
    return result;
  };
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const item = await source.next();
      return item.done ? { done: true, value: undefined } : { done: false, value: await run(item.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

/** The object every watcher of a change shares (bookmarks and initial lists are not shared). */
function sharedObject(payload: unknown): object | undefined {
  const event = payload as Partial<WatchEvent> | undefined;
  return event?.type && event.type !== 'BOOKMARK' && typeof event.object === 'object' ? event.object : undefined;
}
