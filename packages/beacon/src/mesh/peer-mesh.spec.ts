/**
 * Beacons in one process, on loopback, measuring each other through their real UDP echoes with
 * emulated delays. Their probe rounds and fetches run on one ManualClock that follows real time:
 * each round happens when a test advances the clock by the probe interval, and the test then waits
 * for the real answers (the beacons log each one at debug level) before the next round.
 *
 * Tolerance: an answer is delayed by its beacon's emulated delay (a timer that fires no earlier
 * than asked, within Node's 1 ms rounding), plus loopback and event-loop time. A pair measured by
 * both ends is published as the mean of the two medians, so with delays dX and dY the pair's
 * typical ping is expected at (dX + dY) / 2, and is checked to within -1 ms and +5 ms of it.
 */
import type { LogRecord } from '../log/logger.js';
import { freeTcpPorts } from '../test-support/free-ports.js';
import { ManualClock } from '../test-support/manual-clock.js';
import {
  closeTestBeacons,
  startTestBeacon,
  type TestBeacon,
} from '../test-support/test-beacons.js';
import type { NetworkConfig } from './documents.js';

/**
 * How late an emulated answer may come: its delay is a real-time timer, and on a shared machine
 * running the whole test suite on two cores a timer fires up to a few tens of ms late.
 */
const TIMER_SLACK_MS = 25;

const INTERVAL_MS = 1000;
const REFRESH_MS = 5000;
const STALE_MS = 20_000;

afterEach(closeTestBeacons);

const answered = (record: LogRecord): boolean => record.msg === 'probe answered';
const fetched = (record: LogRecord): boolean => record.msg === 'peer fetched';

/**
 * One probe round: advances the clock by the interval and waits until each beacon has the
 * answers it expects (and, when the round is also a refresh, its fetches).
 */
async function round(
  clock: ManualClock,
  beacons: readonly {
    readonly node: TestBeacon;
    readonly answers: number;
    readonly fetches?: number;
  }[],
): Promise<void> {
  const marks = beacons.map(({ node }) => node.log.mark());
  clock.advance(INTERVAL_MS);
  await Promise.all(
    beacons.flatMap(({ node, answers, fetches = 0 }, index) => [
      node.log.waitFor(answered, { since: marks[index]!, count: answers }),
      node.log.waitFor(fetched, { since: marks[index]!, count: fetches }),
    ]),
  );
}

function typicalPing(config: NetworkConfig, a: string, b: string): number | undefined {
  return config.typical_pings.find(([x, y]) => x === a && y === b)?.[2];
}

