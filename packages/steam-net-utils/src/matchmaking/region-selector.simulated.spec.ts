/**
 * Integration: the RegionSelector over the real simulated relay network (a ManualClock, a seed),
 * driven as a game loop drives it: advance a frame, run the callbacks, update.
 */
import { ManualClock, MessageQueue } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_PING_FAILED,
} from '../constants/index.js';
import { createNetworkingUtils } from '../compose/create-networking-utils.js';
import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { SimulationControlsCapability } from '../backends/simulated/simulation-controls.js';
import { popIdFromCode } from '../estimator/pop-id.js';
import { DEFAULT_REGION_MIN_BETTER_MS, RegionSelector } from './region-selector.js';

const FRAME_MS = 50;

function setUp(options: { frameUpdates?: boolean } = {}) {
  const clock = new ManualClock();
  const networkingUtils = createNetworkingUtils({
    backend: simulatedBackend({ location: 'Frankfurt', seed: 4 }),
    gameClock: clock,
    messageQueue: new MessageQueue(),
  });
  const network = networkingUtils.capability(SimulationControlsCapability);
  if (network === undefined) throw new Error('expected the simulation');
  const selector = new RegionSelector(networkingUtils, { clock });
  const changes: { at: number; code: string; ping: number; reason: string }[] = [];
  selector.signals.region_changed.connect((_popId, code, ping, reason) => {
    changes.push({ at: clock.now(), code, ping, reason });
  });
  /** When each measurement finished (relay_network_status with ping_measurement back to 0). */
  const measured: number[] = [];
  let measuring = false;
  networkingUtils.signals.relay_network_status.connect((_available, pingMeasurement) => {
    if (measuring && pingMeasurement === 0) measured.push(clock.now());
    measuring = pingMeasurement !== 0;
  });
  const run = (ms: number): void => {
    for (let t = 0; t < ms; t += FRAME_MS) {
      clock.advance(FRAME_MS);
      networkingUtils.runCallbacks();
      if (options.frameUpdates !== false) selector.update();
    }
  };
  const forcedCluster = () =>
    networkingUtils.getConfigValueTyped(
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
    ).value;
  networkingUtils.initRelayNetworkAccess();
  return { clock, networkingUtils, network, selector, changes, measured, run, forcedCluster };
}

describe('RegionSelector over the simulated relay network (integration)', () => {
  it('picks the nearest POP when relay_network_status reports CURRENT, with no update() call', () => {
    const { networkingUtils, selector, changes, run } = setUp({ frameUpdates: false });
    run(10_000);
    expect(networkingUtils.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_CURRENT);
    expect(changes.map((c) => `${c.code}:${c.reason}`)).toEqual(['fra:initial']);
    expect(selector.current?.ping).toBe(changes[0]!.ping);
    expect(selector.candidates[0]!.code).toBe('fra');
  });

  it('after the player moves to Sydney, switches to syd minBetterMs after the new pings', () => {
    const { network, changes, measured, run } = setUp();
    run(10_000);
    network.moveTo('Sydney');
    const movedAt = measured.length;
    run(15_000);
    const remeasured = measured[movedAt]!;
    expect(changes.map((c) => `${c.code}:${c.reason}`)).toEqual(['fra:initial', 'syd:better']);
    const switchedAt = changes[1]!.at;
    expect(switchedAt - remeasured).toBeGreaterThanOrEqual(DEFAULT_REGION_MIN_BETTER_MS);
    expect(switchedAt - remeasured).toBeLessThan(DEFAULT_REGION_MIN_BETTER_MS + FRAME_MS);
  });

  it('pin forces the relay cluster in the simulation; unpin clears it and returns to the best', () => {
    const { selector, changes, run, forcedCluster } = setUp();
    run(10_000);
    selector.pin('ams');
    expect(forcedCluster()).toBe('ams');
    run(10_000);
    // Measured again through the forced cluster: every route now enters at ams.
    const reachable = selector.candidates.filter((c) => c.reachable);
    expect(reachable.length).toBeGreaterThan(1);
    expect(new Set(reachable.map((c) => c.relayPopId))).toEqual(new Set([popIdFromCode('ams')]));
    expect(selector.current).toMatchObject({ code: 'ams', pinned: true });
    selector.unpin();
    expect(forcedCluster()).toBe('');
    // At once: the route pings still go through ams, so the choice comes from the direct pings.
    expect(selector.current).toMatchObject({ code: 'fra', pinned: false });
    run(10_000);
    expect(changes.map((c) => `${c.code}:${c.reason}`).slice(1)).toEqual([
      'ams:pinned',
      'fra:unpinned',
    ]);
    // Measured again without the pin: fra's route ping is its own again.
    expect(selector.current!.ping).toBe(selector.candidates.find((c) => c.code === 'fra')!.ping);
  });

  it('returns to the nearest POP at once after unpinning a far one, and holds it', () => {
    const { selector, changes, run } = setUp();
    run(10_000);
    selector.pin('sgp');
    run(10_000);
    expect(selector.current).toMatchObject({ code: 'sgp', pinned: true });
    const unpinnedAt = changes.length;
    selector.unpin();
    expect(selector.current?.code).toBe('fra');
    expect(selector.current!.ping).toBeLessThan(30);
    run(10_000);
    expect(changes.slice(unpinnedAt).map((c) => `${c.code}:${c.reason}`)).toEqual(['fra:unpinned']);
  });

  it('switches at once, reason unreachable, when the current POP goes down', () => {
    const { network, selector, changes, run } = setUp();
    run(10_000);
    network.world.setPopDown('fra', true);
    const downAt = network.now;
    run(1_000);
    const last = changes.at(-1)!;
    expect(last.reason).toBe('unreachable');
    expect(last.code).not.toBe('fra');
    expect(last.at - downAt).toBeLessThanOrEqual(500 + FRAME_MS); // one refresh interval
    expect(selector.unreachable).toEqual(['fra']);
  });

  it('reports no region and every POP unreachable once the player is offline', () => {
    const { network, selector, changes, run } = setUp();
    run(10_000);
    const popCount = selector.candidates.length;
    network.setOffline(true);
    run(30_000);
    expect(changes.at(-1)).toMatchObject({
      code: '',
      ping: NETWORKING_PING_FAILED,
      reason: 'unreachable',
    });
    expect(selector.current).toBeUndefined();
    expect(selector.unreachable).toHaveLength(popCount);
  });
});
