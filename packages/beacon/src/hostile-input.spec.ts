/**
 * A beacon under a flood of malformed and oversized input, UDP and WebSocket, while a well-behaved
 * client keeps probing it: every well-formed probe is answered, no answer is larger than its
 * request, what is not a request gets nothing, and the beacon keeps serving.
 */
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';

import { WebSocket } from 'ws';

import { MAX_ECHO_BYTES } from './echo/echo-datagram.js';
import { turnsUntil } from './test-support/event-loop.js';
import { getJson } from './test-support/http-request.js';
import { closeTestBeacons, startTestBeacon } from './test-support/test-beacons.js';
import { UdpTestClient } from './test-support/udp-client.js';
import { closed, nextMessage, openWebSocket } from './test-support/websocket-client.js';

afterEach(closeTestBeacons);

/** A deterministic sequence of numbers in [0, 1), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function probe(sequence: number): Buffer {
  const bytes = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 0, 0x0b, 0xad, 0xf0, 0x0d]);
  bytes.writeUInt32BE(sequence, 4);
  return bytes;
}

function answerTo(request: Buffer): Buffer {
  const answer = Buffer.from(request);
  answer[0] = 0;
  answer[1] = 0;
  return answer;
}

/** One hostile datagram: mostly malformed (wrong prefix, too short, too long), sometimes valid. */
function hostileDatagram(random: () => number): Buffer {
  const kind = Math.floor(random() * 6);
  const size = [
    0,
    1,
    MAX_ECHO_BYTES + 1 + Math.floor(random() * 1500),
    2 + Math.floor(random() * 600),
    2 + Math.floor(random() * 600),
    2,
  ][kind]!;
  const datagram = randomBytes(size);
  if (kind >= 2 && size >= 2) {
    // Requests of every size (kinds 2 to 5), answers (00 00) and other prefixes.
    const prefix = random() < 0.7 ? 0xff : random() < 0.5 ? 0x00 : Math.floor(random() * 256);
    datagram[0] = prefix;
    datagram[1] = prefix;
  }
  return datagram;
}

const isRequest = (datagram: Buffer): boolean =>
  datagram.length >= 2 &&
  datagram.length <= MAX_ECHO_BYTES &&
  datagram[0] === 0xff &&
  datagram[1] === 0xff;

describe('hostile input', () => {
  it('UDP: a flood of malformed and oversized datagrams while probes are still answered', async () => {
    // A limit high enough that the flood's few valid requests do not use up the shared
    // 127.0.0.1 bucket; the limit itself has its own spec.
    const { beacon } = await startTestBeacon({ udpRatePerSecond: 1_000_000, udpBurst: 1_000_000 });
    const attacker = await UdpTestClient.open();
    const client = await UdpTestClient.open();
    const random = seeded(11);
    const sent: Buffer[] = [];
    const probes: Buffer[] = [];
    // In batches, each read by the beacon before the next is sent: a datagram the kernel drops
    // because the receive queue is full would prove nothing about the beacon.
    for (let batch = 0; batch < 75; batch++) {
      for (let i = 0; i < 40; i++) {
        const datagram = hostileDatagram(random);
        sent.push(datagram);
        await attacker.send(datagram, beacon.udpPort);
      }
      const request = probe(batch);
      probes.push(request);
      await client.send(request, beacon.udpPort);
      await turnsUntil(() => beacon.health().udp.received === sent.length + probes.length);
    }

    // The client: every probe answered, byte for byte.
    await client.waitForReplies(probes.length);
    expect(client.replies).toEqual(probes.map(answerTo));

    // The attacker: an answer only to a valid request, each exactly its request's answer.
    const valid = sent.filter(isRequest);
    await attacker.waitForReplies(valid.length);
    const expected = new Set(valid.map((request) => answerTo(request).toString('hex')));
    expect(attacker.replies.every((reply) => expected.has(reply.toString('hex')))).toBe(true);
    expect(Math.max(...attacker.replies.map((reply) => reply.length))).toBeLessThanOrEqual(
      MAX_ECHO_BYTES,
    );
    const bytesIn = sent.reduce((sum, datagram) => sum + datagram.length, 0);
    const bytesOut = attacker.replies.reduce((sum, reply) => sum + reply.length, 0);
    expect(bytesOut).toBeLessThan(bytesIn);

    expect(beacon.health().udp).toMatchObject({
      received: sent.length + probes.length,
      answered: valid.length + probes.length,
      dropped: sent.length - valid.length,
      rate_limited: 0,
    });
    await Promise.all([attacker.close(), client.close()]);
  });

  it('WebSocket: oversized, invalid and garbage frames close their connections only', async () => {
    const { beacon } = await startTestBeacon({ wsMaxConnectionsPerIp: 64 });
    const client = await openWebSocket(beacon.wsUrl);

    const attacks: Promise<number>[] = [];
    for (let i = 0; i < 10; i++) {
      const oversized = await openWebSocket(beacon.wsUrl);
      attacks.push(closed(oversized).then(({ code }) => code));
      oversized.send(Buffer.alloc(MAX_ECHO_BYTES + 1 + i * 1000, 0xff));

      const badText = await openWebSocket(beacon.wsUrl);
      attacks.push(closed(badText).then(({ code }) => code));
      badText.send(Buffer.from([0xc3, 0x28, 0xff]), { binary: false }); // not UTF-8

      const fragmented = await openWebSocket(beacon.wsUrl);
      attacks.push(closed(fragmented).then(({ code }) => code));
      // Fragments that are small alone but add up to more than the limit.
      for (let k = 0; k < 3; k++) fragmented.send(Buffer.alloc(200), { fin: k === 2 });
    }

    // Garbage after a completed upgrade, on raw TCP: answered with a close frame (a protocol
    // error), whatever the garbage.
    const raw = new Socket();
    await new Promise<void>((resolve) => raw.connect(beacon.httpPort, '127.0.0.1', resolve));
    raw.on('error', () => undefined);
    let received = Buffer.alloc(0);
    const closeFrame = new Promise<number>((resolve) =>
      raw.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const frame = received.subarray(received.indexOf('\r\n\r\n') + 4);
        if (received.includes('\r\n\r\n') && frame.length >= 4 && frame[0] === 0x88) {
          resolve(frame.readUInt16BE(2));
        }
      }),
    );
    raw.write(
      'GET /ping HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    raw.write(randomBytes(4096));
    // And garbage that is not even HTTP.
    const junk = new Socket();
    await new Promise<void>((resolve) => junk.connect(beacon.httpPort, '127.0.0.1', resolve));
    junk.on('error', () => undefined);
    const junkClosed = new Promise<void>((resolve) => junk.once('close', () => resolve()));
    junk.write(randomBytes(2048));

    // Meanwhile the well-behaved client is answered, each message with as many bytes.
    for (let sequence = 0; sequence < 50; sequence++) {
      const request = probe(sequence);
      client.send(request);
      const answer = await nextMessage(client);
      expect(answer).toEqual({ data: request, isBinary: true });
    }

    const codes = await Promise.all(attacks);
    expect(new Set(codes)).toEqual(new Set([1009, 1007]));
    expect([1002, 1007, 1009]).toContain(await closeFrame);
    raw.destroy();
    await junkClosed;
    expect(client.readyState).toBe(WebSocket.OPEN);
    expect(beacon.health().ws).toMatchObject({ connections: 1, answered: 50 });
    expect(await getJson(`${beacon.httpUrl}/health`)).toMatchObject({ status: 'ok' });
    client.terminate();
  });
});
