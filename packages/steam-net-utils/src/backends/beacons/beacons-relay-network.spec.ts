import { popMeasurementsCommand } from '../../console/pop-measurements-command.js';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { CommandRegistry, ManualClock, SystemClock } from '@relaylane/core';
import WebSocket from 'ws';

import {
  NETWORKING_AVAILABILITY_ATTEMPTING,
  NETWORKING_AVAILABILITY_CANNOT_TRY,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_FAILED,
  NETWORKING_AVAILABILITY_NEVER_TRIED,
  NETWORKING_AVAILABILITY_PREVIOUSLY,
  NETWORKING_AVAILABILITY_RETRYING,
  NETWORKING_AVAILABILITY_WAITING,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  RESULT_INVALID_PARAM,
  RESULT_NO_MATCH,
} from '../../constants/index.js';
import { parse } from '../../estimator/ping-location-text.js';
import { RegionSelector } from '../../matchmaking/region-selector.js';
import { NetworkingUtils } from '../../service/networking-utils.js';
import { popIdFromCode } from '../../estimator/pop-id.js';
import {
  ConsoleCommandsCapability,
  PopDirectoryCapability,
} from '../../port/backend-capability.js';
import { PING_LOCATION_BYTES } from '../../port/networking-utils-backend.js';
import { RecordingSink, tupleOf } from '../../test-support/recording-sink.js';
import { PopMeasurementsCapability } from '../../port/pop-measurements.js';
import { type BeaconListing } from './beacon-network.js';
import { BeaconsOptionsError, createBeaconsNetwork } from './beacons-backend-provider.js';
import { type BeaconsHarness, beaconsHarness } from './test-support/beacons-harness.js';
import { type EmulatedBeacon, startEmulatedBeacon } from './test-support/emulated-beacon.js';
import { WebSocketProbeTransport } from './websocket-probe-transport.js';

/**
 * Emulated delays are added by timers on a shared, noisy machine: a measured ping is at least the
 * emulated delay and at most this much above it (the median of three probes).
 */
const TOLERANCE_MS = 25;

const FRA = { code: 'fra', desc: 'Frankfurt', geo: [8.68, 50.12] as const };
const LHR = { code: 'lhr', desc: 'London', geo: [-0.45, 51.47] as const };
const SGP = { code: 'sgp', desc: 'Singapore', geo: [103.99, 1.36] as const };

const id = (code: string): number => popIdFromCode(code);

const started: EmulatedBeacon[] = [];
async function beacon(delayMs: number, options: { loss?: number } = {}): Promise<EmulatedBeacon> {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % 10_000) / 10_000;
  const started_ = await startEmulatedBeacon({ delayMs, ...options, random });
  started.push(started_);
  return started_;
}
const harnesses: BeaconsHarness[] = [];
function harness(...args: Parameters<typeof beaconsHarness>): BeaconsHarness {
  const made = beaconsHarness(...args);
  harnesses.push(made);
  return made;
}
afterEach(async () => {
  for (const made of harnesses.splice(0)) made.network.shutdown();
  await Promise.all(started.splice(0).map((each) => each.close()));
});

function current(h: BeaconsHarness): () => boolean {
  return () => h.network.getRelayNetworkStatus().available === NETWORKING_AVAILABILITY_CURRENT;
}

function expectNear(measured: number, delayMs: number): void {
  expect(measured).toBeGreaterThanOrEqual(delayMs);
  expect(measured).toBeLessThanOrEqual(delayMs + TOLERANCE_MS);
}

