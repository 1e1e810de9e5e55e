import type { IncomingMessage } from 'node:http';

export class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

/**
 * The request body, refusing one larger than `limit` before it is read: a declared
 * Content-Length over the limit fails at once, and a chunked body fails at the first
 * chunk that crosses it. Nothing past the limit is kept in memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new PayloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(new PayloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => req.off('data', onData).off('end', onEnd).off('error', onError);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** JSON when it parses; otherwise the text, which Apollo answers with a 400 of its own. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
