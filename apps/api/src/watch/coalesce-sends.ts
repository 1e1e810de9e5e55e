import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { withSharedPayload } from './shared-payload.js';

/**
 * Messages sent to one WebSocket in the same turn of the event loop leave in one write:
 * a change fanned out to the 20 watches a socket carries was 20 frames and 20 write
 * syscalls, now 20 frames in one. The frames and the protocol are unchanged (still one
 * graphql-ws `next` per event); only the TCP writes are batched, until setImmediate.
 * The send also splices in a payload serialised once for all watchers (shared-payload.ts).
 */
export function coalesceSends(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  let corked = false;
  const uncork = () => {
    corked = false;
    if (socket && !socket.destroyed) socket.uncork();
  };
  ws.send = ((...args: unknown[]) => {
    if (socket && !corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    send(withSharedPayload(args[0]), ...args.slice(1));
  }) as WebSocket['send'];
}
