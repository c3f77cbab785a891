/**
 * The config values the simulated relay network honours (the table in simulation-settings.ts)
 * and its debug output levels.
 */
import { ManualClock } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_CURRENT as CURRENT,
  NETWORKING_AVAILABILITY_FAILED as FAILED,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_AVG,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_MAX,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_PCT,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
  NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_PING_UNKNOWN,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from '../../constants/index.js';
import { pingLocationFromBytes } from '../../estimator/ping-location-bytes.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { runFrames, runUntil } from './test-support/drive.js';
import { RecordingSink } from '../../test-support/recording-sink.js';
import { greatCircleKm } from './world/index.js';
import { popIdFromCode } from '../../estimator/pop-id.js';

const FRA = popIdFromCode('fra');
const AMS = popIdFromCode('ams');

/** A Frankfurt host in a world of seed 4, with `configure` applied before init, run 8 s. */
function measure(configure: (network: SimulatedRelayNetwork) => void = () => {}) {
  const world = new SimulatedWorld({ seed: 4 });
  const clock = new ManualClock();
  const network = new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt', label: 'p' });
  const sink = new RecordingSink(clock);
  configure(network);
  network.initRelayNetworkAccess();
  runFrames(clock, [{ network, sink }], 8000, 100);
  return { world, clock, network, sink };
}

function setInt(network: SimulatedRelayNetwork, id: number, value: number): void {
  expect(
    network.setConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
      NETWORKING_CONFIG_TYPE_INT32,
      value,
    ),
  ).toBe(true);
}

function setFloat(network: SimulatedRelayNetwork, id: number, value: number): void {
  expect(
    network.setConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
      NETWORKING_CONFIG_TYPE_FLOAT,
      value,
    ),
  ).toBe(true);
}

function setString(network: SimulatedRelayNetwork, id: number, value: string): void {
  expect(
    network.setConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
      NETWORKING_CONFIG_TYPE_STRING,
      value,
    ),
  ).toBe(true);
}

function allPings(network: SimulatedRelayNetwork): number[] {
  return network.world.model.pops.map((pop) => network.getDirectPingToPOP(pop.id));
}

