import { Engine, ManualClock, MessageQueue } from '@relaylane/core';
import {
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_PING_UNKNOWN,
  NetworkingUtilsPlugin,
  type RegionCandidate,
  simulatedBackend,
} from '@relaylane/steam-net-utils';
import { SimulatedWorld } from '@relaylane/steam-net-utils/simulated';

import {
  type DemoSnapshot,
  DemoPlugin,
  fastestCandidate,
  SNAPSHOT_INTERVAL_MS,
} from './demo-plugin.js';
import { createSimulatedLobbies } from './lobbies.js';
import { availabilityShortName } from './ui/status-panel.js';

const FRAME_MS = 100;

function setup(location = 'Frankfurt') {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const world = new SimulatedWorld({ seed: 5 });
  const lobbies = createSimulatedLobbies(world, 5);
  engine.addPlugin(
    new NetworkingUtilsPlugin({ backend: simulatedBackend({ world, location, seed: 5 }) }),
  );
  const demo = new DemoPlugin({ lobbies });
  engine.addPlugin(demo);
  const snapshots: DemoSnapshot[] = [];
  demo.updated.connect((snapshot) => void snapshots.push(snapshot));
  const run = (ms: number, frameMs = FRAME_MS): void => {
    for (let t = 0; t < ms; t += frameMs) engine.tick(frameMs / 1000);
  };
  const latest = (): DemoSnapshot => demo.snapshot!;
  return {
    engine,
    demo,
    snapshots,
    run,
    latest,
    networkingUtils: engine.getSingleton('Steam'),
  };
}

const failure = ['RETRYING', 'PREVIOUSLY', 'FAILED'];

