/**
 * The WebSocket echo through a running beacon on loopback: same-type echo, the frame limit, the
 * connection caps, the idle timeout on the beacon's clock, the path, and the shutdown.
 */
import { Socket } from 'node:net';

import { WebSocket } from 'ws';

import { request } from '../test-support/http-request.js';
import { ManualClock } from '../test-support/manual-clock.js';
import { closeTestBeacons, startTestBeacon } from '../test-support/test-beacons.js';
import { closed, nextMessage, openWebSocket } from '../test-support/websocket-client.js';
import { MAX_ECHO_BYTES } from './echo-datagram.js';

const sockets: WebSocket[] = [];
async function connect(url: string): Promise<WebSocket> {
  const ws = await openWebSocket(url);
  sockets.push(ws);
  return ws;
}

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await closeTestBeacons();
});

describe('the WebSocket echo', () => {
  it('sends each message back as it came, binary as binary and text as text', async () => {
    const { beacon } = await startTestBeacon();
    const ws = await connect(beacon.wsUrl);
    const binary = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 1, 9, 9, 9, 9]);
    ws.send(binary);
    expect(await nextMessage(ws)).toEqual({ data: binary, isBinary: true });
    ws.send('ping 1 ✓');
    const text = await nextMessage(ws);
    expect([text.data.toString('utf8'), text.isBinary]).toEqual(['ping 1 ✓', false]);
    expect(beacon.health().ws).toMatchObject({ connections: 1, received: 2, answered: 2 });
  });

  it(`echoes ${MAX_ECHO_BYTES} bytes and closes the connection on one byte more (1009)`, async () => {
    const { beacon } = await startTestBeacon();
    const ws = await connect(beacon.wsUrl);
    ws.send(Buffer.alloc(MAX_ECHO_BYTES, 1));
    expect((await nextMessage(ws)).data.length).toBe(MAX_ECHO_BYTES);
    const closing = closed(ws);
    ws.send(Buffer.alloc(MAX_ECHO_BYTES + 1, 1));
    expect((await closing).code).toBe(1009);
    expect(beacon.health().ws).toMatchObject({ answered: 1 });
  });

  it('refuses connections over the total cap with 503, and takes them again once one closes', async () => {
    const { beacon } = await startTestBeacon({ wsMaxConnections: 2 });
    const first = await connect(beacon.wsUrl);
    await connect(beacon.wsUrl);
    await expect(openWebSocket(beacon.wsUrl)).rejects.toThrow('HTTP 503');
    const firstClosed = closed(first);
    first.close();
    await firstClosed;
    await connect(beacon.wsUrl);
    expect(beacon.health().ws).toMatchObject({ connections: 2, refused: 1 });
  });

  it('refuses connections over the per-IP cap with 503', async () => {
    const { beacon } = await startTestBeacon({ wsMaxConnections: 10, wsMaxConnectionsPerIp: 2 });
    await connect(beacon.wsUrl);
    await connect(beacon.wsUrl);
    await expect(openWebSocket(beacon.wsUrl)).rejects.toThrow('HTTP 503');
  });

  it("closes a connection that stays silent for the idle timeout, on the beacon's clock", async () => {
    const clock = new ManualClock();
    const { beacon } = await startTestBeacon({ clock, wsIdleTimeoutMs: 30_000 });
    const ws = await connect(beacon.wsUrl);
    clock.advance(29_999);
    ws.send('still here'); // resets the countdown
    await nextMessage(ws);
    clock.advance(29_999);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const closing = closed(ws);
    clock.advance(1);
    expect(await closing).toEqual({ code: 1000, reason: 'idle' });
  });

  it('refuses upgrades on other paths with 404, and a plain GET of /ping with 426', async () => {
    const { beacon } = await startTestBeacon();
    await expect(openWebSocket(`${beacon.httpUrl}/health`.replace('http:', 'ws:'))).rejects.toThrow(
      'HTTP 404',
    );
    expect((await request(`${beacon.httpUrl}/ping`)).status).toBe(426);
  });

  it('closes every connection with 1001 when the beacon closes, and refuses new ones', async () => {
    const { beacon } = await startTestBeacon();
    const ws = await connect(beacon.wsUrl);
    const closing = closed(ws);
    await beacon.close();
    expect(await closing).toEqual({ code: 1001, reason: 'shutting down' });
    await expect(openWebSocket(beacon.wsUrl)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cuts a connection that never answers the closing handshake, within the grace period', async () => {
    const { beacon } = await startTestBeacon({ shutdownGraceMs: 100 });
    // A raw client: it completes the upgrade, then ignores everything.
    const raw = new Socket();
    await new Promise<void>((resolve) => raw.connect(beacon.httpPort, '127.0.0.1', resolve));
    const upgraded = new Promise<void>((resolve) => raw.once('data', () => resolve()));
    raw.write(
      'GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await upgraded;
    const rawClosed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
    raw.on('error', () => undefined);
    await beacon.close();
    await rawClosed;
    expect(beacon.health().ws.connections).toBe(0);
  });
});