describe('fake packet lag, loss and jitter', () => {
  const plain = allPings(measure().network);

  it('FakePacketLag_Send and _Recv add to every ping', () => {
    const lagged = allPings(
      measure((network) => {
        setInt(network, NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, 40);
        setInt(network, NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV, 60);
      }).network,
    );
    lagged.forEach((ping, i) => {
      if (plain[i]! >= 0) expect(ping - plain[i]!).toBe(100);
    });
  });

  it('a lag set or cleared while the data is CURRENT is in every ping after one new measurement', () => {
    const { network, clock, sink } = measure();
    const run = (ms: number): void => runFrames(clock, [{ network, sink }], ms, 100);
    const probed = plain.filter((ping) => ping >= 0).length;
    const shifts = (): number[] =>
      allPings(network).flatMap((ping, i) =>
        ping >= 0 && plain[i]! >= 0 ? [ping - plain[i]!] : [],
      );
    /** Every ping moved by `ms`, give or take the new samples' jitter. */
    const expectShiftedBy = (ms: number): void => {
      const moved = shifts();
      expect(moved).toHaveLength(probed);
      for (const shift of moved) expect(Math.abs(shift - ms)).toBeLessThanOrEqual(8);
      const mean = moved.reduce((sum, shift) => sum + shift, 0) / moved.length;
      expect(Math.abs(mean - ms)).toBeLessThanOrEqual(2);
    };
    const frankfurtLobby = network.world.pingLocationFor(
      network.world.createHost({ location: 'Frankfurt', label: 'lobby' }),
    );
    const lobby = (): number => network.estimatePingTimeFromLocalHost(frankfurtLobby);
    const lobbyBefore = lobby();

    setInt(network, NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, 50);
    // The change starts a measurement at once; until it is done the previous data answers.
    expect(network.peekRelayNetworkStatus().pingMeasurementInProgress).toBe(1);
    expect(shifts()).toEqual(new Array(probed).fill(0));
    run(3000);
    // The data is the new measurement's (finished within the 3 s just run).
    expect(network.getLocalPingLocation(new Uint8Array(512))).toBeLessThan(3);
    expectShiftedBy(50);
    // Lobby estimates come from the same pings: the lag is in them too.
    expect(lobby() - lobbyBefore).toBeGreaterThanOrEqual(42);

    setInt(network, NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, 0);
    run(3000);
    // Not minutes later: the samples with the lag in them were forgotten.
    expectShiftedBy(0);
    expect(Math.abs(lobby() - lobbyBefore)).toBeLessThanOrEqual(8);
  });

  it('FakePacketJitter adds a delay no larger than its maximum', () => {
    const jittered = allPings(
      measure((network) => {
        setFloat(network, NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_AVG, 30);
        setFloat(network, NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_MAX, 50);
        setFloat(network, NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_PCT, 100);
      }).network,
    );
    let added = 0;
    let compared = 0;
    jittered.forEach((ping, i) => {
      if (plain[i]! < 0 || ping < 0) return;
      expect(ping).toBeGreaterThanOrEqual(plain[i]!);
      expect(ping - plain[i]!).toBeLessThanOrEqual(50 + 1);
      added += ping - plain[i]!;
      compared++;
    });
    expect(compared).toBeGreaterThan(20);
    expect(added / compared).toBeGreaterThan(10);
  });

  it('FakePacketLoss_Send at 100% makes every relay unreachable', () => {
    const { network } = measure((n) => setFloat(n, NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 100));
    const status = network.peekRelayNetworkStatus();
    expect(status.availableNetworkConfig).toBe(FAILED);
  });

  it('FakePacketLoss_Send at 30% still measures, taking longer', () => {
    const { network, clock } = measure((n) =>
      setFloat(n, NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 30),
    );
    runFrames(clock, [{ network, sink: new RecordingSink(clock) }], 5000);
    expect(network.peekRelayNetworkStatus().available).toBe(CURRENT);
    expect(network.getDirectPingToPOP(FRA)).toBeGreaterThan(0);
  });
});

describe('SDRClient_ForceRelayCluster', () => {
  const { network } = measure((n) =>
    setString(n, NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 'ams'),
  );

  it('only the forced POPs are pinged directly', () => {
    expect(network.getDirectPingToPOP(AMS)).toBeGreaterThan(0);
    expect(network.getDirectPingToPOP(FRA)).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('other data centers are reached through the forced relays', () => {
    const { ping, relayPopId } = network.getPingToDataCenter(FRA);
    expect(relayPopId).toBe(AMS);
    const expected = network.getDirectPingToPOP(AMS) + network.world.model.backboneRttMs(AMS, FRA);
    // The direct ping is rounded on its own: within a millisecond.
    expect(Math.abs(ping - expected)).toBeLessThanOrEqual(1);
  });

  it('the local location routes everything through the forced relays', () => {
    const out = new Uint8Array(512);
    network.getLocalPingLocation(out);
    const entries = pingLocationFromBytes(out)!.entries();
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) {
      expect(entry.popId === AMS || entry.relayPopId === AMS).toBe(true);
    }
  });

  it('setting it while CURRENT measures again, and clearing it gives every POP back', () => {
    const { clock, network: fresh } = measure();
    const sink = new RecordingSink(clock);
    setString(fresh, NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 'fra,ams');
    expect(fresh.peekRelayNetworkStatus().pingMeasurementInProgress).toBe(1);
    runFrames(clock, [{ network: fresh, sink }], 5000);
    const probed = allPings(fresh).filter((ping) => ping >= 0);
    expect(probed).toHaveLength(2);
    setString(fresh, NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, '');
    runFrames(clock, [{ network: fresh, sink }], 5000);
    expect(allPings(fresh).filter((ping) => ping >= 0).length).toBeGreaterThan(2);
  });

  it('a cluster that names no POP leaves nothing to ping: the relays FAIL', () => {
    const { network: forced } = measure((n) =>
      setString(n, NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 'nope'),
    );
    expect(forced.peekRelayNetworkStatus().availableAnyRelay).toBe(FAILED);
  });
});

describe('SDRClient_FakeClusterPing', () => {
  it('replaces the pings of the POPs it names, in Steam\'s "code=ms,code=ms" format', () => {
    const { network } = measure((n) =>
      setString(n, NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING, 'fra=77, ams=5'),
    );
    expect(network.getDirectPingToPOP(FRA)).toBe(77);
    expect(network.getDirectPingToPOP(AMS)).toBe(5);
    const out = new Uint8Array(512);
    network.getLocalPingLocation(out);
    const nearest = pingLocationFromBytes(out)!.entries()[0]!;
    expect([nearest.code, nearest.direct]).toEqual(['ams', { ms: 5, extra: 0 }]);
  });

  it('warns about entries it cannot read and ignores them', () => {
    const { network, clock } = measure();
    network.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING);
    setString(network, NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING, 'fra=abc,ams=9');
    const sink = new RecordingSink(clock);
    network.runCallbacks(sink);
    expect(sink.debugMessages().map((m) => m.message)).toContainEqual(
      expect.stringContaining("ignoring 'fra=abc'"),
    );
    expect(network.getDirectPingToPOP(AMS)).toBe(9);
  });
});

