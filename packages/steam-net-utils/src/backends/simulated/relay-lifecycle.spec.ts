/**
 * The relay network lifecycle through a simulated host: every row of the transition table in
 * relay-lifecycle.ts, every fault and its recovery, and when events are delivered.
 */
import { ManualClock } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_ATTEMPTING as ATTEMPTING,
  NETWORKING_AVAILABILITY_CANNOT_TRY as CANNOT_TRY,
  NETWORKING_AVAILABILITY_CURRENT as CURRENT,
  NETWORKING_AVAILABILITY_FAILED as FAILED,
  NETWORKING_AVAILABILITY_NEVER_TRIED as NEVER_TRIED,
  NETWORKING_AVAILABILITY_PREVIOUSLY as PREVIOUSLY,
  NETWORKING_AVAILABILITY_RETRYING as RETRYING,
  NETWORKING_AVAILABILITY_WAITING as WAITING,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../../constants/index.js';
import {
  CONFIG_FETCH_MS,
  CONFIG_TIMEOUT_MS,
  PING_DATA_REFRESH_AGE_MS,
  RETRY_BACKOFF_MS,
  summarizeAvailability,
} from './relay-lifecycle.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { runFrames, runUntil } from './test-support/drive.js';
import { RecordingSink, tupleOf } from '../../test-support/recording-sink.js';
import { popIdFromCode } from '../../estimator/pop-id.js';

const FRA = popIdFromCode('fra');

function setup(location = 'Frankfurt', seed = 1) {
  const world = new SimulatedWorld({ seed });
  const clock = new ManualClock();
  const network = new SimulatedRelayNetwork({ world, clock, location });
  const sink = new RecordingSink(clock);
  const driven = [{ network, sink }];
  return { world, clock, network, sink, driven };
}

/** Sets up a host whose relay network is CURRENT with data, and clears what it delivered. */
function current(location = 'Frankfurt', seed = 1) {
  const env = setup(location, seed);
  env.network.initRelayNetworkAccess();
  runFrames(env.clock, env.driven, 8000);
  expect(tupleOf(env.network.peekRelayNetworkStatus())).toEqual([CURRENT, 0, CURRENT, CURRENT]);
  env.sink.clear();
  return env;
}

describe('summarizeAvailability', () => {
  it('is the config availability until the config is CURRENT', () => {
    expect(summarizeAvailability(FAILED, CANNOT_TRY, false)).toBe(FAILED);
    expect(summarizeAvailability(RETRYING, WAITING, true)).toBe(RETRYING);
  });

  it('is ATTEMPTING while the relays answer but the first measurement is not done', () => {
    expect(summarizeAvailability(CURRENT, CURRENT, false)).toBe(ATTEMPTING);
    expect(summarizeAvailability(CURRENT, CURRENT, true)).toBe(CURRENT);
  });

  it("is the relays' availability once the config is CURRENT", () => {
    expect(summarizeAvailability(CURRENT, PREVIOUSLY, true)).toBe(PREVIOUSLY);
  });
});

