/**
 * The UDP echo through a running beacon on loopback: the format, no amplification, what is
 * dropped, the rate limit, and IPv6.
 */
import { closeTestBeacons, startTestBeacon } from '../test-support/test-beacons.js';
import { turnsUntil } from '../test-support/event-loop.js';
import { ManualClock } from '../test-support/manual-clock.js';
import { UdpTestClient } from '../test-support/udp-client.js';
import { MAX_ECHO_BYTES } from './echo-datagram.js';

/** A request of `length` bytes whose content says `tag`, so each is told apart. */
function request(length: number, tag: number): Buffer {
  const bytes = Buffer.alloc(length, tag & 0xff);
  bytes[0] = 0xff;
  bytes[1] = 0xff;
  if (length >= 6) bytes.writeUInt32BE(tag, 2);
  return bytes;
}

const clients: UdpTestClient[] = [];
async function client(host = '127.0.0.1'): Promise<UdpTestClient> {
  const opened = await UdpTestClient.open(host);
  clients.push(opened);
  return opened;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((each) => each.close()));
  await closeTestBeacons();
});

describe('the UDP echo', () => {
  it("answers Relaylane's 12-byte probe with the same bytes, the prefix zeroed", async () => {
    const { beacon } = await startTestBeacon();
    const probe = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef]);
    const answer = await (await client()).roundTrip(probe, beacon.udpPort);
    expect([...answer]).toEqual([0, 0, 0x52, 0x4c, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef]);
  });

  it('answers every size from 2 to 512 bytes with exactly as many bytes', async () => {
    const { beacon } = await startTestBeacon();
    const udp = await client();
    const sizes = [2, 3, 12, 64, 511, MAX_ECHO_BYTES];
    for (const [index, size] of sizes.entries())
      await udp.send(request(size, index), beacon.udpPort);
    const replies = await udp.waitForReplies(sizes.length);
    expect(replies.map((reply) => reply.length).sort((x, y) => x - y)).toEqual(sizes);
    expect(replies.every((reply) => reply[0] === 0 && reply[1] === 0)).toBe(true);
  });

  it('drops, and counts, what is not a request', async () => {
    const { beacon } = await startTestBeacon();
    const udp = await client();
    const malformed = [
      Buffer.alloc(0),
      Buffer.from([0xff]),
      request(MAX_ECHO_BYTES + 1, 1),
      request(60_000, 2),
      Buffer.from([0xff, 0xfe, 1, 2]),
      Buffer.from([0x00, 0x00, 1, 2]), // an answer: echoing it would loop two beacons
    ];
    for (const datagram of malformed) await udp.send(datagram, beacon.udpPort);
    await udp.roundTrip(request(12, 99), beacon.udpPort);
    expect(udp.replies).toHaveLength(1);
    expect(beacon.health().udp).toMatchObject({
      received: 7,
      answered: 1,
      dropped: 6,
      rate_limited: 0,
    });
  });

  it("limits each source to its bucket and refills it with the beacon's clock", async () => {
    const clock = new ManualClock();
    const { beacon } = await startTestBeacon({ clock, udpBurst: 5, udpRatePerSecond: 10 });
    const udp = await client();
    for (let tag = 0; tag < 12; tag++) await udp.send(request(12, tag), beacon.udpPort);
    // Sent on loopback, the datagrams are in the beacon's receive queue: let it read them.
    await turnsUntil(() => beacon.health().udp.received === 12);
    await udp.waitForReplies(5);
    clock.advance(100); // one token back
    await udp.roundTrip(request(12, 1000), beacon.udpPort);
    expect(udp.replies).toHaveLength(6);
    expect(beacon.health().udp).toMatchObject({ received: 13, answered: 6, rate_limited: 7 });
  });

  it('works on IPv6', async () => {
    const { beacon } = await startTestBeacon({ host: '::1' });
    expect(beacon.udpAddress).toBe(`[::1]:${beacon.udpPort}`);
    const answer = await (await client('::1')).roundTrip(request(12, 7), beacon.udpPort, '::1');
    expect(answer.length).toBe(12);
  });
});