describe('BeaconsRelayNetwork over UDP', () => {
  it('measures pings that match the emulated delays, and lists the beacons as POPs', async () => {
    const [fra, lhr, sgp] = [await beacon(5), await beacon(20), await beacon(60)];
    const h = harness({
      beacons: [
        { ...FRA, udp: fra.udp },
        { ...LHR, udp: lhr.udp },
        { ...SGP, udp: sgp.udp },
      ],
    });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    expect(await h.runUntil(sink, current(h))).toBe(true);
    expect(h.network.getPOPList().sort()).toEqual([id('fra'), id('lhr'), id('sgp')].sort());
    expect(h.network.getPOPCount()).toBe(3);
    expectNear(h.network.getDirectPingToPOP(id('fra')), 5);
    expectNear(h.network.getDirectPingToPOP(id('lhr')), 20);
    expectNear(h.network.getDirectPingToPOP(id('sgp')), 60);
    expect(h.network.getDirectPingToPOP(id('ams'))).toBe(NETWORKING_PING_UNKNOWN);
    // The statuses went through the documented values, delivered by runCallbacks only.
    const tuples = sink.statusTuples();
    expect(tuples[0]).toEqual([
      NETWORKING_AVAILABILITY_ATTEMPTING,
      1,
      NETWORKING_AVAILABILITY_CURRENT,
      NETWORKING_AVAILABILITY_ATTEMPTING,
    ]);
    expect(tuples.at(-1)).toEqual([
      NETWORKING_AVAILABILITY_CURRENT,
      0,
      NETWORKING_AVAILABILITY_CURRENT,
      NETWORKING_AVAILABILITY_CURRENT,
    ]);
    expect(h.network.describePop(id('sgp'))).toEqual({
      code: 'sgp',
      description: 'Singapore',
      lat: 1.36,
      lon: 103.99,
    });
    expect(h.network.capability(PopDirectoryCapability)).toBe(h.network);
  });

  it("writes the local location in Steam's grammar with the beacon codes, with an age", async () => {
    const [fra, lhr] = [await beacon(5), await beacon(20)];
    const h = harness({
      beacons: [
        { ...FRA, udp: fra.udp },
        { ...LHR, udp: lhr.udp },
      ],
    });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(sink, current(h));
    const bytes = new Uint8Array(PING_LOCATION_BYTES);
    expect(h.network.getLocalPingLocation(bytes)).toBe(0);
    const text = h.network.convertPingLocationToString(bytes);
    const location = parse(text);
    expect(location.ok).toBe(true);
    expect(text.startsWith('fra=')).toBe(true);
    h.clock.advance(12_000);
    expect(h.network.getLocalPingLocation(bytes)).toBe(12);
    // Its own location is as far as its nearest beacon, there and back.
    const self = h.network.estimatePingTimeFromLocalHost(bytes);
    expect(self).toBeGreaterThanOrEqual(10);
    expect(self).toBeLessThanOrEqual(10 + 2 * TOLERANCE_MS);
  });

  it('routes to a data center through another beacon when the backbone makes that faster', async () => {
    // sgp answers slowly (150 ms) but is 20 ms from fra over the backbone: fra's relay wins.
    const [fra, sgp] = [await beacon(5), await beacon(150)];
    const config = JSON.stringify({
      pops: {
        fra: { desc: FRA.desc, geo: FRA.geo, probe: { udp: fra.udp } },
        sgp: { desc: SGP.desc, geo: SGP.geo, probe: { udp: sgp.udp } },
      },
      typical_pings: [['fra', 'sgp', 20]],
    });
    const h = harness({
      networkConfigUrl: 'http://127.0.0.1:9/network-config',
      fetchConfig: () => Promise.resolve(config),
    });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(sink, current(h));
    const route = h.network.getPingToDataCenter(id('sgp'));
    expect(route.relayPopId).toBe(id('fra'));
    expectNear(route.ping, 25);
    expect(h.network.getPingToDataCenter(id('fra')).relayPopId).toBe(id('fra'));
    // Forced through sgp (a region selector's pin): fra is reached through sgp's beacon.
    const scope = NETWORKING_CONFIG_SCOPE_GLOBAL;
    const type = NETWORKING_CONFIG_TYPE_STRING;
    expect(
      h.network.setConfigValue(
        NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
        scope,
        0,
        type,
        'sgp',
      ),
    ).toBe(true);
    const forced = h.network.getPingToDataCenter(id('fra'));
    expect(forced.relayPopId).toBe(id('sgp'));
    expectNear(forced.ping, 170);
    h.network.setConfigValue(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, scope, 0, type, '');
    expect(h.network.getPingToDataCenter(id('fra')).relayPopId).toBe(id('fra'));
  });

  it('estimates between two players in different regions over the measured backbone', async () => {
    // Player A is near fra, player B near sgp; the backbone fra–sgp is 160 ms.
    const nearA = await beacon(5);
    const farA = await beacon(170);
    const nearB = await beacon(5);
    const farB = await beacon(170);
    const pops = (fraUdp: string, sgpUdp: string): string =>
      JSON.stringify({
        pops: {
          fra: { desc: FRA.desc, geo: FRA.geo, probe: { udp: fraUdp } },
          sgp: { desc: SGP.desc, geo: SGP.geo, probe: { udp: sgpUdp } },
        },
        typical_pings: [['fra', 'sgp', 160]],
      });
    const url = 'http://127.0.0.1:9/network-config';
    const a = harness({
      networkConfigUrl: url,
      fetchConfig: () => Promise.resolve(pops(nearA.udp, farA.udp)),
    });
    const b = harness({
      networkConfigUrl: url,
      fetchConfig: () => Promise.resolve(pops(farB.udp, nearB.udp)),
    });
    const sink = new RecordingSink();
    a.network.initRelayNetworkAccess();
    b.network.initRelayNetworkAccess();
    await a.runUntil(sink, current(a));
    await b.runUntil(sink, current(b));
    const locationA = new Uint8Array(PING_LOCATION_BYTES);
    const locationB = new Uint8Array(PING_LOCATION_BYTES);
    a.network.getLocalPingLocation(locationA);
    b.network.getLocalPingLocation(locationB);
    const between = a.network.estimatePingTimeBetweenTwoLocations(locationA, locationB);
    expect(between).toBeGreaterThanOrEqual(170);
    expect(between).toBeLessThanOrEqual(170 + 2 * TOLERANCE_MS);
    expect(b.network.estimatePingTimeBetweenTwoLocations(locationB, locationA)).toBe(between);
    const fromA = a.network.estimatePingTimeFromLocalHost(locationB);
    expect(fromA).toBeGreaterThanOrEqual(170);
    expect(fromA).toBeLessThanOrEqual(between);
  });

  it('gives FAILED for a beacon that is down, and its ping again once it answers', async () => {
    const [fra, lhr] = [await beacon(5), await beacon(20)];
    const h = harness({
      beacons: [
        { ...FRA, udp: fra.udp },
        { ...LHR, udp: lhr.udp },
      ],
      retryIntervalMs: 1000,
    });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(sink, current(h));
    lhr.setDown(true);
    h.clock.advance(2000);
    expect(h.network.checkPingDataUpToDate(1)).toBe(false);
    expect(
      await h.runUntil(
        sink,
        () => h.network.getDirectPingToPOP(id('lhr')) === NETWORKING_PING_FAILED,
      ),
    ).toBe(true);
    expect(h.network.getRelayNetworkStatus().available).toBe(NETWORKING_AVAILABILITY_CURRENT);
    expect(h.network.getRelayNetworkStatus().debugMessage).toBe('Beacons not answering: lhr');
    expect(h.network.getPingToDataCenter(id('lhr'))).toEqual({
      ping: NETWORKING_PING_FAILED,
      relayPopId: 0,
    });
    const bytes = new Uint8Array(PING_LOCATION_BYTES);
    h.network.getLocalPingLocation(bytes);
    expect(h.network.convertPingLocationToString(bytes)).not.toContain('lhr');
    lhr.setDown(false);
    // Recovery: a beacon that did not answer is tried again every retryIntervalMs of game time.
    expect(await h.runUntil(sink, () => h.network.getDirectPingToPOP(id('lhr')) >= 20)).toBe(true);
  });

  it('does not retry early for a beacon the transport cannot reach', async () => {
    const fra = await beacon(5);
    // lhr lists no endpoint this transport carries: it is a POP, never probed, not a fault.
    const h = harness({ beacons: [{ ...FRA, udp: fra.udp }, { ...LHR }], retryIntervalMs: 1000 });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    expect(await h.runUntil(sink, current(h))).toBe(true);
    expect(h.network.getDirectPingToPOP(id('lhr'))).toBe(NETWORKING_PING_FAILED);
    const samples = (): number => h.network.statistics()[0]!.samples;
    const afterFirstRound = samples();
    // Well past retryIntervalMs, short of refreshIntervalMs (60 s): no new round.
    await h.runUntil(sink, () => false, 1000, 10);
    expect(samples()).toBe(afterFirstRound);
  });

  it('reports FAILED, then PREVIOUSLY, when no beacon answers, and recovers', async () => {
    const fra = await beacon(5);
    fra.setDown(true);
    const h = harness({ beacons: [{ ...FRA, udp: fra.udp }], retryIntervalMs: 1000 });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    const failed = (): boolean =>
      h.network.getRelayNetworkStatus().available === NETWORKING_AVAILABILITY_FAILED;
    expect(await h.runUntil(sink, failed, 10)).toBe(true);
    expect(tupleOf(h.network.getRelayNetworkStatus())).toEqual([
      NETWORKING_AVAILABILITY_FAILED,
      0,
      NETWORKING_AVAILABILITY_CURRENT,
      NETWORKING_AVAILABILITY_FAILED,
    ]);
    expect(h.network.getDirectPingToPOP(id('fra'))).toBe(NETWORKING_PING_FAILED);
    expect(h.network.getRelayNetworkStatus().debugMessage).toBe('No beacon answers');
    fra.setDown(false);
    expect(await h.runUntil(sink, current(h))).toBe(true);
    fra.setDown(true);
    h.clock.advance(2000);
    expect(h.network.checkPingDataUpToDate(1)).toBe(false);
    const previously = (): boolean =>
      h.network.getRelayNetworkStatus().available === NETWORKING_AVAILABILITY_PREVIOUSLY;
    expect(await h.runUntil(sink, previously, 10)).toBe(true);
    expect(sink.statusTuples().map(([available]) => available)).toContain(
      NETWORKING_AVAILABILITY_RETRYING,
    );
  });

  it('applies the fake lag and loss config values to the probes', async () => {
    const fra = await beacon(5);
    const h = harness({ beacons: [{ ...FRA, udp: fra.udp }], probesPerBeacon: 10 });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(sink, current(h));
    const global = NETWORKING_CONFIG_SCOPE_GLOBAL;
    expect(
      h.network.setConfigValue(
        NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
        global,
        0,
        NETWORKING_CONFIG_TYPE_INT32,
        50,
      ),
    ).toBe(true);
    // A new fake condition measures again at once, without being asked.
    expect(await h.runUntil(sink, () => h.network.getDirectPingToPOP(id('fra')) >= 55)).toBe(true);
    expectNear(h.network.getDirectPingToPOP(id('fra')), 55);
    h.network.setConfigValue(
      NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV,
      global,
      0,
      NETWORKING_CONFIG_TYPE_FLOAT,
      100,
    );
    expect(
      await h.runUntil(
        sink,
        () => h.network.getDirectPingToPOP(id('fra')) === NETWORKING_PING_FAILED,
      ),
    ).toBe(true);
    const [statistics] = h.network.statistics();
    expect(statistics!.loss).toBeGreaterThan(0);
  });

  it('offers per-POP statistics: median, p90, loss, jitter, samples', async () => {
    const fra = await beacon(10, { loss: 0.3 });
    const h = harness({ beacons: [{ ...FRA, udp: fra.udp }], probesPerBeacon: 20 });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(sink, current(h));
    const measurements = h.network.capability(PopMeasurementsCapability)!;
    const [fraStatistics] = measurements.statistics();
    expect(fraStatistics).toMatchObject({
      code: 'fra',
      popId: id('fra'),
      samples: 20,
      down: false,
    });
    expect(fraStatistics!.loss).toBeGreaterThan(0.05);
    expect(fraStatistics!.loss).toBeLessThan(0.7);
    expectNear(fraStatistics!.medianMs!, 10);
    expect(fraStatistics!.p90Ms!).toBeGreaterThanOrEqual(fraStatistics!.medianMs!);
    expect(fraStatistics!.jitterMs!).toBeGreaterThanOrEqual(0);
    expect(measurements.transportName).toBe('udp+websocket');
    // The dev console shows the same through `net.beacons`, over the same capability.
    const registry = new CommandRegistry();
    registry.register(popMeasurementsCommand(measurements));
    expect(h.network.capability(ConsoleCommandsCapability)).toBeUndefined();
    const result = await registry.execute('net.beacons');
    expect(result.ok).toBe(true);
    expect(result.output[0]).toBe('probes over udp+websocket');
    expect(result.output[1]).toMatch(
      /^fra {2}ping \d+ms; median \d+ms, p90 \d+ms, loss \d+%, jitter \d+ms, 20 samples$/,
    );
  });
});

