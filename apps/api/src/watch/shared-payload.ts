import type { ExecutionResult } from 'graphql';

/**
 * One JSON serialisation per subscription result, whatever the number of subscribers.
 * subscribeShared hands every watcher of a change with the same document the same result
 * object; graphql-ws would stringify it again inside each subscriber's `next` message.
 * Instead `onNext` serialises a result once (remembered per object), graphql-ws's
 * message replacer puts a marker where the payload goes, and the socket's send
 * (coalesce-sends.ts) splices the remembered JSON in. The bytes on the wire are the
 * same as graphql-ws would have sent.
 */
const serialised = new WeakMap<object, string>();
const MARK = '\u0000wh-shared-payload';
const MARK_JSON = JSON.stringify(MARK);
/** The payload JSON of the message being stringified; graphql-ws sends right after stringifying, synchronously. */
let pending: string | undefined;

/** For graphql-ws's onNext: the result, its JSON made once and kept for the replacer. */
export function serialiseOnce(result: ExecutionResult): ExecutionResult {
  if (!serialised.has(result)) serialised.set(result, JSON.stringify(result));
  return result;
}

/** graphql-ws's jsonMessageReplacer: a serialised payload becomes the marker. */
export function payloadReplacer(key: string, value: unknown): unknown {
  if (key === 'payload' && typeof value === 'object' && value !== null) {
    const json = serialised.get(value);
    if (json !== undefined) {
      pending = json;
      return MARK;
    }
  }
  return value;
}

/** A message as sent: the marker replaced by the payload's JSON. */
export function withSharedPayload(data: unknown): unknown {
  if (pending === undefined || typeof data !== 'string') return data;
  const json = pending;
  pending = undefined;
  const at = data.lastIndexOf(MARK_JSON);
  return at < 0 ? data : data.slice(0, at) + json + data.slice(at + MARK_JSON.length);
}