describe('DemoPlugin', () => {
  test('once the relay network is CURRENT, the lobbies are ranked by numeric ping and a region is picked', () => {
    const { run, latest } = setup();
    run(10_000);
    const snapshot = latest();
    expect(availabilityShortName(snapshot.status.available)).toBe('CURRENT');
    const pings = snapshot.lobbies.map((entry) => entry.ping);
    expect(pings.every((ping) => ping >= 0)).toBe(true);
    expect(pings).toEqual([...pings].sort((a, b) => a - b));
    expect(snapshot.lobbies[0]!.lobby.hostCity).toBe('Frankfurt');
    expect(snapshot.region.current).toMatchObject({ code: 'fra', pinned: false });
    expect(snapshot.region.changes.map((change) => change.reason)).toEqual(['initial']);
    expect(snapshot.localLocation).not.toBe('');
  });

  test('the status history records each relay_network_status, oldest first', () => {
    const { run, latest } = setup();
    run(10_000);
    const names = latest().statusHistory.map((event) => availabilityShortName(event.available));
    expect(names[names.length - 1]).toBe('CURRENT');
    expect(names).toContain('ATTEMPTING');
    const times = latest().statusHistory.map((event) => event.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('travelling re-ranks the lobbies, and the region follows after the hysteresis ("better")', () => {
    const { demo, run, latest } = setup();
    run(10_000);
    const revision = latest().rankRevision;
    demo.travel('Sydney');
    run(20_000);
    const snapshot = latest();
    expect(snapshot.player?.name).toMatch(/^Sydney/);
    expect(snapshot.rankRevision).toBeGreaterThan(revision);
    expect(snapshot.lobbies[0]!.lobby.hostCity).toBe('Sydney');
    expect(snapshot.region.current?.code).toBe('syd');
    expect(snapshot.region.changes.at(-1)?.reason).toBe('better');
  });

  test("right after a move, the old place's numbers are withheld until the new place is measured", () => {
    const { demo, run, latest } = setup();
    run(10_000);
    expect(latest().remeasuring).toBe(false);
    demo.travel('Sydney');
    run(FRAME_MS);
    const moving = latest();
    expect(moving.player?.name).toMatch(/^Sydney/);
    expect(moving.remeasuring).toBe(true);
    // No Frankfurt numbers next to a player in Sydney: no region, no candidates, no estimates.
    expect(moving.region.current).toBeUndefined();
    expect(moving.region.candidates).toEqual([]);
    expect(moving.lobbies.every((entry) => entry.ping === NETWORKING_PING_UNKNOWN)).toBe(true);
    run(10_000);
    const measured = latest();
    expect(measured.remeasuring).toBe(false);
    expect(measured.lobbies[0]!.lobby.hostCity).toBe('Sydney');
    expect(measured.region.candidates.length).toBeGreaterThan(0);
  });

  test('pin() holds the region and forces the relay cluster; unpin() returns to the automatic pick', () => {
    const { demo, run, latest, networkingUtils } = setup();
    run(10_000);
    demo.pin('sgp');
    run(FRAME_MS);
    expect(latest().region).toMatchObject({
      pinned: 'sgp',
      current: { code: 'sgp', pinned: true },
    });
    expect(
      networkingUtils.getConfigValueTyped(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 1, 0)
        .value,
    ).toBe('sgp');
    demo.unpin();
    run(FRAME_MS);
    expect(latest().region.pinned).toBeUndefined();
    expect(latest().region.current?.pinned).toBe(false);
  });

  test('offline: a failure status is shown and no lobby has an estimate', () => {
    const { demo, run, latest } = setup();
    run(10_000);
    demo.simulation!.setOffline(true);
    run(20_000);
    const snapshot = latest();
    expect(failure).toContain(availabilityShortName(snapshot.status.available));
    expect(snapshot.lobbies.every((entry) => entry.ping < 0)).toBe(true);
  });

  test('a fake lag set in the console reaches the lobby pings a measurement later, and leaves with it', () => {
    const { run, latest, networkingUtils } = setup();
    run(10_000);
    const pingsOf = (): Map<string, number> =>
      new Map(latest().lobbies.map((entry) => [entry.lobby.id, entry.ping]));
    const before = pingsOf();
    const setLag = (ms: number): void => {
      expect(
        networkingUtils.setGlobalConfigValueInt32(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, ms),
      ).toBe(true);
    };
    setLag(50);
    run(3_000);
    const lagged = pingsOf();
    // Each estimate has the lag in it, give or take the new samples' jitter.
    for (const [id, ping] of before) {
      if (ping >= 0) expect(Math.abs(lagged.get(id)! - ping - 50)).toBeLessThanOrEqual(8);
    }
    setLag(0);
    run(3_000);
    const after = pingsOf();
    for (const [id, ping] of before) {
      if (ping >= 0) expect(Math.abs(after.get(id)! - ping)).toBeLessThanOrEqual(8);
    }
  });

  test(`with nothing signalled, a snapshot is published every ${SNAPSHOT_INTERVAL_MS} ms of engine time`, () => {
    const { run, snapshots } = setup();
    run(10_000);
    const before = snapshots.length;
    // 50 ms frames divide the interval exactly: one snapshot every fifth frame, whatever the phase.
    run(2000, 50);
    expect(snapshots.length - before).toBe(2000 / SNAPSHOT_INTERVAL_MS);
  });

  test('leaving the tree disconnects the plugin and clears a pinned relay cluster', () => {
    const { engine, demo, run, networkingUtils } = setup();
    run(10_000);
    demo.pin('sgp');
    const connections = networkingUtils.signals.relay_network_status.getConnections().length;
    engine.removePlugin('demo-game');
    // The plugin's own listener and its RegionSelector's are gone.
    expect(networkingUtils.signals.relay_network_status.getConnections().length).toBe(
      connections - 2,
    );
    expect(
      networkingUtils.getConfigValueTyped(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 1, 0)
        .value,
    ).toBe('');
  });
});

describe('fastestCandidate', () => {
  const candidate = (code: string, ping: number, reachable = true): RegionCandidate => ({
    popId: code.length,
    code,
    ping,
    relayPopId: 0,
    reachable,
    loss: undefined,
    score: ping,
  });

  test('the lowest reachable ping wins; a tie goes to the lower code; unreachable never wins', () => {
    expect(
      fastestCandidate([
        candidate('zzz', 1, false),
        candidate('sea', 9),
        candidate('ams', 9),
        candidate('fra', -1),
      ])?.code,
    ).toBe('ams');
  });

  test('no reachable candidate: undefined', () => {
    expect(fastestCandidate([candidate('fra', -1), candidate('ams', 3, false)])).toBeUndefined();
  });
});