describe('BeaconsRelayNetwork and the region selector', () => {
  it('lets the region selector weigh loss: 80 ms without loss beats 10 ms with 40 %', async () => {
    const lossy = await beacon(10, { loss: 0.4 });
    const clean = await beacon(80);
    const h = harness({
      beacons: [
        { ...FRA, udp: lossy.udp },
        { ...LHR, udp: clean.udp },
      ],
      probesPerBeacon: 20,
    });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(sink, current(h));
    const service = new NetworkingUtils(h.network);
    const byPing = new RegionSelector(service, { clock: h.clock, refreshIntervalMs: 0 });
    const byPingAndLoss = new RegionSelector(service, {
      clock: h.clock,
      refreshIntervalMs: 0,
      lossPenaltyMs: 10,
    });
    byPing.update();
    byPingAndLoss.update();
    expect(byPing.current?.code).toBe('fra');
    expect(byPingAndLoss.current?.code).toBe('lhr');
    const fraCandidate = byPingAndLoss.candidates.find((candidate) => candidate.code === 'fra')!;
    expect(fraCandidate.loss).toBeGreaterThan(0.1);
    expect(fraCandidate.score).toBeCloseTo(fraCandidate.ping + 10 * 100 * fraCandidate.loss!, 6);
    byPing.dispose();
    byPingAndLoss.dispose();
  });
});

