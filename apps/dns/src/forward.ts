import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';

export interface Upstream {
  host: string;
  port: number;
}

/** The nameservers of a resolv.conf, except the addresses this server answers on (no loops). */
export function upstreamsFromResolvConf(text: string, exclude: readonly string[]): Upstream[] {
  const out: Upstream[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*nameserver\s+(\S+)/.exec(line);
    if (!match) continue;
    const host = match[1]!;
    // IPv4 only: the server forwards over udp4.
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || exclude.includes(host)) continue;
    out.push({ host, port: 53 });
  }
  return out;
}

/** WHEELHOUSE_DNS_UPSTREAMS (`host[:port],…`) when set, else the host's resolver from its resolv.conf. */
export function upstreamsFromEnv(env: NodeJS.ProcessEnv, exclude: readonly string[]): Upstream[] {
  const list = env.WHEELHOUSE_DNS_UPSTREAMS?.trim();
  if (list) {
    return list.split(',').map((entry) => {
      const [host, port] = entry.trim().split(':');
      return { host: host!, port: port ? Number(port) : 53 };
    });
  }
  try {
    return upstreamsFromResolvConf(readFileSync(env.WHEELHOUSE_DNS_RESOLV_CONF ?? '/etc/resolv.conf', 'utf8'), exclude);
  } catch {
    return [];
  }
}

/**
 * Sends the query as it came to each upstream in turn (CoreDNS's forward plugin, in
 * order) and returns the first answer, or undefined when none answered in time.
 */
export async function forwardQuery(query: Buffer, upstreams: readonly Upstream[], timeoutMs: number): Promise<Buffer | undefined> {
  for (const upstream of upstreams) {
    const answer = await askOne(query, upstream, timeoutMs);
    if (answer) return answer;
  }
  return undefined;
}

function askOne(query: Buffer, upstream: Upstream, timeoutMs: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const finish = (answer: Buffer | undefined) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('error', () => finish(undefined));
    // Only the answer to this query's ID counts.
    socket.on('message', (message) => {
      if (message.length >= 2 && message.readUInt16BE(0) === query.readUInt16BE(0)) finish(message);
    });
    socket.send(query, upstream.port, upstream.host, (error) => {
      if (error) finish(undefined);
    });
  });
}
