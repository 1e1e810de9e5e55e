// Shared by the probe and hook tests: a process runtime with one long-running
// container, and an HTTP server of the test's own on a loopback address.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessRuntime } from '../runtime/process/index.js';
import type { ProbeTarget } from './probe-worker.js';

let seq = 0;

export async function containerTarget(t: { after(fn: () => unknown): void }): Promise<ProbeTarget> {
  const rootDir = mkdtempSync(join(tmpdir(), 'wh-probe-'));
  const runtime = createProcessRuntime({ rootDir, podCidr: `127.202.${(process.pid + seq++) % 250}.0/24` });
  const sandbox = await runtime.createSandbox({ uid: `probe-${seq}`, namespace: 'shop', name: 'web-1' });
  const instance = await runtime.start(
    sandbox,
    { name: 'app', image: 'node:20', command: [process.execPath], args: ['-e', 'setInterval(() => {}, 1000)'], env: { MARK: 'm' }, init: false },
    0,
  );
  t.after(async () => {
    await runtime.removeSandbox(sandbox.uid);
    rmSync(rootDir, { recursive: true, force: true });
  });
  return { runtime, sandbox, instance, ports: [{ name: 'http', containerPort: 1 }] };
}

/** An HTTP server on `ip`, answering with `handler`; returns its port. */
export async function serve(t: { after(fn: () => unknown): void }, ip: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

/** A port on `ip` that nothing listens on (bound, then released). */
export async function closedPort(ip: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
