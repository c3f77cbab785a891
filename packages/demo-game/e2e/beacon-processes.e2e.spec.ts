/**
 * End-to-end through the whole stack, as a studio and its players run it: three beacons as real processes (the built
 * `relaylane-beacon` bin) on 127.0.0.1, each delaying its echoes by a region's round trip in user
 * space, meshed as peers; Node clients on the beacons backend (`@relaylane/steam-net-utils/beacons`,
 * UDP) reading the mesh's network config from one of them. A second client "in another region"
 * sees the beacons through delaying proxies. Game time is a manual clock; the probes and the
 * beacons' own measurements are real round trips, each wait bounded.
 */
import { ManualClock } from '@relaylane/core';
import { createNetworkingUtils, type NetworkingUtils } from '@relaylane/steam-net-utils';
import { beaconsBackend, PopMeasurementsCapability } from '@relaylane/steam-net-utils/beacons';
import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_FAILED,
  NETWORKING_PING_FAILED,
  popIdFromCode,
} from '@relaylane/steam-net-utils';

import { type BeaconProcess, startBeaconProcess } from './support/beacon-process.js';
import { startUdpDelayProxy, type UdpDelayProxy } from './support/udp-delay-proxy.js';

jest.setTimeout(60_000);

/**
 * A ping is the median of a round of UDP echoes, each delayed by a timer on a shared machine: at
 * least the emulated delay, and at most this much above it.
 */
const TOLERANCE_MS = 25;

const REGIONS = [
  { code: 'sgp', geo: '103.99,1.36', delayMs: 80 },
  { code: 'lhr', geo: '-0.45,51.47', delayMs: 25 },
  { code: 'fra', geo: '8.68,50.12', delayMs: 8 },
] as const;

const beacons = new Map<string, BeaconProcess>();
const services: NetworkingUtils[] = [];
const proxies: UdpDelayProxy[] = [];

function beaconArgs(code: string, geo: string, delayMs: number, peers: string[]): string[] {
  return [
    '--code',
    code,
    '--geo',
    geo,
    '--emulate-delay-ms',
    String(delayMs),
    '--peer-probe-interval-ms',
    '200',
    '--peer-refresh-interval-ms',
    '1000',
    ...(peers.length > 0 ? ['--peers', peers.join(',')] : []),
  ];
}

/** A client on the beacons backend, and a way to run its frames until a condition holds. */
function client(options: Parameters<typeof beaconsBackend>[0]): {
  service: NetworkingUtils;
  runUntil(done: () => boolean, stepMs?: number): Promise<boolean>;
} {
  const clock = new ManualClock();
  const service = createNetworkingUtils({
    backend: beaconsBackend({ probesPerBeacon: 3, probeTimeoutMs: 500, ...options }),
    gameClock: clock,
    log: () => undefined,
  });
  services.push(service);
  const measurements = service.capability(PopMeasurementsCapability)!;
  return {
    service,
    async runUntil(done, stepMs = 250) {
      for (let frame = 0; frame < 200 && !done(); frame++) {
        clock.advance(stepMs);
        await measurements.whenIdle();
        service.runCallbacks();
      }
      return done();
    },
  };
}

const current = (service: NetworkingUtils) => () =>
  service.getRelayNetworkStatus() === NETWORKING_AVAILABILITY_CURRENT;

function configUrl(): string {
  return `${beacons.get('fra')!.httpUrl}/network-config`;
}

/** The codes of the POPs in fra's network config, and the pairs it publishes. */
async function meshSeenByFra(): Promise<{ pops: string[]; pairs: number }> {
  const config = (await (await fetch(configUrl())).json()) as {
    pops: Record<string, unknown>;
    typical_pings: unknown[];
  };
  return { pops: Object.keys(config.pops).sort(), pairs: config.typical_pings.length };
}

beforeAll(async () => {
  // sgp and lhr first; fra lists them as peers, so fra's network config is the whole mesh.
  for (const { code, geo, delayMs } of REGIONS) {
    const peers = [...beacons.values()].map((beacon) => beacon.httpUrl);
    beacons.set(code, await startBeaconProcess(beaconArgs(code, geo, delayMs, peers)));
  }
  // The mesh forms on its own (fra fetches its peers and probes them): wait, bounded, until fra
  // publishes all three POPs and the pairs it measured, as a studio waits for a new region.
  const settle = new Promise<void>((resolve) => {
    const look = (attempt: number): void => {
      void meshSeenByFra().then(({ pops, pairs }) => {
        if ((pops.length === 3 && pairs >= 2) || attempt >= 100) resolve();
        else setTimeout(() => look(attempt + 1), 100);
      });
    };
    look(0);
  });
  await settle;
  expect(await meshSeenByFra()).toMatchObject({ pops: ['fra', 'lhr', 'sgp'] });
});

afterAll(async () => {
  for (const service of services.splice(0)) service.dispose();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  await Promise.all([...beacons.values()].map((beacon) => beacon.stop()));
});

