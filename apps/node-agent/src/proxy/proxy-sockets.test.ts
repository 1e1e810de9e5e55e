// The TCP and UDP halves of the proxy with real loopback sockets: balancing, reprogramming
// that keeps established connections, a removed rule's listener gone, UDP sessions.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { TcpProxy } from './tcp-proxy.js';
import { UdpProxy } from './udp-proxy.js';
import type { ProxyRule } from './rules.js';

// Addresses unlikely to be used by anything else on the host's loopback.
const octet = () => 1 + Math.floor(Math.random() * 250);
const serviceIP = `127.30.${octet()}.${octet()}`;
const backendIPs = [`127.126.${octet()}.1`, `127.126.${octet()}.2`];
const port = 20_000 + Math.floor(Math.random() * 9_000);
const log = () => undefined;
const servers: Server[] = [];
after(() => {
  for (const s of servers) s.close();
});

const rule = (protocol: 'TCP' | 'UDP', backends: { ip: string; port: number }[]): ProxyRule => ({
  key: `${protocol}/${serviceIP}:${port}`,
  servicePort: 'default/echo:',
  kind: 'ClusterIP',
  protocol,
  address: serviceIP,
  port,
  backends,
});

/** A TCP backend answering each line with `<name>:<line>`. */
async function tcpBackend(ip: string, name: string) {
  const server = createServer((s) => s.on('data', (d) => s.write(`${name}:${d.toString().trim()}\n`)));
  servers.push(server);
  server.listen(0, ip);
  await once(server, 'listening');
  return { ip, port: (server.address() as { port: number }).port };
}

const ask = async (socket: Socket, line: string) => {
  socket.write(`${line}\n`);
  const [data] = await once(socket, 'data');
  return (data as Buffer).toString().trim();
};
const open = async () => {
  const socket = connect(port, serviceIP);
  await once(socket, 'connect');
  return socket;
};

test('TCP: round-robin per connection; reprogramming keeps established connections; a removed rule stops accepting', async () => {
  const [a, b] = [await tcpBackend(backendIPs[0]!, 'a'), await tcpBackend(backendIPs[1]!, 'b')];
  const proxy = new TcpProxy(log);
  await proxy.apply([rule('TCP', [a, b])]);
  const sockets = [await open(), await open(), await open()];
  assert.deepEqual(await Promise.all(sockets.map((s, i) => ask(s, `m${i}`))), ['a:m0', 'b:m1', 'a:m2']);

  await proxy.apply([rule('TCP', [b])]);
  assert.equal(await ask(sockets[0]!, 'still'), 'a:still', 'an established connection to a backend that left keeps working');
  const fresh = await open();
  assert.equal(await ask(fresh, 'new'), 'b:new');

  await proxy.apply([]);
  assert.deepEqual(proxy.listening(), []);
  await assert.rejects(open(), /ECONNREFUSED/);
  assert.equal(await ask(sockets[1]!, 'after'), 'b:after', 'established connections outlive their rule');

  for (const s of [...sockets, fresh]) s.destroy();
  await proxy.close();
});

test('TCP: a refusing backend is skipped; no backend resets the connection', async () => {
  const good = await tcpBackend(backendIPs[1]!, 'good');
  const proxy = new TcpProxy(log);
  // Nothing listens on port 1 of this address: the connection goes to the next backend.
  await proxy.apply([rule('TCP', [{ ip: backendIPs[0]!, port: 1 }, good])]);
  assert.equal(await ask(await open(), 'x'), 'good:x');
  await proxy.apply([rule('TCP', [])]);
  const [error] = await once(connect(port, serviceIP), 'error');
  assert.match(String((error as Error).message), /ECONNRESET/);
  await proxy.close();
});

test('UDP: a client keeps its backend for its session; another client gets the next one', async () => {
  const backends = await Promise.all(
    backendIPs.map(async (ip, i) => {
      const socket = createSocket('udp4');
      socket.on('message', (m, from) => socket.send(`${'ab'[i]}:${m}`, from.port, from.address));
      socket.bind(0, ip);
      await once(socket, 'listening');
      after(() => socket.close());
      return { ip, port: socket.address().port };
    }),
  );
  const proxy = new UdpProxy(log);
  await proxy.apply([rule('UDP', backends)]);
  const client = async () => {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    return {
      ask: async (text: string) => {
        socket.send(text, port, serviceIP);
        const [reply] = await once(socket, 'message');
        return (reply as Buffer).toString();
      },
      close: () => socket.close(),
    };
  };
  const [one, two] = [await client(), await client()];
  assert.equal(await one.ask('1'), 'a:1');
  assert.equal(await one.ask('2'), 'a:2');
  assert.equal(await two.ask('3'), 'b:3');
  one.close();
  two.close();
  await proxy.close();
});

test('TCP: an address in use is told once, retried on every apply, and listened on once free', async () => {
  const squatter = createServer();
  squatter.listen(port, serviceIP);
  await once(squatter, 'listening');
  const told: string[] = [];
  const proxy = new TcpProxy((message) => told.push(message));
  const r = rule('TCP', []);
  await proxy.apply([r]);
  await proxy.apply([r]);
  assert.deepEqual(proxy.listening(), []);
  assert.equal(told.length, 1, told.join('\n'));
  assert.match(told[0]!, /cannot listen on TCP\/127\.30\.\d+\.\d+:\d+ for default\/echo: \(retrying\)/);
  await new Promise<void>((resolve) => squatter.close(() => resolve()));
  await proxy.apply([r]);
  assert.deepEqual(proxy.listening(), [r.key]);
  await proxy.close();
});