describe('the first initialization (rows 1-5)', () => {
  it('row 1: a new host has never tried, and querying the status does not initialize it', () => {
    const { clock, network, sink, driven } = setup();
    expect(tupleOf(network.getRelayNetworkStatus())).toEqual([
      NEVER_TRIED,
      0,
      NEVER_TRIED,
      NEVER_TRIED,
    ]);
    runFrames(clock, driven, 10_000);
    expect(tupleOf(network.getRelayNetworkStatus())[0]).toBe(NEVER_TRIED);
    expect(sink.statuses()).toEqual([]);
  });

  it('rows 2-5: init goes ATTEMPTING → config CURRENT → a relay CURRENT → CURRENT, one event per change', () => {
    const { clock, network, sink, driven } = setup();
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 8000);
    expect(sink.statusTuples()).toEqual([
      [ATTEMPTING, 1, ATTEMPTING, WAITING],
      [ATTEMPTING, 1, CURRENT, ATTEMPTING],
      [ATTEMPTING, 1, CURRENT, CURRENT],
      [CURRENT, 0, CURRENT, CURRENT],
    ]);
  });

  it('fetches the config in CONFIG_FETCH_MS and completes the measurement a few seconds later', () => {
    const { clock, network, driven } = setup();
    network.initRelayNetworkAccess();
    clock.advance(CONFIG_FETCH_MS - 1);
    expect(network.peekRelayNetworkStatus().availableNetworkConfig).toBe(ATTEMPTING);
    clock.advance(1);
    expect(network.peekRelayNetworkStatus().availableNetworkConfig).toBe(CURRENT);
    const doneAt = runUntil(
      clock,
      driven,
      () => network.peekRelayNetworkStatus().available === CURRENT,
      20_000,
    );
    expect(doneAt).toBeGreaterThanOrEqual(2000);
    expect(doneAt).toBeLessThanOrEqual(6000);
  });

  it('reports a ping measurement in progress from init until the measurement is done', () => {
    const { clock, network, driven, sink } = setup();
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 8000);
    const flags = sink.statuses().map((status) => status.pingMeasurementInProgress);
    expect(flags).toEqual([1, 1, 1, 0]);
  });

  it('first use of the relay network (a ping query) initializes access as init does', () => {
    const { clock, network, sink, driven } = setup();
    expect(network.getDirectPingToPOP(FRA)).toBe(NETWORKING_PING_UNKNOWN);
    runFrames(clock, driven, 8000);
    expect(sink.statusTuples().at(-1)).toEqual([CURRENT, 0, CURRENT, CURRENT]);
    expect(network.getDirectPingToPOP(FRA)).toBeGreaterThan(0);
  });
});

describe('events', () => {
  it('are delivered only by runCallbacks: queries reflect now but queue their events', () => {
    const { clock, network, sink } = setup();
    network.initRelayNetworkAccess();
    clock.advance(8000);
    // The query answers for clock.now() ...
    expect(network.getRelayNetworkStatus().available).toBe(CURRENT);
    // ... and nothing reached the sink.
    expect(sink.events).toEqual([]);
    expect(network.pendingEventCount).toBeGreaterThan(0);
    network.runCallbacks(sink);
    expect(sink.statusTuples().at(-1)).toEqual([CURRENT, 0, CURRENT, CURRENT]);
    expect(network.pendingEventCount).toBe(0);
  });

  it('are not delivered from a timer or a microtask', async () => {
    const { clock, network, sink } = setup();
    network.initRelayNetworkAccess();
    clock.advance(8000);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.events).toEqual([]);
  });

  it('are the same whatever the frame rate (the lifecycle runs on simulated time)', () => {
    const smooth = setup('Sydney', 9);
    const jumpy = setup('Sydney', 9);
    smooth.network.initRelayNetworkAccess();
    jumpy.network.initRelayNetworkAccess();
    runFrames(smooth.clock, smooth.driven, 10_000, 16);
    runFrames(jumpy.clock, jumpy.driven, 10_000, 10_000);
    expect(jumpy.sink.statuses()).toEqual(smooth.sink.statuses());
    const a = new Uint8Array(512);
    const b = new Uint8Array(512);
    smooth.network.getLocalPingLocation(a);
    jumpy.network.getLocalPingLocation(b);
    expect(b).toEqual(a);
  });

  it('caused by a listener during delivery wait for the next runCallbacks', () => {
    const { clock, network } = setup();
    network.setDebugOutputLevel(5);
    const sink = new RecordingSink(clock);
    const record = sink.relayNetworkStatus.bind(sink);
    sink.relayNetworkStatus = (status) => {
      record(status);
      network.setOffline(true); // queues a debug message
    };
    network.initRelayNetworkAccess();
    network.runCallbacks(sink);
    const fault = (): boolean =>
      sink.debugMessages().some((m) => m.message.includes('lost its Internet connection'));
    expect(sink.statuses()).toHaveLength(1);
    expect(fault()).toBe(false);
    network.runCallbacks(sink);
    expect(fault()).toBe(true);
  });

  it('refuses runCallbacks from inside a delivery', () => {
    const { clock, network } = setup();
    const sink = new RecordingSink(clock);
    let error: unknown;
    sink.relayNetworkStatus = () => {
      try {
        network.runCallbacks(new RecordingSink(clock));
      } catch (caught) {
        error = caught;
      }
    };
    network.initRelayNetworkAccess();
    network.runCallbacks(sink);
    expect(error).toMatchObject({ code: 'BACKEND_RUN_CALLBACKS_REENTRANT' });
  });

  it('that a throwing sink did not receive stay queued for the next call', () => {
    const { clock, network } = setup();
    network.initRelayNetworkAccess();
    clock.advance(8000);
    const pending = network.pendingEventCount;
    const failing = new RecordingSink(clock);
    failing.relayNetworkStatus = () => {
      throw new Error('listener failed');
    };
    expect(() => network.runCallbacks(failing)).toThrow('listener failed');
    const sink = new RecordingSink(clock);
    network.runCallbacks(sink);
    // The first status was consumed by the failing sink; the other three arrive now.
    expect(sink.statuses()).toHaveLength(3);
    expect(network.pendingEventCount).toBe(0);
    expect(pending).toBeGreaterThanOrEqual(4);
  });
});

