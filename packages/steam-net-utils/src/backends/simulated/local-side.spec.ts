/**
 * `estimatePingTimeFromLocalHost` answers from a local side cached across queries. These tests
 * compare it with the same estimate computed from scratch after every kind of change to the
 * cache's inputs: a new measurement, a move, a POP fault and config changes (through the backend
 * and straight into a shared config store). A missing invalidation for any input makes one of
 * them fail.
 */
import { ManualClock } from '@relaylane/core';

import {
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_PCT,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_PING_UNKNOWN,
} from '../../constants/index.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { runFrames } from './test-support/drive.js';
import { referenceLocalEstimate } from './test-support/reference-local-estimate.js';
import { RecordingSink } from '../../test-support/recording-sink.js';

/** Remote hosts near and far, so that routes through many POP pairs decide estimates. */
const REMOTE_CITIES = [
  'Frankfurt',
  'Amsterdam',
  'Paris',
  'London',
  'Stockholm',
  'Warsaw',
  'Madrid',
  'New York',
  'Chicago',
  'Los Angeles',
  'São Paulo',
  'Tokyo',
  'Singapore',
  'Sydney',
  'Mumbai',
  'Johannesburg',
];

function setup() {
  const world = new SimulatedWorld({ seed: 11 });
  const clock = new ManualClock();
  const network = new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt', label: 'me' });
  const driven = [{ network, sink: new RecordingSink(clock) }];
  const remotes = REMOTE_CITIES.map((location) =>
    world.pingLocationFor(world.createHost({ location, label: `remote ${location}` })),
  );
  // All zeros, and a valid location with a nonzero padding byte: neither is a location
  // (docs/ping-location-text.md, the 512-byte form).
  const padded = Uint8Array.from(remotes[0]!);
  padded[511] = 1;
  const locations = [...remotes, new Uint8Array(512), padded];
  network.initRelayNetworkAccess();
  runFrames(clock, driven, 8000, 250);
  /** Runs frames until the data is CURRENT again after a new measurement. */
  const remeasure = (): void => runFrames(clock, driven, 8000, 250);
  return { world, network, locations, remeasure };
}

/**
 * Every location estimated through the cache and from scratch; returns the estimates. The
 * cached answer is asked first so that a stale cache is caught by the reference.
 */
function compare(network: SimulatedRelayNetwork, locations: readonly Uint8Array[]): number[] {
  const cached = locations.map((location) => network.estimatePingTimeFromLocalHost(location));
  const fresh = locations.map((location) => referenceLocalEstimate(network, location));
  expect(cached).toEqual(fresh);
  expect(cached[locations.length - 2]).toBe(NETWORKING_PING_UNKNOWN);
  expect(cached[locations.length - 1]).toBe(NETWORKING_PING_UNKNOWN);
  return cached;
}

function setString(network: SimulatedRelayNetwork, id: number, value: string): void {
  const type = NETWORKING_CONFIG_TYPE_STRING;
  expect(network.setConfigValue(id, NETWORKING_CONFIG_SCOPE_GLOBAL, 0, type, value)).toBe(true);
}

describe('estimatePingTimeFromLocalHost with the cached local side', () => {
  it('matches the fresh estimate after measuring, with real routes', () => {
    const { network, locations } = setup();
    const estimates = compare(network, locations);
    expect(estimates.slice(0, -2).every((ms) => ms > 0)).toBe(true);
  });

  it('follows a new measurement at the same place', () => {
    const { network, locations, remeasure } = setup();
    // Heavy fake jitter, so that the next measurement's pings differ from this one's.
    const float = NETWORKING_CONFIG_TYPE_FLOAT;
    const scope = NETWORKING_CONFIG_SCOPE_GLOBAL;
    network.setConfigValue(NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG, scope, 0, float, 60);
    network.setConfigValue(NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_PCT, scope, 0, float, 100);
    const before = compare(network, locations);
    expect(network.checkPingDataUpToDate(0)).toBe(false);
    remeasure();
    expect(compare(network, locations)).not.toEqual(before);
  });

  it('follows a move of the world host once the new place is measured', () => {
    const { world, network, locations, remeasure } = setup();
    const before = compare(network, locations);
    world.moveHost(network.host, 'Stockholm');
    // Estimates come from measured pings only: the previous data answers until it is replaced.
    expect(compare(network, locations)).toEqual(before);
    network.checkPingDataUpToDate(0);
    remeasure();
    expect(compare(network, locations)).not.toEqual(before);
  });

  it('follows moveTo once the new place is measured', () => {
    const { network, locations, remeasure } = setup();
    const before = compare(network, locations);
    network.moveTo('Tokyo');
    // Until the new measurement is done, the previous data stays.
    expect(compare(network, locations)).toEqual(before);
    remeasure();
    expect(compare(network, locations)).not.toEqual(before);
  });

  it('follows a POP going down and coming back', () => {
    const { world, network, locations } = setup();
    const before = compare(network, locations);
    world.setPopDown('fra', true);
    expect(compare(network, locations)).not.toEqual(before);
    world.setPopDown('fra', false);
    expect(compare(network, locations)).toEqual(before);
  });

  it('follows SDRClient_ForceRelayCluster at once, before measuring again', () => {
    const { network, locations } = setup();
    const before = compare(network, locations);
    setString(network, NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 'sto');
    expect(compare(network, locations)).not.toEqual(before);
  });

  it('follows SDRClient_FakeClusterPing', () => {
    const { network, locations } = setup();
    const before = compare(network, locations);
    setString(network, NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING, 'fra=90,ams=95,par=99');
    expect(compare(network, locations)).not.toEqual(before);
  });

  it('follows a config change made straight in the config store', () => {
    const { network, locations, remeasure } = setup();
    const before = compare(network, locations);
    // Fake lag delays every probe: a change of it starts a new measurement at once.
    const type = NETWORKING_CONFIG_TYPE_INT32;
    const scope = NETWORKING_CONFIG_SCOPE_GLOBAL;
    expect(network.config.set(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, scope, 0, type, 30)).toBe(
      true,
    );
    expect(compare(network, locations)).toEqual(before);
    remeasure();
    const lagged = compare(network, locations);
    expect(lagged.slice(0, -2).every((ms, i) => ms >= before[i]! + 20)).toBe(true);
  });
});
