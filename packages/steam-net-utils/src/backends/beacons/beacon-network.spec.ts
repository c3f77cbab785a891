import { RelayNetworkConfigError } from '../../estimator/relay-network-config.js';
import { readBeaconNetwork, udpEndpointOf, webSocketEndpointOf } from './beacon-network.js';

const FRA = { desc: 'Frankfurt', geo: [8.68, 50.12], probe: { udp: '203.0.113.7:3075' } };
const SGP = { desc: 'Singapore', geo: [103.99, 1.36], probe: { ws: 'wss://sgp.example/ping' } };

describe('readBeaconNetwork', () => {
  it('reads the POPs, their endpoints and the backbone of a config', () => {
    const { network, beacons, skipped } = readBeaconNetwork(
      JSON.stringify({ pops: { fra: FRA, sgp: SGP }, typical_pings: [['fra', 'sgp', 161]] }),
    );
    expect(network.backboneMs('fra', 'sgp')).toBe(161);
    expect(beacons.map(({ code, index, udp, ws }) => ({ code, index, udp, ws }))).toEqual([
      { code: 'fra', index: 0, udp: '203.0.113.7:3075', ws: undefined },
      { code: 'sgp', index: 1, udp: undefined, ws: 'wss://sgp.example/ping' },
    ]);
    expect(skipped).toEqual([]);
  });

  it("lets a listed beacon replace the config's endpoints, and adds one the config lacks", () => {
    const { beacons } = readBeaconNetwork({ pops: { fra: FRA } }, [
      { code: 'fra', udp: '127.0.0.1:4000' },
      { code: 'lhr', desc: 'London', geo: [-0.45, 51.47], ws: 'ws://127.0.0.1:8080/ping' },
    ]);
    expect(beacons.map(({ code, udp, ws, desc }) => ({ code, udp, ws, desc }))).toEqual([
      { code: 'fra', udp: '127.0.0.1:4000', ws: undefined, desc: 'Frankfurt' },
      { code: 'lhr', udp: undefined, ws: 'ws://127.0.0.1:8080/ping', desc: 'London' },
    ]);
  });

  it('drops endpoints that are not host:port or ws(s) URLs, and says so', () => {
    const { beacons, skipped } = readBeaconNetwork({
      pops: { fra: { ...FRA, probe: { udp: '203.0.113.7', ws: 'http://fra.example/ping' } } },
    });
    expect(beacons[0]).toMatchObject({ udp: undefined, ws: undefined });
    expect(skipped).toEqual([
      'fra: probe.udp is not host:port',
      'fra: probe.ws is not a ws:// or wss:// URL',
    ]);
  });

  it('skips a POP named __proto__ like any malformed code, touching no prototype', () => {
    const text =
      '{"pops":{"__proto__":{"desc":"x","geo":[0,0]},"fra":' + JSON.stringify(FRA) + '}}';
    const { network, skipped } = readBeaconNetwork(text);
    expect(network.pops.map((pop) => pop.code)).toEqual(['fra']);
    expect(skipped.some((line) => line.includes('__proto__'))).toBe(true);
    expect(({} as Record<string, unknown>)['desc']).toBeUndefined();
  });

  it('refuses what makes no network, with the reason', () => {
    expect(() => readBeaconNetwork('not json')).toThrow(RelayNetworkConfigError);
    expect(() => readBeaconNetwork({ nothing: true })).toThrow(/'pops' object/);
    expect(() => readBeaconNetwork({ pops: {} })).toThrow(/no usable POP/);
    expect(() => readBeaconNetwork(undefined, [{ code: 'fra', udp: '127.0.0.1:1' }])).toThrow(
      /beacons\[0\] \("fra"\) cannot be a POP: POP 'fra': no 'geo'/,
    );
    expect(() => readBeaconNetwork(undefined, [{ code: 'FRA!', geo: [0, 0] }])).toThrow(
      /beacons\[0\]/,
    );
  });
});

describe('endpoint checks', () => {
  it('accepts host:port with a port of 1–65535, IPv6 in brackets', () => {
    expect(udpEndpointOf('[::1]:3075')).toBe('[::1]:3075');
    expect(udpEndpointOf('fra.example:3075')).toBe('fra.example:3075');
    for (const bad of ['fra.example', 'fra.example:0', 'fra.example:70000', 42, '::1:3075']) {
      expect(udpEndpointOf(bad)).toBeUndefined();
    }
  });

  it('accepts ws:// and wss:// URLs only', () => {
    expect(webSocketEndpointOf('ws://127.0.0.1:8080/ping')).toBe('ws://127.0.0.1:8080/ping');
    for (const bad of ['http://x/ping', 'javascript:alert(1)', 'not a url', null]) {
      expect(webSocketEndpointOf(bad)).toBeUndefined();
    }
  });
});
