import { createServer, request } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface SlowProxy {
  /** The GraphQL URL to give a component instead of the API's. */
  url: string;
  /**
   * Holds the next `times` (default: every) POST whose body matches `match` for `ms`
   * before passing it on: a slow API, whose writes land late.
   */
  delay(match: RegExp, ms: number, times?: number): void;
  /** Drops every delay rule. */
  clear(): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of a test API that can hold chosen GraphQL calls back
 * (e.g. createPods or patchLease), so tests can make a component's calls slow
 * without slowing the API for the test itself. WebSocket upgrades pass straight through.
 */
export async function startSlowProxy(apiUrl: string): Promise<SlowProxy> {
  const target = new URL(apiUrl);
  const port = Number(target.port);
  let rules: { match: RegExp; ms: number; times: number }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const text = body.toString();
    let ms = 0;
    for (const rule of rules) {
      if (rule.times > 0 && rule.match.test(text)) {
        rule.times--;
        ms = Math.max(ms, rule.ms);
      }
    }
    rules = rules.filter((r) => r.times > 0);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    // Passed on even if the caller gave up meanwhile: the write lands late, as it would on a slow API.
    const upstream = request({ host: target.hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  server.on('upgrade', (req, socket: Socket, head: Buffer) => {
    const upstream = connect(port, target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    sockets.add(socket).add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', end).on('close', end);
    socket.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}${target.pathname}`,
    delay(match, ms, times = Infinity) {
      rules.push({ match, ms, times });
    },
    clear() {
      rules = [];
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