describe('the beacons backend against beacon processes', () => {
  it('measures each beacon close to its emulated delay, and lists the mesh as POPs', async () => {
    const { service, runUntil } = client({ networkConfigUrl: configUrl() });
    service.initRelayNetworkAccess();
    expect(await runUntil(() => current(service)() && service.getPOPCount() === 3)).toBe(true);
    expect(service.getPOPList().sort()).toEqual(
      REGIONS.map(({ code }) => popIdFromCode(code)).sort(),
    );
    for (const { code, delayMs } of REGIONS) {
      const ping = service.getDirectPingToPOP(popIdFromCode(code));
      expect({ code, near: ping >= delayMs && ping <= delayMs + TOLERANCE_MS }).toEqual({
        code,
        near: true,
      });
    }
    const location = service.convertPingLocationToString(service.getLocalPingLocation().location);
    expect(location).toMatch(/^fra=\d+\+\d+/);
  });

  it('estimates between two players in different regions over the mesh the beacons measured', async () => {
    // The mesh measured its own backbone: wait until fra's config has every pair.
    const here = client({ networkConfigUrl: configUrl() });
    here.service.initRelayNetworkAccess();
    await here.runUntil(current(here.service));
    // A player elsewhere: the same beacons, fra and lhr 150 ms farther (through delaying proxies).
    const elsewhere = await Promise.all(
      REGIONS.map(async ({ code }) => {
        const proxy = await startUdpDelayProxy(
          beacons.get(code)!.udpAddress,
          code === 'sgp' ? 0 : 75,
        );
        proxies.push(proxy);
        return { code, udp: proxy.address };
      }),
    );
    const there = client({ networkConfigUrl: configUrl(), beacons: elsewhere });
    there.service.initRelayNetworkAccess();
    expect(await there.runUntil(current(there.service))).toBe(true);
    const sgp = popIdFromCode('sgp');
    const thereToSgp = there.service.getDirectPingToPOP(sgp);
    expect(there.service.getDirectPingToPOP(popIdFromCode('fra'))).toBeGreaterThanOrEqual(150);
    const a = here.service.getLocalPingLocation().location;
    const b = there.service.getLocalPingLocation().location;
    const between = here.service.estimatePingTimeBetweenTwoLocations(a, b);
    // Never below the farther player's nearest beacon. Never above meeting at sgp, which both
    // locations name: each side's route there is its direct ping, or a via route shown because it
    // scores within 1 ms of the direct ping plus Steam's extra (floor(ms / 10)).
    const scored = (ms: number): number => ms + Math.floor(ms / 10) + 1;
    expect(between).toBeGreaterThanOrEqual(thereToSgp - 1);
    expect(between).toBeLessThanOrEqual(
      scored(here.service.getDirectPingToPOP(sgp)) + scored(thereToSgp),
    );
    expect(there.service.estimatePingTimeBetweenTwoLocations(b, a)).toBe(between);
    // From the local host, with its unrounded pings: at most the estimate between the locations.
    expect(here.service.estimatePingTimeFromLocalHost(b)).toBeLessThanOrEqual(between);
  });

  it('gives FAILED for a beacon that stops, and its ping again when it is back', async () => {
    const { service, runUntil } = client({
      networkConfigUrl: configUrl(),
      retryIntervalMs: 1000,
    });
    service.initRelayNetworkAccess();
    await runUntil(() => current(service)() && service.getPOPCount() === 3);
    const lhr = beacons.get('lhr')!;
    await lhr.stop();
    service.checkPingDataUpToDate(0);
    const lhrId = popIdFromCode('lhr');
    expect(
      await runUntil(() => service.getDirectPingToPOP(lhrId) === NETWORKING_PING_FAILED, 2000),
    ).toBe(true);
    expect(service.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_CURRENT);
    // The same ports again: the network config still names them.
    beacons.set(
      'lhr',
      await startBeaconProcess(beaconArgs('lhr', '-0.45,51.47', 25, []), {
        udp: lhr.udpPort,
        http: lhr.httpPort,
      }),
    );
    expect(await runUntil(() => service.getDirectPingToPOP(lhrId) >= 25)).toBe(true);
  });

  it('reports a network config URL that does not answer, and no POP', async () => {
    const closed = await startBeaconProcess(beaconArgs('ams', '4.76,52.31', 0, []));
    const url = `${closed.httpUrl}/network-config`;
    await closed.stop();
    const { service, runUntil } = client({ networkConfigUrl: url });
    service.initRelayNetworkAccess();
    expect(
      await runUntil(
        () =>
          service.getRelayNetworkStatusDetails().available_config ===
          NETWORKING_AVAILABILITY_FAILED,
        100,
      ),
    ).toBe(true);
    expect(service.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_FAILED);
    expect(service.getPOPCount()).toBe(0);
  });

  it('counts the loss of a lossy beacon in its statistics', async () => {
    const lossy = await startBeaconProcess([
      ...beaconArgs('mad', '-3.56,40.49', 5, []),
      '--emulate-loss',
      '0.4',
    ]);
    try {
      const { service, runUntil } = client({
        beacons: [{ code: 'mad', geo: [-3.56, 40.49], udp: lossy.udpAddress }],
        probesPerBeacon: 20,
      });
      service.initRelayNetworkAccess();
      expect(await runUntil(current(service))).toBe(true);
      const [mad] = service.capability(PopMeasurementsCapability)!.statistics();
      expect(mad!.loss).toBeGreaterThan(0.1);
      expect(mad!.loss).toBeLessThan(0.8);
      expect(mad!.samples).toBe(20);
    } finally {
      await lossy.stop();
    }
  });
});
