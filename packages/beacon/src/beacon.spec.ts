/** A beacon's life: start on IPv4 or IPv6, refuse ports in use cleanly, close in order. */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

import { startBeacon } from './beacon.js';
import { BeaconOptionError, BeaconStartError } from './errors.js';
import { getJson, request } from './test-support/http-request.js';
import { RecordingLog } from './test-support/recording-log.js';
import { closeTestBeacons, startTestBeacon } from './test-support/test-beacons.js';
import { UdpTestClient } from './test-support/udp-client.js';
import { nextMessage, openWebSocket } from './test-support/websocket-client.js';

afterEach(closeTestBeacons);

const PROBE = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 1, 0, 0, 0, 2]);

describe('startBeacon', () => {
  it('runs on IPv6: UDP, HTTP and WebSocket on ::1, advertised in brackets', async () => {
    const { beacon } = await startTestBeacon({ host: '::1' });
    expect(beacon.udpAddress).toBe(`[::1]:${beacon.udpPort}`);
    expect(beacon.httpUrl).toBe(`http://[::1]:${beacon.httpPort}`);
    expect(await getJson(`${beacon.httpUrl}/beacon`)).toMatchObject({
      probe: { udp: `[::1]:${beacon.udpPort}`, ws: `ws://[::1]:${beacon.httpPort}/ping` },
    });
    const udp = await UdpTestClient.open('::1');
    expect((await udp.roundTrip(PROBE, beacon.udpPort, '::1')).length).toBe(PROBE.length);
    await udp.close();
    const ws = await openWebSocket(beacon.wsUrl);
    ws.send(PROBE);
    expect((await nextMessage(ws)).data).toEqual(PROBE);
    ws.terminate();
  });

  it('advertises what it is told, and logs one line saying where it listens', async () => {
    const { beacon, log } = await startTestBeacon({
      advertiseHost: 'beacon-fra.example.com',
      advertiseWsUrl: 'wss://beacon-fra.example.com/ping',
      logLevel: 'info',
    });
    expect(beacon.beacon().probe).toEqual({
      udp: `beacon-fra.example.com:${beacon.udpPort}`,
      ws: 'wss://beacon-fra.example.com/ping',
    });
    expect(log.records).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        msg: 'listening',
        code: 'fra',
        version: expect.any(String),
        udp: `127.0.0.1:${beacon.udpPort}`,
        http: `http://127.0.0.1:${beacon.httpPort}`,
        probe_udp: `beacon-fra.example.com:${beacon.udpPort}`,
        probe_ws: 'wss://beacon-fra.example.com/ping',
        peers: 0,
      },
    ]);
  });

  it('refuses a UDP port in use, saying which, and leaves nothing open', async () => {
    const taken = createSocket('udp4');
    await new Promise<void>((resolve) => taken.bind(0, '127.0.0.1', resolve));
    const port = taken.address().port;
    const error: unknown = await startBeacon({
      code: 'fra',
      geo: { lon: 8.68, lat: 50.12 },
      udpPort: port,
      httpPort: 0,
      log: () => undefined,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BeaconStartError);
    expect(error).toMatchObject({
      code: 'BEACON_ADDRESS_IN_USE',
      message: `UDP port ${port} on 127.0.0.1 is in use: stop what listens there, or choose another port (--udp-port).`,
    });
    taken.close();
  });

  it('refuses a TCP port in use and closes the UDP port it had bound', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const udp = createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    const udpPort = udp.address().port;
    udp.close();
    await expect(
      startBeacon({
        code: 'fra',
        geo: { lon: 8.68, lat: 50.12 },
        udpPort,
        httpPort: port,
        log: () => undefined,
      }),
    ).rejects.toMatchObject({
      code: 'BEACON_ADDRESS_IN_USE',
      message: expect.stringContaining(
        `TCP port ${port} on 127.0.0.1 (HTTP and WebSocket) is in use`,
      ),
    });
    taken.close();
    // The UDP port was released: a beacon can take it now.
    const { beacon } = await startTestBeacon({ udpPort });
    expect(beacon.udpPort).toBe(udpPort);
  });

  it('refuses wrong options before it opens anything', async () => {
    await expect(
      startBeacon({ code: 'Frankfurt', geo: { lon: 8.68, lat: 50.12 } }),
    ).rejects.toBeInstanceOf(BeaconOptionError);
  });
});

describe('RunningBeacon.close', () => {
  it('stops everything, logs it, keeps its ports readable, and can be called again', async () => {
    const log = new RecordingLog();
    const beacon = await startBeacon({
      code: 'fra',
      geo: { lon: 8.68, lat: 50.12 },
      udpPort: 0,
      httpPort: 0,
      log: log.sink,
    });
    const { httpUrl, udpPort } = beacon;
    await Promise.all([beacon.close(), beacon.close()]);
    await beacon.close();
    expect(log.records.map((record) => record.msg)).toEqual(['listening', 'closing', 'closed']);
    expect(beacon.udpPort).toBe(udpPort);
    await expect(request(`${httpUrl}/health`)).rejects.toThrow(/ECONNREFUSED/);
    // Its UDP port is free again.
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(udpPort, '127.0.0.1', resolve));
    socket.close();
  });
});
