import { createSocket, type Socket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import { spawnComponent, type ComponentProcess } from './component.js';
import { eventually } from './controller-manager.js';

/** A free-looking loopback address and port for one test's DNS server (never the real 127.16.0.10:53). */
export function testDnsEndpoint(): { address: string; port: number } {
  return { address: `127.53.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`, port: 20_000 + Math.floor(Math.random() * 30_000) };
}

/** The real apps/dns process against a test API, answering on `address:port`; resolves once it serves. */
export async function spawnDns(apiUrl: string, endpoint: { address: string; port: number }, env: Record<string, string> = {}): Promise<ComponentProcess> {
  const child = spawnComponent('apps/dns/dist/main.js', apiUrl, { WHEELHOUSE_DNS_ADDRESS: endpoint.address, WHEELHOUSE_DNS_PORT: String(endpoint.port), ...env });
  await eventually(async () => child.output().includes('serving'), 30_000, `dns serving (${child.output()})`);
  return child;
}

/** An upstream resolver on loopback that knows a few names, as the host's resolver would. */
export async function fakeUpstream(names: Record<string, string>): Promise<{ port: number; socket: Socket; queries: string[] }> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions![0]!;
    queries.push(question.name);
    const ip = names[question.name.toLowerCase()];
    const answer = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (ip ? 0 : 3),
      questions: [question],
      answers: ip && question.type === 'A' ? [{ name: question.name, type: 'A', ttl: 60, class: 'IN', data: ip }] : [],
    });
    socket.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { port: socket.address().port, socket, queries };
}