describe('offline before the config is obtained (rows 6-7)', () => {
  it('row 6: the config attempt fails after CONFIG_TIMEOUT_MS: config FAILED, relays CANNOT_TRY', () => {
    const { clock, network, sink, driven } = setup();
    network.setOffline(true);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, CONFIG_TIMEOUT_MS - 50);
    expect(network.peekRelayNetworkStatus().availableNetworkConfig).toBe(ATTEMPTING);
    runFrames(clock, driven, 100);
    expect(sink.statusTuples()).toEqual([
      [ATTEMPTING, 1, ATTEMPTING, WAITING],
      [FAILED, 0, FAILED, CANNOT_TRY],
    ]);
    expect(network.getDirectPingToPOP(FRA)).toBe(NETWORKING_PING_FAILED);
    expect(network.getPOPCount()).toBe(0);
  });

  it('row 7: a retry while still offline goes RETRYING and fails again', () => {
    const { clock, network, sink, driven } = setup();
    network.setOffline(true);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, CONFIG_TIMEOUT_MS + 100);
    sink.clear();
    network.initRelayNetworkAccess();
    runFrames(clock, driven, CONFIG_TIMEOUT_MS + 100);
    expect(sink.statusTuples()).toEqual([
      [RETRYING, 1, RETRYING, WAITING],
      [FAILED, 0, FAILED, CANNOT_TRY],
    ]);
  });

  it('recovers once online: the retry fetches the config and measures', () => {
    const { clock, network, sink, driven } = setup();
    network.setOffline(true);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, CONFIG_TIMEOUT_MS + 100);
    network.setOffline(false);
    sink.clear();
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 8000);
    expect(sink.statusTuples()).toEqual([
      [RETRYING, 1, RETRYING, WAITING],
      [ATTEMPTING, 1, CURRENT, ATTEMPTING],
      [ATTEMPTING, 1, CURRENT, CURRENT],
      [CURRENT, 0, CURRENT, CURRENT],
    ]);
  });

  it('succeeds within the same attempt when the connection comes back before the timeout', () => {
    const { clock, network, driven } = setup();
    network.setOffline(true);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 2000);
    network.setOffline(false);
    runFrames(clock, driven, 1000);
    expect(network.peekRelayNetworkStatus().availableNetworkConfig).toBe(CURRENT);
  });
});

