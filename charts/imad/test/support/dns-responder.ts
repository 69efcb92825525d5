// A tiny authoritative DNS responder for the router test: answers A queries from a table,
// NXDOMAIN for anything else (as the cluster DNS does for a Service that does not exist),
// and records every question so a test can see which names nginx asked for.
import dgram from 'node:dgram';

export interface DnsResponder {
  port: number;
  /** Lower-cased names asked for, in order. */
  queries: string[];
  records: Map<string, string>;
  close(): Promise<void>;
}

export async function startDnsResponder(records: Record<string, string> = {}): Promise<DnsResponder> {
  const socket = dgram.createSocket('udp4');
  const table = new Map(Object.entries(records).map(([k, v]) => [k.toLowerCase(), v]));
  const queries: string[] = [];

  socket.on('message', (msg, peer) => {
    if (msg.length < 17) return;
    const labels: string[] = [];
    let offset = 12;
    while (offset < msg.length && msg[offset] !== 0) {
      const length = msg[offset]!;
      labels.push(msg.subarray(offset + 1, offset + 1 + length).toString('latin1'));
      offset += length + 1;
    }
    const qtype = msg.readUInt16BE(offset + 1);
    const question = msg.subarray(12, offset + 5);
    const name = labels.join('.').toLowerCase();
    queries.push(name);

    const address = table.get(name);
    const answers: Buffer[] = [];
    if (address && qtype === 1) {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0); // name: pointer to the question
      rr.writeUInt16BE(1, 2); // type A
      rr.writeUInt16BE(1, 4); // class IN
      rr.writeUInt32BE(5, 6); // TTL, as the cluster DNS gives Services
      rr.writeUInt16BE(4, 10);
      address.split('.').forEach((octet, i) => (rr[12 + i] = Number(octet)));
      answers.push(rr);
    }
    const header = Buffer.alloc(12);
    header.writeUInt16BE(msg.readUInt16BE(0), 0); // id
    header.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | 0x0080 | (address ? 0 : 3), 2); // QR AA RD RA, rcode
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), peer.port, peer.address);
  });

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    port: socket.address().port,
    queries,
    records: table,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
