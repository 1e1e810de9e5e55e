// The kubelet's exec endpoint: a WebSocket at /exec/<namespace>/<pod>/<container>?command=…
// (repeated) &stdin=1&tty=1&columns=&rows=, channel.k8s.io framing (libs/client exec-channels).
// Bearer-token protected like the other kubelet endpoints; the API proxies users here.
import type { IncomingMessage } from 'node:http';
import { constants } from 'node:os';
import type { Duplex } from 'node:stream';
import { Channel, EXEC_SUBPROTOCOL, exitStatus, frame, type ExecStatus } from '@wheelhouse/client';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServedPod } from './served-pod.js';
import type { TokenReviewer } from './token-review.js';

export interface ExecEndpointOptions {
  review: TokenReviewer;
  findPod(namespace: string, name: string): ServedPod | undefined;
  log(message: string, error?: unknown): void;
}

const PATH = /^\/exec\/([^/]+)\/([^/]+)\/([^/]+)$/;

/** Handles an HTTP upgrade when it is an exec request; false for any other path. */
export function execUpgradeHandler(o: ExecEndpointOptions) {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(EXEC_SUBPROTOCOL) ? EXEC_SUBPROTOCOL : false) });
  return (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://kubelet');
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    void (async () => {
      if (!(await o.review(req.headers.authorization))) return refuse(socket, 401, 'Unauthorized');
      const [namespace, name, container] = match.slice(1).map(decodeURIComponent) as [string, string, string];
      const served = o.findPod(namespace, name);
      if (!served) return refuse(socket, 404, `pod ${namespace}/${name} is not running on this node`);
      wss.handleUpgrade(req, socket, head, (ws) => {
        run(ws, served, container, url.searchParams).catch((error) => {
          o.log('exec', error);
          finish(ws, { status: 'Failure', reason: 'InternalError', message: (error as Error).message });
        });
      });
    })().catch((error) => {
      o.log('exec upgrade', error);
      socket.destroy();
    });
    return true;
  };
}

function refuse(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Not Found'}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${message}\n`);
}

function finish(ws: WebSocket, status: ExecStatus): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(frame(Channel.status, JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, ...status })));
  ws.close(1000);
}

async function run(ws: WebSocket, served: ServedPod, container: string, query: URLSearchParams): Promise<void> {
  const command = query.getAll('command');
  if (command.length === 0) return finish(ws, { status: 'Failure', reason: 'BadRequest', message: 'you must specify at least one command for the container' });
  if (!served.runtime.execInteractive) {
    return finish(ws, {
      status: 'Failure',
      reason: 'BadRequest',
      message: `exec is not supported for pod ${served.pod.metadata.name}: its node runs the ${served.runtime.name} runtime, which has no processes to run a command in`,
    });
  }
  const tty = query.get('tty') === '1' || query.get('tty') === 'true' ? { columns: Number(query.get('columns')) || 80, rows: Number(query.get('rows')) || 24 } : undefined;
  const wantsStdin = query.get('stdin') === '1' || query.get('stdin') === 'true';
  let child: Awaited<ReturnType<NonNullable<typeof served.runtime.execInteractive>>>;
  try {
    child = await served.runtime.execInteractive(served.pod.metadata.uid!, container, command, tty);
  } catch (error) {
    // The kubelet's answer when the command cannot start: exit status 126/127 as runc gives.
    const message = (error as Error).message;
    return finish(ws, { ...exitStatus(message.includes('not found') ? 127 : 126), message });
  }
  child.stdout!.on('data', (d: Buffer) => ws.readyState === ws.OPEN && ws.send(frame(Channel.stdout, d)));
  child.stderr!.on('data', (d: Buffer) => ws.readyState === ws.OPEN && ws.send(frame(Channel.stderr, d)));
  if (!wantsStdin) child.stdin!.end();
  child.stdin!.on('error', () => undefined);
  ws.on('message', (data: Buffer) => {
    if (data.length === 0) return;
    if (data[0] === Channel.stdin && wantsStdin) child.stdin!.write(data.subarray(1));
    else if (data[0] === Channel.close && data[1] === Channel.stdin) child.stdin!.end();
  });
  // The client went away: the command goes with it, as with a closed kubectl exec.
  ws.on('close', () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (c, s) => resolve([c, s])));
  finish(ws, exitStatus(signal ? 128 + (constants.signals[signal] ?? 9) : (code ?? 0)));
}