describe('every relay unreachable before the first measurement (rows 8, 11, 12)', () => {
  it('row 8: the measurement gives up: relays FAILED, pings FAILED', () => {
    const { world, clock, network, sink, driven } = setup();
    world.setAllRelaysUnreachable(true);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 8000);
    expect(sink.statusTuples()).toEqual([
      [ATTEMPTING, 1, ATTEMPTING, WAITING],
      [ATTEMPTING, 1, CURRENT, ATTEMPTING],
      [FAILED, 0, CURRENT, FAILED],
    ]);
    expect(network.getDirectPingToPOP(FRA)).toBe(NETWORKING_PING_FAILED);
    expect(network.getPingToDataCenter(FRA)).toEqual({
      ping: NETWORKING_PING_FAILED,
      relayPopId: 0,
    });
    expect(network.getLocalPingLocation(new Uint8Array(512))).toBe(-1);
  });

  it('rows 11-12: after the fault clears, a status query past the back-off retries and succeeds', () => {
    const { world, clock, network, sink, driven } = setup();
    world.setAllRelaysUnreachable(true);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 8000);
    world.setAllRelaysUnreachable(false);
    sink.clear();
    network.getRelayNetworkStatus();
    runFrames(clock, driven, 8000);
    expect(sink.statusTuples()).toEqual([
      [RETRYING, 1, CURRENT, RETRYING],
      // A relay answers, but there is no data yet: the summary waits for the measurement.
      [ATTEMPTING, 1, CURRENT, CURRENT],
      [CURRENT, 0, CURRENT, CURRENT],
    ]);
    expect(network.getDirectPingToPOP(FRA)).toBeGreaterThan(0);
  });

  it('does not retry on a status query before RETRY_BACKOFF_MS has passed', () => {
    const { world, clock, network, sink, driven } = setup();
    world.setAllRelaysUnreachable(true);
    network.initRelayNetworkAccess();
    const failedAt = runUntil(
      clock,
      driven,
      () => network.peekRelayNetworkStatus().availableAnyRelay === FAILED,
      10_000,
    )!;
    sink.clear();
    runFrames(clock, driven, RETRY_BACKOFF_MS - (clock.now() - failedAt) - 100);
    network.getRelayNetworkStatus();
    runFrames(clock, driven, 50);
    expect(sink.statuses()).toEqual([]);
  });

  it('init forces a retry at once, whatever the back-off', () => {
    const { world, clock, network, sink, driven } = setup();
    world.setAllRelaysUnreachable(true);
    network.initRelayNetworkAccess();
    runUntil(
      clock,
      driven,
      () => network.peekRelayNetworkStatus().availableAnyRelay === FAILED,
      10_000,
    );
    sink.clear();
    network.initRelayNetworkAccess();
    network.runCallbacks(sink);
    expect(sink.statusTuples()).toEqual([[RETRYING, 1, CURRENT, RETRYING]]);
  });
});