describe('SDRClient_LimitPingProbesToNearestN', () => {
  it('probes only the N POPs nearest to the host', () => {
    const { network, world } = measure((n) =>
      setInt(n, NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N, 3),
    );
    const place = network.host.place;
    const nearest = [...world.model.pops]
      .sort((a, b) => greatCircleKm(place, a) - greatCircleKm(place, b))
      .slice(0, 3)
      .map((pop) => pop.id)
      .sort();
    const measured = world.model.pops
      .filter((pop) => network.getDirectPingToPOP(pop.id) >= 0)
      .map((pop) => pop.id)
      .sort();
    expect(measured).toEqual(nearest);
  });
});

describe('SDRClient_MinPingsBeforePingAccurate', () => {
  function completion(minPings: number): number {
    const world = new SimulatedWorld({ seed: 4 });
    const clock = new ManualClock();
    const network = new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt' });
    setInt(network, NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE, minPings);
    network.initRelayNetworkAccess();
    return runUntil(
      clock,
      [{ network, sink: new RecordingSink(clock) }],
      () => network.peekRelayNetworkStatus().available === CURRENT,
      30_000,
    )!;
  }

  it('a POP counts only after that many answers, so more pings take longer', () => {
    const three = completion(3);
    const twenty = completion(20);
    // Twenty answers need at least 19 more rounds of 250 ms than one.
    expect(twenty).toBeGreaterThanOrEqual(800 + 19 * 250);
    expect(three).toBeLessThan(twenty);
  });
});

describe('debug output', () => {
  it('delivers nothing at the default output level (NONE)', () => {
    const { sink } = measure();
    expect(sink.debugMessages()).toEqual([]);
  });

  it('setDebugOutputLevel lets through messages at or below the level', () => {
    const { sink } = measure((n) => n.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG));
    const messages = sink.debugMessages();
    expect(messages.map((m) => m.message)).toContainEqual(
      expect.stringMatching(/^Ping measurement completed in [\d.]+s: fra=\d+ms /),
    );
    expect(messages.map((m) => m.message)).toContainEqual('Fetching relay network config');
    expect(messages.every((m) => m.type <= NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG)).toBe(true);
  });

  it('relay ping messages are produced only when LogLevel_SDRRelayPings allows them', () => {
    const quiet = measure((n) =>
      n.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING),
    ).sink.debugMessages();
    expect(quiet.some((m) => m.message.startsWith('Ping fra:'))).toBe(false);
    const loud = measure((n) => {
      n.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
      setInt(
        n,
        NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS,
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
      );
    }).sink.debugMessages();
    const pings = loud.filter((m) => m.message.startsWith('Ping fra:'));
    expect(pings.length).toBeGreaterThanOrEqual(3);
    expect(pings.every((m) => m.type === NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG)).toBe(true);
  });
});
