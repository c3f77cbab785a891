import {
  type EmulatedBeacon,
  startEmulatedBeacon,
} from '../backends/beacons/test-support/emulated-beacon.js';
import { NodeProbeTransport } from './node-probe-transport.js';
import { splitUdpEndpoint, UdpProbeTransport } from './udp-probe-transport.js';

let beacon: EmulatedBeacon;
beforeAll(async () => {
  beacon = await startEmulatedBeacon({ delayMs: 5 });
});
afterAll(async () => {
  await beacon.close();
});

describe('NodeProbeTransport', () => {
  it('probes over UDP where the beacon has a UDP echo, else over WebSocket', async () => {
    const transport = new NodeProbeTransport();
    try {
      expect(transport.canReach({ code: 'fra' })).toBe(false);
      const overUdp = await transport.probe({ code: 'fra', udp: beacon.udp, ws: beacon.ws }, 1000);
      expect(overUdp).toMatchObject({ ok: true });
      const answeredBefore = beacon.answered;
      const overWebSocket = await transport.probe({ code: 'fra', ws: beacon.ws }, 1000);
      expect(overWebSocket).toMatchObject({ ok: true });
      // A warm-up echo, then the probe: the WebSocket path was taken.
      expect(beacon.answered - answeredBefore).toBe(2);
      await expect(transport.probe({ code: 'fra' }, 1000)).resolves.toEqual({
        ok: false,
        reason: 'no-endpoint',
      });
    } finally {
      transport.close();
    }
  });

  it('settles every probe once closed', async () => {
    const transport = new NodeProbeTransport();
    transport.close();
    await expect(transport.probe({ code: 'fra', udp: beacon.udp }, 1000)).resolves.toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });
});

describe('UdpProbeTransport', () => {
  it('times out a beacon that does not answer, within the timeout', async () => {
    beacon.setDown(true);
    const transport = new UdpProbeTransport();
    try {
      await expect(transport.probe({ code: 'fra', udp: beacon.udp }, 100)).resolves.toEqual({
        ok: false,
        reason: 'timeout',
      });
    } finally {
      beacon.setDown(false);
      transport.close();
    }
  });

  it('reads host:port endpoints, IPv6 in brackets, and refuses the rest', () => {
    expect(splitUdpEndpoint('127.0.0.1:3075')).toEqual({ host: '127.0.0.1', port: 3075 });
    expect(splitUdpEndpoint('[::1]:3075')).toEqual({ host: '::1', port: 3075 });
    expect(splitUdpEndpoint('beacon.example.com:1')).toEqual({
      host: 'beacon.example.com',
      port: 1,
    });
    for (const bad of ['127.0.0.1', '127.0.0.1:0', '127.0.0.1:65536', '::1:3075', ':3075', '']) {
      expect(splitUdpEndpoint(bad)).toBeUndefined();
    }
  });
});