describe('faults after the relay network is CURRENT (rows 9-13)', () => {
  it('rows 9-10: going offline: keepalives go unanswered, RETRYING, then PREVIOUSLY', () => {
    const { clock, network, sink, driven } = current();
    network.setOffline(true);
    runFrames(clock, driven, 15_000);
    expect(sink.statusTuples()).toEqual([
      [RETRYING, 1, CURRENT, RETRYING],
      [PREVIOUSLY, 0, CURRENT, PREVIOUSLY],
    ]);
    const lost = sink.events.find((event) => event.kind === 'status')!;
    // Detected at the fourth unanswered keepalive round (one a second): 3 to 4 s after.
    expect(lost.atMs - 8000).toBeGreaterThanOrEqual(3000);
    expect(lost.atMs - 8000).toBeLessThanOrEqual(4100);
  });

  it('row 10: while the relays are lost, pings are FAILED but the last location stays, ageing', () => {
    const { clock, network, driven } = current();
    network.setOffline(true);
    runFrames(clock, driven, 15_000);
    expect(network.getDirectPingToPOP(FRA)).toBe(NETWORKING_PING_FAILED);
    expect(network.getPingToDataCenter(FRA).ping).toBe(NETWORKING_PING_FAILED);
    const location = new Uint8Array(512);
    const age = network.getLocalPingLocation(location);
    expect(age).toBeGreaterThan(14);
    expect(location.some((byte) => byte !== 0)).toBe(true);
    expect(network.estimatePingTimeFromLocalHost(location)).toBe(NETWORKING_PING_FAILED);
  });

  it('rows 11-12: back online, the next use after the back-off retries and gets CURRENT again', () => {
    const { clock, network, sink, driven } = current();
    network.setOffline(true);
    runFrames(clock, driven, 15_000);
    network.setOffline(false);
    runFrames(clock, driven, RETRY_BACKOFF_MS);
    sink.clear();
    expect(network.getPingToDataCenter(FRA).ping).toBe(NETWORKING_PING_FAILED);
    runFrames(clock, driven, 5000);
    expect(sink.statusTuples()).toEqual([
      [RETRYING, 1, CURRENT, RETRYING],
      [CURRENT, 1, CURRENT, CURRENT],
      [CURRENT, 0, CURRENT, CURRENT],
    ]);
    expect(network.getPingToDataCenter(FRA).ping).toBeGreaterThan(0);
  });

  it('does not retry in the background: nothing happens while nobody uses the network', () => {
    const { clock, network, sink, driven } = current();
    network.setOffline(true);
    runFrames(clock, driven, 15_000);
    network.setOffline(false);
    sink.clear();
    runFrames(clock, driven, 60_000, 1000);
    expect(sink.statuses()).toEqual([]);
    expect(network.peekRelayNetworkStatus().availableAnyRelay).toBe(PREVIOUSLY);
  });

  it('100% packet loss acts like losing every relay, and clearing it recovers', () => {
    const { clock, network, sink, driven } = current();
    network.setPacketLoss(100);
    runFrames(clock, driven, 15_000);
    expect(sink.statusTuples().at(-1)).toEqual([PREVIOUSLY, 0, CURRENT, PREVIOUSLY]);
    network.setPacketLoss(0);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 5000);
    expect(sink.statusTuples().at(-1)).toEqual([CURRENT, 0, CURRENT, CURRENT]);
  });

  it('every relay unreachable while CURRENT: RETRYING then PREVIOUSLY, and back', () => {
    const { world, clock, network, sink, driven } = current();
    world.setAllRelaysUnreachable(true);
    runFrames(clock, driven, 15_000);
    expect(sink.statusTuples()).toEqual([
      [RETRYING, 1, CURRENT, RETRYING],
      [PREVIOUSLY, 0, CURRENT, PREVIOUSLY],
    ]);
    world.setAllRelaysUnreachable(false);
    network.initRelayNetworkAccess();
    runFrames(clock, driven, 5000);
    expect(sink.statusTuples().at(-1)).toEqual([CURRENT, 0, CURRENT, CURRENT]);
  });

  it('moderate packet loss does not lose the relays', () => {
    const { clock, network, sink, driven } = current();
    network.setPacketLoss(40);
    runFrames(clock, driven, 60_000, 500);
    expect(sink.statuses()).toEqual([]);
  });

  it('row 13: a refresh keeps the summary CURRENT while measuring', () => {
    const { clock, network, sink, driven } = current();
    clock.advance(10_000);
    expect(network.checkPingDataUpToDate(5)).toBe(false);
    runFrames(clock, driven, 5000);
    expect(sink.statusTuples()).toEqual([
      [CURRENT, 1, CURRENT, CURRENT],
      [CURRENT, 0, CURRENT, CURRENT],
    ]);
  });
});

