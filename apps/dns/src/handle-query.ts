import dnsPacket, { type Packet } from 'dns-packet';
import type { ClusterView } from './cluster-view.js';
import { forwardQuery, type Upstream } from './forward.js';
import { resolve } from './resolve.js';

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4 } as const;
const AA = 1 << 10;
const TC = 1 << 9;
const RD = 1 << 8;
const RA = 1 << 7;
/** Without EDNS a UDP answer may be 512 bytes (RFC 1035). */
const PLAIN_UDP_LIMIT = 512;

export interface QueryContext {
  view: ClusterView;
  domain: string;
  upstreams: readonly Upstream[];
  forwardTimeoutMs: number;
}

/** One query in, one answer out (undefined: drop, as for garbage). `udp` applies the size limit and truncation. */
export async function handleQuery(query: Buffer, ctx: QueryContext, udp: boolean): Promise<Buffer | undefined> {
  let packet: Packet;
  try {
    packet = dnsPacket.decode(query);
  } catch {
    return query.length >= 2 ? errorReply(query.readUInt16BE(0), RCODE.FORMERR) : undefined;
  }
  const id = packet.id ?? 0;
  const rd = (packet.flags ?? 0) & RD;
  if (packet.type !== 'query') return undefined;
  const question = packet.questions?.[0];
  if (!question || packet.questions!.length !== 1) return errorReply(id, RCODE.FORMERR, rd);
  if (((packet.flags ?? 0) >> 11) & 0xf) return errorReply(id, RCODE.NOTIMP, rd, packet);
  const resolution = resolve({ name: question.name, type: question.type }, ctx.view, ctx.domain);
  if (resolution.forward) {
    const answer = ctx.upstreams.length ? await forwardQuery(query, ctx.upstreams, ctx.forwardTimeoutMs) : undefined;
    return answer ?? errorReply(id, RCODE.SERVFAIL, rd, packet);
  }
  const opt = (packet.additionals ?? []).find((a) => a.type === 'OPT') as { udpPayloadSize?: number } | undefined;
  const reply: Packet = {
    type: 'response',
    id,
    flags: AA | rd | RA | RCODE[resolution.rcode],
    questions: [question],
    answers: resolution.answers,
    authorities: resolution.authorities,
    additionals: [...resolution.additionals, ...(opt ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232 } as never] : [])],
  };
  const encoded = dnsPacket.encode(reply);
  const limit = opt ? Math.max(PLAIN_UDP_LIMIT, Math.min(opt.udpPayloadSize ?? PLAIN_UDP_LIMIT, 1232)) : PLAIN_UDP_LIMIT;
  if (!udp || encoded.length <= limit) return encoded;
  // Too big for this UDP answer: the truncated bit tells the client to ask again over TCP.
  return dnsPacket.encode({ ...reply, flags: (reply.flags ?? 0) | TC, answers: [], authorities: [], additionals: [] });
}

function errorReply(id: number, rcode: number, rd = 0, packet?: Packet): Buffer {
  return dnsPacket.encode({ type: 'response', id, flags: rd | RA | rcode, questions: packet?.questions ?? [] });
}