describe('peers', () => {
  it('measure each other, and every config lists the whole mesh with the emulated round trips', async () => {
    const clock = new ManualClock({ followRealTime: true });
    const ports = await freeTcpPorts(3);
    // The same list for every beacon, itself included: each drops itself from it.
    const peers = ports.map((port) => `http://127.0.0.1:${port}`);
    const delays = { fra: 10, iad: 30, sgp: 50 } as const;
    const nodes = await Promise.all(
      (Object.keys(delays) as (keyof typeof delays)[]).map((code, index) =>
        startTestBeacon({
          code,
          clock,
          httpPort: ports[index]!,
          peers,
          emulate: { delayMs: delays[code] },
          peerProbeIntervalMs: INTERVAL_MS,
          peerRefreshIntervalMs: REFRESH_MS,
        }),
      ),
    );
    await Promise.all(
      nodes.map(({ log }) =>
        log.waitFor((record) => record.msg === 'peer reachable', { count: 2 }),
      ),
    );
    expect(
      nodes.map(({ beacon }) =>
        beacon
          .health()
          .peers.map((peer) => peer.code)
          .sort(),
      ),
    ).toEqual([
      ['iad', 'sgp'],
      ['fra', 'sgp'],
      ['fra', 'iad'],
    ]);

    // Rounds 1 to 4 probe; round 5 probes and fetches every peer's config.
    for (let n = 1; n < 5; n++)
      await round(
        clock,
        nodes.map((node) => ({ node, answers: 2 })),
      );
    await round(
      clock,
      nodes.map((node) => ({ node, answers: 2, fetches: 2 })),
    );

    for (const { beacon } of nodes) {
      const config = beacon.networkConfig();
      expect(Object.keys(config.pops)).toEqual(['fra', 'iad', 'sgp']);
      expect(config.typical_pings.map(([a, b]) => `${a}-${b}`)).toEqual([
        'fra-iad',
        'fra-sgp',
        'iad-sgp',
      ]);
      // Each pair from both ends: six measurements, each of this round's window or the last fetch.
      expect(
        config.backbone.map((entry) => `${entry.a}-${entry.b} by ${entry.measured_by}`),
      ).toEqual([
        'fra-iad by fra',
        'fra-iad by iad',
        'fra-sgp by fra',
        'fra-sgp by sgp',
        'iad-sgp by iad',
        'iad-sgp by sgp',
      ]);
      for (const [a, b] of [
        ['fra', 'iad'],
        ['fra', 'sgp'],
        ['iad', 'sgp'],
      ] as const) {
        const expected = (delays[a] + delays[b]) / 2;
        const measured = typicalPing(config, a, b)!;
        expect(measured).toBeGreaterThanOrEqual(expected - 1);
        expect(measured).toBeLessThanOrEqual(expected + TIMER_SLACK_MS);
      }
      // By one end alone, the round trip is the other end's delay.
      for (const entry of config.backbone) {
        const answeredBy = entry.measured_by === entry.a ? entry.b : entry.a;
        expect(entry.median_ms).toBeGreaterThanOrEqual(
          delays[answeredBy as keyof typeof delays] - 1,
        );
        expect(entry.median_ms).toBeLessThanOrEqual(
          delays[answeredBy as keyof typeof delays] + TIMER_SLACK_MS,
        );
        expect(entry.loss).toBe(0);
      }
    }
  });

  it('pass on what their own peers measured, so one URL gives the whole chain', async () => {
    const clock = new ManualClock({ followRealTime: true });
    const options = { clock, peerProbeIntervalMs: INTERVAL_MS, peerRefreshIntervalMs: REFRESH_MS };
    const fra = await startTestBeacon({ ...options, code: 'fra', emulate: { delayMs: 10 } });
    const iad = await startTestBeacon({ ...options, code: 'iad', peers: [fra.beacon.httpUrl] });
    const sgp = await startTestBeacon({
      ...options,
      code: 'sgp',
      peers: [iad.beacon.httpUrl],
      emulate: { delayMs: 5 },
    });
    await Promise.all(
      [iad, sgp].map(({ log }) => log.waitFor((record) => record.msg === 'peer reachable')),
    );

    // iad measures fra; sgp measures iad; by round 5 sgp fetches iad's config, which holds fra.
    for (let n = 1; n < 5; n++)
      await round(
        clock,
        [iad, sgp].map((node) => ({ node, answers: 1 })),
      );
    await round(
      clock,
      [iad, sgp].map((node) => ({ node, answers: 1, fetches: 1 })),
    );

    const config = sgp.beacon.networkConfig();
    expect(Object.keys(config.pops)).toEqual(['fra', 'iad', 'sgp']);
    expect(config.pops.fra!.probe.udp).toBe(fra.beacon.udpAddress);
    expect(config.typical_pings.map(([a, b]) => `${a}-${b}`)).toEqual(['fra-iad', 'iad-sgp']);
    expect(config.backbone.map((entry) => entry.measured_by)).toEqual(['iad', 'sgp']);
    expect(typicalPing(config, 'fra', 'iad')).toBeGreaterThanOrEqual(9);
    expect(typicalPing(config, 'fra', 'iad')).toBeLessThanOrEqual(10 + TIMER_SLACK_MS);
  });

  it('mark a peer that goes down unreachable, then let its pairs and entry age out', async () => {
    const clock = new ManualClock({ followRealTime: true });
    const sgp = await startTestBeacon({ code: 'sgp', clock });
    const fra = await startTestBeacon({
      code: 'fra',
      clock,
      peers: [sgp.beacon.httpUrl],
      peerProbeIntervalMs: INTERVAL_MS,
      peerRefreshIntervalMs: REFRESH_MS,
      peerUnreachableAfterMs: 5000,
      peerStaleAfterMs: STALE_MS,
    });
    await fra.log.waitFor((record) => record.msg === 'peer reachable');
    for (let n = 0; n < 3; n++) await round(clock, [{ node: fra, answers: 1 }]);
    expect(fra.beacon.health().peers).toEqual([
      expect.objectContaining({ code: 'sgp', state: 'ok', loss: 0, median_ms: expect.any(Number) }),
    ]);
    expect(Object.keys(fra.beacon.networkConfig().pops)).toEqual(['fra', 'sgp']);

    await sgp.beacon.close();
    const mark = fra.log.mark();
    // Five silent seconds after the last answer: the sixth round finds the peer unreachable.
    for (let n = 0; n < 6; n++) clock.advance(INTERVAL_MS);
    const [unreachable] = await fra.log.waitFor((record) => record.msg === 'peer unreachable', {
      since: mark,
    });
    expect(unreachable).toMatchObject({
      level: 'warn',
      peer: 'sgp',
      reason: expect.stringMatching(/^no UDP echo from 127\.0\.0\.1:\d+ for 5(\.\d)? s$/),
    });
    // The fetch of round 5 (a refresh) failed too: the peer's port is closed.
    await fra.log.waitFor((record) => record.msg === 'peer fetch failed', { since: mark });
    expect(fra.beacon.health().peers).toEqual([
      expect.objectContaining({
        code: 'sgp',
        state: 'unreachable',
        http_error: expect.stringContaining('ECONNREFUSED'),
        last_seen_s: expect.any(Number),
      }),
    ]);
    // Its last data is still published for a while...
    expect(Object.keys(fra.beacon.networkConfig().pops)).toEqual(['fra', 'sgp']);
    expect(fra.beacon.networkConfig().typical_pings).toHaveLength(1);
    // ...and no longer once it is older than peerStaleAfterMs.
    clock.advance(STALE_MS);
    expect(fra.beacon.networkConfig()).toMatchObject({
      pops: { fra: expect.any(Object) },
      typical_pings: [],
      backbone: [],
    });
    expect(Object.keys(fra.beacon.networkConfig().pops)).toEqual(['fra']);
  });

  it("do not take a peer whose code is this beacon's own", async () => {
    const other = await startTestBeacon({ code: 'fra' });
    const fra = await startTestBeacon({ code: 'fra', peers: [other.beacon.httpUrl] });
    await fra.log.waitFor((record) => record.msg === 'peer fetch failed');
    expect(fra.beacon.health().peers).toEqual([
      expect.objectContaining({
        state: 'unreachable',
        http_error: "it has this beacon's own code 'fra'",
      }),
    ]);
  });

  it('report a URL that is not a beacon', async () => {
    const fra = await startTestBeacon({ code: 'fra' });
    const iad = await startTestBeacon({ code: 'iad', peers: [`${fra.beacon.httpUrl}/health/`] });
    const [failure] = await iad.log.waitFor((record) => record.msg === 'peer fetch failed');
    expect(failure!.error).toMatch(/answered HTTP 404$/);
  });
});