describe('age and refresh', () => {
  it('getLocalPingLocation().age is -1 without data, then grows with the clock', () => {
    const { clock, network, driven } = setup();
    const out = new Uint8Array(512);
    expect(network.getLocalPingLocation(out)).toBe(-1);
    expect(out.every((byte) => byte === 0)).toBe(true);
    runFrames(clock, driven, 8000);
    const first = network.getLocalPingLocation(out);
    clock.advance(12_500);
    expect(network.getLocalPingLocation(out)).toBeCloseTo(first + 12.5, 6);
  });

  it('checkPingDataUpToDate is true for fresh data and false (starting a refresh) for stale data', () => {
    const { clock, network, driven } = current();
    clock.advance(30_000);
    expect(network.checkPingDataUpToDate(60)).toBe(true);
    expect(network.peekRelayNetworkStatus().pingMeasurementInProgress).toBe(0);
    expect(network.checkPingDataUpToDate(10)).toBe(false);
    expect(network.peekRelayNetworkStatus().pingMeasurementInProgress).toBe(1);
    // A measurement in progress is not restarted; it still answers false.
    expect(network.checkPingDataUpToDate(10)).toBe(false);
    runFrames(clock, driven, 5000);
    expect(network.checkPingDataUpToDate(10)).toBe(true);
    expect(network.getLocalPingLocation(new Uint8Array(512))).toBeLessThan(5);
  });

  it('checkPingDataUpToDate starts the first initialization when never tried', () => {
    const { clock, network, driven } = setup();
    expect(network.checkPingDataUpToDate(100)).toBe(false);
    runFrames(clock, driven, 8000);
    expect(network.checkPingDataUpToDate(100)).toBe(true);
  });

  it(`re-measures data older than ${PING_DATA_REFRESH_AGE_MS / 60_000} minutes only when something uses it`, () => {
    const { clock, network, sink, driven } = current();
    runFrames(clock, driven, PING_DATA_REFRESH_AGE_MS + 60_000, 10_000);
    expect(sink.statuses()).toEqual([]);
    const out = new Uint8Array(512);
    expect(network.getLocalPingLocation(out)).toBeGreaterThan(PING_DATA_REFRESH_AGE_MS / 1000);
    runFrames(clock, driven, 5000);
    expect(sink.statusTuples()).toEqual([
      [CURRENT, 1, CURRENT, CURRENT],
      [CURRENT, 0, CURRENT, CURRENT],
    ]);
    expect(network.getLocalPingLocation(out)).toBeLessThan(5);
  });
});

describe('a POP down', () => {
  it('gives FAILED pings for it, leaves it out of the POP list and the location, warns, and recovers', () => {
    const { world, clock, network, sink, driven } = current();
    network.setDebugOutputLevel(5);
    const before = network.getPOPCount();
    world.setPopDown('fra', true);
    runFrames(clock, driven, 100);
    expect(network.getDirectPingToPOP(FRA)).toBe(NETWORKING_PING_FAILED);
    expect(network.getPingToDataCenter(FRA)).toEqual({
      ping: NETWORKING_PING_FAILED,
      relayPopId: 0,
    });
    expect(network.getPOPList()).not.toContain(FRA);
    expect(network.getPOPCount()).toBe(before - 1);
    const out = new Uint8Array(512);
    network.getLocalPingLocation(out);
    expect(network.convertPingLocationToString(out)).not.toMatch(/\bfra=|\/fra\b/);
    expect(sink.debugMessages().map((m) => m.message)).toContainEqual(
      expect.stringContaining('POP fra unreachable'),
    );
    // The other relays still answer: the relay network stays CURRENT.
    runFrames(clock, driven, 10_000);
    expect(tupleOf(network.peekRelayNetworkStatus())).toEqual([CURRENT, 0, CURRENT, CURRENT]);
    world.setPopDown('fra', false);
    expect(network.getDirectPingToPOP(FRA)).toBeGreaterThan(0);
    expect(network.getPOPCount()).toBe(before);
  });
});

describe('moving', () => {
  it('re-measures at the new place; the old location stays until then', () => {
    const { clock, network, driven } = current('Frankfurt', 3);
    const before = network.getDirectPingToPOP(FRA);
    expect(before).toBeLessThan(10);
    network.moveTo('Sydney');
    expect(network.peekRelayNetworkStatus().pingMeasurementInProgress).toBe(1);
    expect(network.getDirectPingToPOP(FRA)).toBe(before);
    runFrames(clock, driven, 8000);
    const after = network.getDirectPingToPOP(FRA);
    expect(after).toBeGreaterThanOrEqual(250);
    expect(after).toBeLessThanOrEqual(300);
    expect(network.host.locationName).toBe('Sydney (Australia)');
  });
});
