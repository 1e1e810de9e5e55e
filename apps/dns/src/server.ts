import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { handleQuery, type QueryContext } from './handle-query.js';

export interface DnsServer {
  address: string;
  /** The UDP and TCP ports (equal when a fixed port was asked for). */
  udpPort: number;
  tcpPort: number;
  close(): Promise<void>;
}

/** Serves DNS on UDP and TCP (two-byte length frames, RFC 1035 4.2.2) on one address and port. */
export async function startDnsServer(address: string, port: number, ctx: QueryContext, onError: (error: unknown) => void): Promise<DnsServer> {
  const udp = createSocket({ type: 'udp4', reuseAddr: false });
  udp.on('message', (message, remote) => {
    handleQuery(message, ctx, true).then((answer) => answer && udp.send(answer, remote.port, remote.address), onError);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, address, () => {
      udp.off('error', reject);
      udp.on('error', onError);
      resolve();
    });
  });
  const udpPort = udp.address().port;
  const tcp = createServer((socket) => {
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const query = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + query.length);
        handleQuery(Buffer.from(query), ctx, false).then((answer) => {
          if (!answer || socket.destroyed) return;
          const length = Buffer.alloc(2);
          length.writeUInt16BE(answer.length);
          socket.write(Buffer.concat([length, answer]));
        }, onError);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.setTimeout(10_000, () => socket.destroy());
  });
  await listenTcp(tcp, udpPort, address);
  return {
    address,
    udpPort,
    tcpPort: (tcp.address() as { port: number }).port,
    close: () => closeBoth(udp, tcp),
  };
}

function listenTcp(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeBoth(udp: Socket, tcp: Server): Promise<void> {
  await new Promise<void>((resolve) => udp.close(() => resolve()));
  await new Promise<void>((resolve) => tcp.close(() => resolve()));
}