describe('BeaconsRelayNetwork network config', () => {
  let server: Server;
  let serve: { status: number; body: string };
  let url: string;
  beforeEach(async () => {
    serve = { status: 500, body: 'down' };
    server = createServer((_request, response) => response.writeHead(serve.status).end(serve.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/network-config`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reports a config that cannot be fetched, retries, and comes up when it can', async () => {
    const fra = await beacon(5);
    const h = harness({ networkConfigUrl: url, retryIntervalMs: 1000 });
    const sink = new RecordingSink();
    expect(tupleOf(h.network.getRelayNetworkStatus())).toEqual([
      NETWORKING_AVAILABILITY_NEVER_TRIED,
      0,
      NETWORKING_AVAILABILITY_NEVER_TRIED,
      NETWORKING_AVAILABILITY_NEVER_TRIED,
    ]);
    h.network.initRelayNetworkAccess();
    expect(tupleOf(h.network.getRelayNetworkStatus())).toEqual([
      NETWORKING_AVAILABILITY_ATTEMPTING,
      0,
      NETWORKING_AVAILABILITY_ATTEMPTING,
      NETWORKING_AVAILABILITY_WAITING,
    ]);
    const failed = (): boolean =>
      h.network.getRelayNetworkStatus().availableNetworkConfig === NETWORKING_AVAILABILITY_FAILED;
    expect(await h.runUntil(sink, failed, 10)).toBe(true);
    expect(tupleOf(h.network.getRelayNetworkStatus())).toEqual([
      NETWORKING_AVAILABILITY_FAILED,
      0,
      NETWORKING_AVAILABILITY_FAILED,
      NETWORKING_AVAILABILITY_CANNOT_TRY,
    ]);
    expect(h.network.getRelayNetworkStatus().debugMessage).toContain('HTTP 500');
    expect(h.network.getPOPCount()).toBe(0);
    expect(h.network.getDirectPingToPOP(id('fra'))).toBe(NETWORKING_PING_UNKNOWN);
    serve = {
      status: 200,
      body: JSON.stringify({
        pops: { fra: { desc: 'Frankfurt', geo: FRA.geo, probe: { udp: fra.udp } } },
      }),
    };
    expect(await h.runUntil(sink, current(h))).toBe(true);
    expect(sink.statusTuples().map((tuple) => tuple[2])).toContain(
      NETWORKING_AVAILABILITY_RETRYING,
    );
    expect(h.network.getPOPList()).toEqual([id('fra')]);
  });

  it('fetches the config again now and then: new beacons appear, a failed refresh keeps it', async () => {
    const [fra, lhr] = [await beacon(5), await beacon(20)];
    const pop = (udp: string, geo: readonly number[]) => ({ desc: 'x', geo, probe: { udp } });
    serve = { status: 200, body: JSON.stringify({ pops: { fra: pop(fra.udp, FRA.geo) } }) };
    const h = harness({ networkConfigUrl: url, configRefreshIntervalMs: 10_000 });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    expect(await h.runUntil(sink, current(h))).toBe(true);
    expect(h.network.getPOPCount()).toBe(1);
    // The refresh fails: the config in use stays, with its ping.
    serve = { status: 503, body: 'busy' };
    h.clock.advance(10_000);
    h.network.runCallbacks(sink);
    await h.network.whenIdle();
    h.network.runCallbacks(sink);
    expect(h.network.getPOPCount()).toBe(1);
    expect(h.network.getRelayNetworkStatus().available).toBe(NETWORKING_AVAILABILITY_CURRENT);
    // A beacon joins: the next refresh lists it, and a round measures it.
    serve = {
      status: 200,
      body: JSON.stringify({ pops: { fra: pop(fra.udp, FRA.geo), lhr: pop(lhr.udp, LHR.geo) } }),
    };
    expect(await h.runUntil(sink, () => h.network.getDirectPingToPOP(id('lhr')) >= 20, 1000)).toBe(
      true,
    );
    expect(h.network.getPOPCount()).toBe(2);
  });

  it('reports a config that is not a network config, with the reason', async () => {
    serve = { status: 200, body: '{"not":"a config"}' };
    const h = harness({ networkConfigUrl: url });
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(
      sink,
      () =>
        h.network.getRelayNetworkStatus().availableNetworkConfig === NETWORKING_AVAILABILITY_FAILED,
      10,
    );
    expect(h.network.getRelayNetworkStatus().debugMessage).toContain("'pops'");
  });
});

describe('BeaconsRelayNetwork over WebSocket', () => {
  it('measures the echo of an open connection (the handshake is not counted)', async () => {
    const fra = await beacon(15);
    const h = harness(
      { beacons: [{ ...FRA, ws: fra.ws }] },
      (now) => new WebSocketProbeTransport(WebSocket as never, now),
    );
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    expect(await h.runUntil(sink, current(h))).toBe(true);
    expectNear(h.network.getDirectPingToPOP(id('fra')), 15);
    // Three probes were measured, and one warm-up echo was sent first and discarded.
    expect(fra.answered).toBe(4);
    expect(h.network.statistics()[0]!.samples).toBe(3);
  });

  it('gives FAILED when the WebSocket beacon does not answer', async () => {
    const fra = await beacon(5);
    fra.setDown(true);
    const h = harness(
      { beacons: [{ ...FRA, ws: fra.ws }] },
      (now) => new WebSocketProbeTransport(WebSocket as never, now),
    );
    const sink = new RecordingSink();
    h.network.initRelayNetworkAccess();
    await h.runUntil(
      sink,
      () => h.network.getRelayNetworkStatus().available === NETWORKING_AVAILABILITY_FAILED,
      10,
    );
    expect(h.network.getDirectPingToPOP(id('fra'))).toBe(NETWORKING_PING_FAILED);
  });
});

describe('BeaconsRelayNetwork: the rest of the surface', () => {
  it('has no FakeIP service: a FakeIP matches nothing, another address is invalid', () => {
    const h = harness({ beacons: [{ ...FRA, udp: '127.0.0.1:9' }] });
    expect(h.network.getRealIdentityForFakeIP(0xa9fe0001, 1)).toEqual({
      result: RESULT_NO_MATCH,
      steamId: 0n,
    });
    expect(h.network.getRealIdentityForFakeIP(0x7f000001, 1)).toEqual({
      result: RESULT_INVALID_PARAM,
      steamId: 0n,
    });
  });

  it('refuses options that make no backend, with a typed error', () => {
    const environment = {
      gameClock: new ManualClock(),
      realTimeClock: new SystemClock(),
      log: () => undefined,
    };
    const codeOf = (options: object, transport = true): string => {
      try {
        createBeaconsNetwork(options, environment, () =>
          transport ? new WebSocketProbeTransport(WebSocket as never) : undefined,
        );
        return 'created';
      } catch (error) {
        return error instanceof BeaconsOptionsError
          ? `${error.code}: ${error.message}`
          : String(error);
      }
    };
    expect(codeOf({})).toMatch(/^BEACONS_OPTIONS_INVALID: .*networkConfigUrl/);
    expect(codeOf({ networkConfigUrl: 'ftp://x/' })).toMatch(/^BEACONS_OPTIONS_INVALID: .*http/);
    expect(codeOf({ networkConfigUrl: 'http://127.0.0.1:9/', probesPerBeacon: 0 })).toMatch(
      /^BEACONS_OPTIONS_INVALID: .*probesPerBeacon/,
    );
    expect(codeOf({ networkConfigUrl: 'http://127.0.0.1:9/' }, false)).toMatch(
      /^BEACONS_NO_TRANSPORT: /,
    );
    for (const [listing, field] of [
      [null, 'is not an object'],
      [{ udp: '127.0.0.1:9' }, 'has no code string'],
      [{ code: 'fra', udp: 3075 }, 'udp endpoint'],
      [{ code: 'fra', ws: {} }, 'ws URL'],
      [{ code: 'fra', geo: [8.68] }, 'geo'],
      [{ code: 'fra', geo: [NaN, 50] }, 'geo'],
      [{ code: 'fra', desc: 1 }, 'desc'],
    ] as const) {
      expect(codeOf({ beacons: [listing] })).toMatch(
        new RegExp(`^BEACONS_OPTIONS_INVALID: beaconsBackend: beacons\\[0\\] .*${field}`),
      );
    }
    const listed: BeaconListing[] = [{ code: 'fra', udp: '127.0.0.1:9' }];
    // A listed beacon needs coordinates: the backbone between unmeasured pairs is filled from them.
    expect(codeOf({ beacons: listed })).toMatch(/^BEACONS_OPTIONS_INVALID: .*beacons\[0\].*'geo'/);
  });
});
