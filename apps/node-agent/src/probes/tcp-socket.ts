// A TCP probe (pkg/probe/tcp): success when a connection opens within the timeout.
import { connect } from 'node:net';
import { dialErrorMessage, hostPort } from './dial-error.js';

export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<{ ok: true } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, error: `dial tcp ${hostPort(host, port)}: i/o timeout` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: true });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, error: dialErrorMessage(error, host, port) });
    });
  });
}
