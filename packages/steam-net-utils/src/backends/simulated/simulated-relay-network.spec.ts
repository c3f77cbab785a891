/**
 * The simulated backend's queries: pings, locations, estimates between hosts of one world,
 * determinism, the fibre bound, FakeIP, the timestamp, config passthrough and shutdown.
 */
import { ManualClock } from '@relaylane/core';

import {
  FAKE_IP_TYPE_GLOBAL_IPV4,
  FAKE_IP_TYPE_NOT_FAKE,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  RESULT_INVALID_PARAM,
  RESULT_OK,
} from '../../constants/index.js';
import { FAKE_IP_REQUEST_MS, SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { runFrames } from './test-support/drive.js';
import { RecordingSink } from '../../test-support/recording-sink.js';
import { pingLocationFromBytes } from '../../estimator/ping-location-bytes.js';

import { fiberBoundRttMs } from './world/index.js';
import { popIdFromCode } from '../../estimator/pop-id.js';

/** Steam's text of a location in the 512-byte form ('' when it is not one). */
function textOf(bytes: Uint8Array): string {
  return pingLocationFromBytes(bytes)?.toString() ?? '';
}

const FRA = popIdFromCode('fra');

/** Hosts of one world, measured until CURRENT. */
function measured(locations: readonly string[], seed = 5, world = new SimulatedWorld({ seed })) {
  const clock = new ManualClock();
  const driven = locations.map((location) => ({
    network: new SimulatedRelayNetwork({ world, clock, location }),
    sink: new RecordingSink(clock),
  }));
  for (const { network } of driven) network.initRelayNetworkAccess();
  runFrames(clock, driven, 8000, 250);
  return { world, clock, driven, networks: driven.map((d) => d.network) };
}

function locationOf(network: SimulatedRelayNetwork): Uint8Array {
  const out = new Uint8Array(512);
  expect(network.getLocalPingLocation(out)).toBeGreaterThanOrEqual(0);
  return out;
}

describe('pings to POPs', () => {
  const { networks } = measured(['Frankfurt', 'Sydney']);
  const [frankfurt, sydney] = networks as [SimulatedRelayNetwork, SimulatedRelayNetwork];

  it('a Frankfurt host pings fra in a few ms', () => {
    const ping = frankfurt.getDirectPingToPOP(FRA);
    expect(ping).toBeGreaterThanOrEqual(1);
    expect(ping).toBeLessThanOrEqual(10);
  });

  it('a Sydney host pings fra in 250-300 ms', () => {
    const ping = sydney.getDirectPingToPOP(FRA);
    expect(ping).toBeGreaterThanOrEqual(250);
    expect(ping).toBeLessThanOrEqual(300);
  });

  it('getPingToDataCenter is never worse than the direct ping and names the entry relay', () => {
    for (const network of networks) {
      for (const popId of network.getPOPList()) {
        const direct = network.getDirectPingToPOP(popId);
        const { ping, relayPopId } = network.getPingToDataCenter(popId);
        if (direct >= 0) expect(ping).toBeLessThanOrEqual(direct);
        expect(network.world.model.popIndex(relayPopId)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('getPingToDataCenter reports the POP itself as the relay when pinging it directly is best', () => {
    expect(frankfurt.getPingToDataCenter(FRA)).toEqual({
      ping: frankfurt.getDirectPingToPOP(FRA),
      relayPopId: FRA,
    });
  });

  it('getPingToDataCenter goes through a nearer relay and the backbone when that is faster', () => {
    // Valve's route tables: route = front (the ping to the entry POP) + back (the backbone).
    const model = sydney.world.model;
    let relayed = 0;
    for (const pop of model.pops) {
      const { ping, relayPopId } = sydney.getPingToDataCenter(pop.id);
      if (ping < 0 || relayPopId === pop.id) continue;
      relayed++;
      const front = sydney.getDirectPingToPOP(relayPopId);
      const back = model.backboneRttMs(relayPopId, pop.id);
      expect(Math.abs(ping - (front + back))).toBeLessThanOrEqual(1);
      const direct = sydney.getDirectPingToPOP(pop.id);
      if (direct >= 0) expect(ping).toBeLessThanOrEqual(direct);
    }
    expect(relayed).toBeGreaterThan(5);
  });

  it('an unknown POP id is UNKNOWN with no relay', () => {
    const unknown = popIdFromCode('zzz');
    expect(frankfurt.getDirectPingToPOP(unknown)).toBe(NETWORKING_PING_UNKNOWN);
    expect(frankfurt.getPingToDataCenter(unknown)).toEqual({
      ping: NETWORKING_PING_UNKNOWN,
      relayPopId: 0,
    });
  });

  it('the POP list is every POP of the world, and the count matches it', () => {
    expect(frankfurt.getPOPList()).toEqual(frankfurt.world.model.pops.map((pop) => pop.id));
    expect(frankfurt.getPOPCount()).toBe(frankfurt.world.model.pops.length);
  });

  it('is never below the fibre bound, for any POP and any of several hosts', () => {
    const { networks: hosts } = measured(['Reykjavik', 'Santiago', 'Tokyo', 'Nairobi', 'Honolulu']);
    for (const network of hosts) {
      for (const pop of network.world.model.pops) {
        const ping = network.getDirectPingToPOP(pop.id);
        if (ping < 0) continue;
        // Whole ms: the rounded ping may sit up to half a millisecond under the exact bound.
        expect(ping).toBeGreaterThanOrEqual(fiberBoundRttMs(network.host.place, pop) - 0.5);
      }
    }
  });
});

describe('locations and estimates between hosts of one world', () => {
  const { world, networks } = measured(['Paris', 'New York', 'Singapore']);

  it('estimates from the local host at most the estimate between the two locations, and close to it', () => {
    for (const a of networks) {
      for (const b of networks) {
        if (a === b) continue;
        const fromA = a.estimatePingTimeFromLocalHost(locationOf(b));
        const fromB = b.estimatePingTimeFromLocalHost(locationOf(a));
        const between = a.estimatePingTimeBetweenTwoLocations(locationOf(a), locationOf(b));
        // From the local host, the unrounded pings to every POP measured (Steam's "slightly more
        // complete set of information") never do worse than the two locations' routes. Those
        // are rounded, and a location takes a via route up to 1 ms worse by ms + extra than the
        // direct one, i.e. up to 10 % + 1 ms slower (extra = ms / 10): that bounds the gap.
        for (const fromLocal of [fromA, fromB]) {
          expect(fromLocal).toBeLessThanOrEqual(between + 1);
          expect(between).toBeLessThanOrEqual(1.1 * fromLocal + 3);
        }
      }
    }
  });

  it("estimates close to the world model's true relayed ping, never below the fibre bound", () => {
    for (const a of networks) {
      for (const b of networks) {
        if (a === b) continue;
        const estimate = a.estimatePingTimeFromLocalHost(locationOf(b));
        const truth = world.truePingBetween(a.host, b.host);
        expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(Math.max(5, truth * 0.05));
        expect(estimate).toBeGreaterThanOrEqual(fiberBoundRttMs(a.host.place, b.host.place) - 0.5);
      }
    }
  });

  it('a lobby host from world.locationStringFor estimates like a measured one', () => {
    const lobby = world.createHost({ location: 'Singapore', label: 'lobby-sin' });
    const text = world.locationStringFor(lobby);
    const parsed = new Uint8Array(512);
    expect(networks[0]!.parsePingLocationString(text, parsed)).toBe(true);
    const fromLobby = networks[0]!.estimatePingTimeFromLocalHost(parsed);
    const fromMeasured = networks[0]!.estimatePingTimeFromLocalHost(locationOf(networks[2]!));
    expect(Math.abs(fromLobby - fromMeasured)).toBeLessThanOrEqual(
      Math.max(5, fromMeasured * 0.05),
    );
  });

  it("the local location converts to text and back, losing only the via routes' entry POPs", () => {
    const bytes = locationOf(networks[1]!);
    const text = networks[1]!.convertPingLocationToString(bytes);
    expect(text).toBe(textOf(bytes));
    expect(text).toMatch(/^[a-z][a-z0-9]{2,3}=\d*/);
    const back = new Uint8Array(512);
    expect(networks[1]!.parsePingLocationString(text, back)).toBe(true);
    expect(networks[1]!.convertPingLocationToString(back)).toBe(text);
    const withoutViaPops = pingLocationFromBytes(bytes)!
      .entries()
      .map((entry) => ({ ...entry, relayPopId: undefined }));
    expect(pingLocationFromBytes(back)!.entries()).toEqual(withoutViaPops);
  });

  it('a location that is not one gives UNKNOWN estimates and false from parsing', () => {
    const zeros = new Uint8Array(512);
    expect(networks[0]!.estimatePingTimeFromLocalHost(zeros)).toBe(NETWORKING_PING_UNKNOWN);
    expect(networks[0]!.estimatePingTimeBetweenTwoLocations(zeros, locationOf(networks[1]!))).toBe(
      NETWORKING_PING_UNKNOWN,
    );
    const out = new Uint8Array(512).fill(7);
    expect(networks[0]!.parsePingLocationString('not a location', out)).toBe(false);
    expect(out.every((byte) => byte === 0)).toBe(true);
  });

  it('estimates leave out a POP that is down, and fresh locations route around it', () => {
    const own = measured(['Frankfurt', 'Berlin'], 11);
    const [a, b] = own.networks as [SimulatedRelayNetwork, SimulatedRelayNetwork];
    const la = locationOf(a);
    const lb = locationOf(b);
    const before = a.estimatePingTimeBetweenTwoLocations(la, lb);
    const nearest = pingLocationFromBytes(la)!.entries()[0]!.popId;
    const code = getCodeOf(own.world, nearest);
    own.world.setPopDown(code, true);
    // The old locations' routes through the dead POP are dropped: FAILED or slower.
    const stale = a.estimatePingTimeBetweenTwoLocations(la, lb);
    expect(stale === NETWORKING_PING_FAILED || stale >= before).toBe(true);
    // Locations read now do not mention it and still give an estimate.
    const freshA = locationOf(a);
    const freshB = locationOf(b);
    expect(textOf(freshA)).not.toMatch(new RegExp(`(^|,)${code}=`));
    expect(
      pingLocationFromBytes(freshA)!
        .entries()
        .some((e) => e.relayPopId === nearest),
    ).toBe(false);
    const fresh = a.estimatePingTimeBetweenTwoLocations(freshA, freshB);
    expect(fresh).toBeGreaterThanOrEqual(before);
    expect(Math.abs(a.estimatePingTimeFromLocalHost(freshB) - fresh)).toBeLessThanOrEqual(1);
  });
});

function getCodeOf(world: SimulatedWorld, popId: number): string {
  return world.model.pops.find((pop) => pop.id === popId)!.code;
}

describe('determinism', () => {
  /** Every direct ping of a Madrid host measured in a world of `worldSeed`, and its location. */
  function run(worldSeed: number, hostSeed?: number): { pings: number[]; text: string } {
    const world = new SimulatedWorld({ seed: worldSeed });
    const clock = new ManualClock();
    const network = new SimulatedRelayNetwork({
      world,
      clock,
      location: 'Madrid',
      ...(hostSeed === undefined ? {} : { seed: hostSeed }),
    });
    network.initRelayNetworkAccess();
    runFrames(clock, [{ network, sink: new RecordingSink(clock) }], 8000, 100);
    const pings = world.model.pops.map((pop) => network.getDirectPingToPOP(pop.id));
    return { pings, text: textOf(locationOf(network)) };
  }

  it('the same seed gives the same pings and location', () => {
    expect(run(21)).toEqual(run(21));
  });

  it('a different world seed gives different jitter', () => {
    expect(run(21).pings).not.toEqual(run(22).pings);
  });

  it('a different host seed in the same world gives different jitter', () => {
    expect(run(21, 1).pings).not.toEqual(run(21, 2).pings);
  });
});

describe('FakeIP', () => {
  function network() {
    const world = new SimulatedWorld({ seed: 3 });
    const clock = new ManualClock();
    const net = new SimulatedRelayNetwork({
      world,
      clock,
      location: 'Paris',
      steamId: 76561197960287930n,
    });
    return { world, clock, net, sink: new RecordingSink(clock) };
  }

  it('a request emits fake_ip_result after FAKE_IP_REQUEST_MS when the global callback is installed', () => {
    const { clock, net, sink } = network();
    expect(net.setGlobalCallback('fakeIPResult', true)).toBe(true);
    expect(net.beginAsyncRequestFakeIP(2)).toBe(true);
    clock.advance(FAKE_IP_REQUEST_MS - 1);
    net.runCallbacks(sink);
    expect(sink.events.filter((e) => e.kind === 'fakeIP')).toEqual([]);
    clock.advance(1);
    net.runCallbacks(sink);
    const results = sink.events.flatMap((e) => (e.kind === 'fakeIP' ? [e] : []));
    expect(results).toHaveLength(1);
    const result = results[0]!;
    expect(result.result).toBe(RESULT_OK);
    expect(result.steamId).toBe(76561197960287930n);
    expect(net.getIPv4FakeIPType(result.ipv4)).toBe(FAKE_IP_TYPE_GLOBAL_IPV4);
    expect(result.ports.filter((port) => port !== 0)).toHaveLength(2);
    expect(net.getRealIdentityForFakeIP(result.ipv4, result.ports[0]!)).toEqual({
      result: RESULT_OK,
      steamId: 76561197960287930n,
    });
  });

  it('without the global callback nothing is emitted, but the allocation stands', () => {
    const { world, clock, net, sink } = network();
    net.beginAsyncRequestFakeIP(1);
    clock.advance(FAKE_IP_REQUEST_MS);
    net.runCallbacks(sink);
    expect(sink.events.filter((e) => e.kind === 'fakeIP')).toEqual([]);
    const holding = world.fakeIPs.allocationOf(76561197960287930n)!;
    expect(net.getRealIdentityForFakeIP(holding.ip, 0).result).toBe(RESULT_OK);
  });

  it('a second request while one is in progress is refused', () => {
    const { clock, net } = network();
    expect(net.beginAsyncRequestFakeIP(1)).toBe(true);
    expect(net.beginAsyncRequestFakeIP(1)).toBe(false);
    clock.advance(FAKE_IP_REQUEST_MS);
    expect(net.beginAsyncRequestFakeIP(1)).toBe(true);
  });

  it('an address that is not a FakeIP is NOT_FAKE and resolves to INVALID_PARAM', () => {
    const { net } = network();
    const ip = (8 << 24) | (8 << 16) | (8 << 8) | 8;
    expect(net.getIPv4FakeIPType(ip)).toBe(FAKE_IP_TYPE_NOT_FAKE);
    expect(net.getRealIdentityForFakeIP(ip, 0)).toEqual({
      result: RESULT_INVALID_PARAM,
      steamId: 0n,
    });
  });
});

describe('the rest of the backend', () => {
  it('getLocalTimestamp follows the injected clock in microseconds, from above 30 days', () => {
    const world = new SimulatedWorld();
    const clock = new ManualClock(1000);
    const network = new SimulatedRelayNetwork({ world, clock, location: 'Oslo' });
    const first = network.getLocalTimestamp();
    expect(first).toBeGreaterThanOrEqual(24n * 3600n * 30n * 1_000_000n);
    clock.advance(2.5);
    expect(network.getLocalTimestamp() - first).toBe(2500n);
  });

  it('passes config values to its store with Steam semantics', () => {
    const world = new SimulatedWorld();
    const network = new SimulatedRelayNetwork({
      world,
      clock: new ManualClock(),
      location: 'Oslo',
    });
    expect(
      network.setConfigValue(
        NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
        NETWORKING_CONFIG_SCOPE_GLOBAL,
        0,
        NETWORKING_CONFIG_TYPE_INT32,
        99_999,
      ),
    ).toBe(true);
    const read = network.getConfigValue(
      NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
    );
    expect(read.result).toBe(NETWORKING_GET_CONFIG_VALUE_OK);
    // Clamped silently to the value's maximum, 5000.
    expect(new DataView(read.bytes.buffer, read.bytes.byteOffset).getInt32(0, true)).toBe(5000);
    expect(network.getConfigValueInfo(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND)?.name).toBe(
      'FakePacketLag_Send',
    );
    expect(network.iterateGenericEditableConfigValues(0, false)).toBeGreaterThan(0);
  });

  it('shutdown leaves the world, is idempotent, and makes every other call an error', () => {
    const world = new SimulatedWorld();
    const network = new SimulatedRelayNetwork({
      world,
      clock: new ManualClock(),
      location: 'Oslo',
      label: 'me',
    });
    network.shutdown();
    network.shutdown();
    expect(world.findHost('me')).toBeUndefined();
    expect(() => network.getPOPCount()).toThrow(
      expect.objectContaining({ code: 'BACKEND_SHUT_DOWN' }),
    );
    expect(() => network.runCallbacks(new RecordingSink(new ManualClock()))).toThrow(
      /after shutdown/,
    );
    // A world change no longer reaches it.
    expect(() => world.setPopDown('fra', true)).not.toThrow();
  });

  it('rejects a packet loss outside 0-100 and a non-boolean offline flag', () => {
    const network = new SimulatedRelayNetwork({
      world: new SimulatedWorld(),
      clock: new ManualClock(),
      location: 'Oslo',
    });
    expect(() => network.setPacketLoss(101)).toThrow(RangeError);
    expect(() => network.setPacketLoss(Number.NaN)).toThrow(/setPacketLoss/);
    expect(() => network.setOffline('yes' as unknown as boolean)).toThrow(TypeError);
  });

  it('names its kind and the location it was given', () => {
    const network = new SimulatedRelayNetwork({
      world: new SimulatedWorld(),
      clock: new ManualClock(),
      location: { lat: 10, lon: 20 },
    });
    expect(network.kind).toBe('simulated');
    expect(network.host.locationName).toBe('10.00°N 20.00°E');
  });
});
