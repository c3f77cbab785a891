/**
 * The beacon (`@relaylane/beacon`, its built files): how many echoes one beacon process answers,
 * and what a flood of probes costs it in memory, each row against a baseline measured in the same
 * run.
 *
 * Every server runs in a Node process of its own (`harness/echo-server.mjs`), so "one core" is
 * that process: the beacon (`startBeacon` on 127.0.0.1, logging nothing), and the baselines
 * written in the bench, a bare `node:dgram` echo (the beacon's check of the length and prefix and
 * its flip of the first two bytes, nothing else) and a bare `ws` echo (the beacon's copy of `ws`,
 * with its settings). The clients run in another process (`harness/echo-load.mjs`), never in the
 * benchmarks' own. Every probe is 12 bytes, `FF FF 'R' 'L'`, a sequence number and the run's
 * nonce, and every answer is checked against the probe it answers.
 *
 * 1. UDP echoes: one client socket keeps a window of probes in flight (each answer sends the next)
 *    for `runMs` to one server, then to the other (the order alternates by round), after a
 *    warm-up of each. A round's figure is the server process's CPU time (user + system) over the
 *    run divided by the echoes it answered: the inverse of the echoes one core answers per
 *    second. It is CPU time, not wall time, so that a client slower than the server, or another
 *    process on the machine, cannot make the two servers look alike; the wall-clock rate and how
 *    busy the server was are kept in the details. The report's ratios are "lower is better", so
 *    the target "at least 0.8 times the bare server's rate" is a time per echo of at most 1.25
 *    times the bare server's. The beacon's rate limit is raised (1,000,000 a second, burst
 *    1,000,000): every probe comes from 127.0.0.1, one source, whose default share (200 a second)
 *    would otherwise be the figure.
 * 2. WebSocket echoes: the same over `wsConnections` connections with `wsWindow` probes in flight
 *    on each (binary messages); the beacon's rate limit is raised as above and its cap of
 *    connections from one address (16 by default) to `BEACON_ECHO_OPTIONS.wsMaxConnectionsPerIp`.
 * 3. Memory under a flood: a beacon with its default settings, started with `--expose-gc`, is
 *    warmed up by a few clients for `floodWarmupMs`; its RSS after three full collections is the
 *    baseline ("idle"). Then `floodClients` clients (each its own UDP socket, bound to an address of
 *    its own in 127.0.0.0/8 where the system routes that range to the loopback, so that each is a
 *    source of its own to the beacon's rate limiter, as players are) each send
 *    `floodProbesPerSecond` probes a second for `floodSeconds`, and one datagram in
 *    `floodMalformedEvery` is a malformed one instead (oversized, too short, empty, a wrong prefix,
 *    or shaped like an answer), which the beacon must not answer. The beacon samples its own RSS
 *    and heap every `memorySampleMs`; the figure is the highest RSS sampled. Target: under 20 MB
 *    (20,000,000 bytes) more than idle.
 *
 * A row's target is met only if every answer was right, too: an answer that is no probe's
 * answer (or one to a malformed datagram) misses it, whatever the figures.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { type ChildMessage, NodeChild } from '../harness/node-child.js';
import { median, medianRatio } from '../harness/statistics.js';
import { formatBytes, formatRate } from '../report/format.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** The server script, relative to the repository root. */
export const ECHO_SERVER_SCRIPT = 'bench/src/harness/echo-server.mjs';

/** The client script, relative to the repository root. */
export const ECHO_LOAD_SCRIPT = 'bench/src/harness/echo-load.mjs';

/** The slowest time per echo, over the bare server's, that is "at least 0.8 times its rate". */
export const MAX_ECHO_RATIO = 1 / 0.8;

/** The most the beacon's RSS may grow under the flood, bytes. */
export const MAX_FLOOD_RSS_GROWTH_BYTES = 20_000_000;

/**
 * The beacon's options for the echo rows: a rate limit (per source: every probe here comes from
 * 127.0.0.1) and a cap of connections per address that the load cannot reach.
 */
export const BEACON_ECHO_OPTIONS = Object.freeze({
  udpRatePerSecond: 1_000_000,
  udpBurst: 1_000_000,
  wsMaxConnectionsPerIp: 64,
});

/** Sizes of the beacon benchmark. */
export interface BeaconBenchmarkOptions {
  /** Timed runs of each server, per protocol. */
  readonly rounds: number;
  /** One timed run, ms. */
  readonly runMs: number;
  /** The untimed run of each server before the rounds, per protocol, ms. */
  readonly warmupMs: number;
  /** UDP probes in flight. */
  readonly udpWindow: number;
  /** WebSocket connections. */
  readonly wsConnections: number;
  /** Probes in flight on each WebSocket. */
  readonly wsWindow: number;
  /** Clients of the flood, each its own UDP socket. */
  readonly floodClients: number;
  /** Probes each client sends a second. */
  readonly floodProbesPerSecond: number;
  /** One datagram in this many of the flood is malformed (0: none). */
  readonly floodMalformedEvery: number;
  readonly floodSeconds: number;
  /** How long a few clients warm the beacon up before its idle memory is read, ms. */
  readonly floodWarmupMs: number;
  /** How often the beacon samples its memory during the flood, ms. */
  readonly memorySampleMs: number;
}

/** The sizes of `pnpm bench`. */
export const FULL_BEACON_OPTIONS: BeaconBenchmarkOptions = Object.freeze({
  rounds: 5,
  runMs: 1000,
  warmupMs: 1000,
  udpWindow: 64,
  wsConnections: 8,
  wsWindow: 16,
  floodClients: 1000,
  floodProbesPerSecond: 5,
  floodMalformedEvery: 20,
  floodSeconds: 60,
  floodWarmupMs: 2000,
  memorySampleMs: 100,
});

/** Clients of the flood's warm-up (at most). */
const WARMUP_CLIENTS = 10;

/** What the client process counted in one windowed run (see `echo-load.mjs`). */
export interface EchoRunCounts {
  readonly sent: number;
  /** Answers within the timed part. */
  readonly answered: number;
  /** Answers in the wait for the last ones, after it. */
  readonly drained: number;
  /** Answers that answer no probe of the run. */
  readonly wrong: number;
  /** Of those, the ones longer than a probe. */
  readonly larger: number;
  /** Answers to probes already given up. */
  readonly late: number;
  /** Probes given up on. */
  readonly lost: number;
  /** The timed part, ms. */
  readonly elapsedMs: number;
}

/** One timed run against one server. */
export interface EchoSample extends EchoRunCounts {
  /** The server process's CPU time (user + system) over the run, µs. */
  readonly serverCpuMicros: number;
}

/** The samples of one protocol: one per round and server. */
export interface EchoSamples {
  readonly beacon: readonly EchoSample[];
  readonly bare: readonly EchoSample[];
}

/** Both protocols' samples, and the beacon's own counts once they ran. */
export interface EchoMeasurement {
  readonly udp: EchoSamples;
  readonly ws: EchoSamples;
  /** The beacon's `/health` counts (`udp`, `ws`) after every run. */
  readonly beaconCounts: BeaconCounts;
}

/** The counts of the beacon's `/health` document. */
export interface BeaconCounts {
  readonly udp: Readonly<Record<string, number>>;
  readonly ws: Readonly<Record<string, number>>;
}

/** The flood's readings. */
export interface FloodMeasurement extends FloodCounts {
  /** RSS idle after the warm-up (after three full collections). */
  readonly idleRss: number;
  readonly idleHeapUsed: number;
  /** The highest RSS and heap sampled during the flood. */
  readonly peakRss: number;
  readonly peakHeapUsed: number;
  /** Heap after the flood and three full collections: what it left behind. */
  readonly heapUsedAfter: number;
  readonly rssAfter: number;
  /** The beacon's counts after the flood (warm-up included). */
  readonly beaconCounts: BeaconCounts;
}

/** The scripts, checked to exist, and the beacon checked to be built. */
export interface BeaconScripts {
  readonly server: string;
  readonly load: string;
}

/**
 * The scripts of the repository at `repositoryRoot`.
 *
 * @throws Error when `@relaylane/beacon` is not installed or not built (then `pnpm run build`).
 */
export function beaconScripts(repositoryRoot: string): BeaconScripts {
  const built = path.join(
    repositoryRoot,
    'node_modules',
    '@relaylane',
    'beacon',
    'dist',
    'index.js',
  );
  if (!existsSync(built)) {
    throw new Error(
      `'@relaylane/beacon' is not built: ${built} does not exist. Run pnpm install and pnpm run build first.`,
    );
  }
  return {
    server: path.join(repositoryRoot, ECHO_SERVER_SCRIPT),
    load: path.join(repositoryRoot, ECHO_LOAD_SCRIPT),
  };
}

/** A server process and what it listens on. */
interface ServerProcess {
  readonly child: NodeChild;
  readonly udpPort: number;
  readonly wsUrl: string;
}

async function startServer(
  scripts: BeaconScripts,
  kind: 'beacon' | 'bare',
  beaconOptions: Readonly<Record<string, unknown>> = {},
): Promise<ServerProcess> {
  const { child, ready } = await NodeChild.start(
    scripts.server,
    kind === 'beacon' ? [kind, JSON.stringify(beaconOptions)] : [kind],
    { execArgv: ['--expose-gc'] },
  );
  return { child, udpPort: Number(ready['udpPort']), wsUrl: String(ready['wsUrl']) };
}

/** What a server says about itself (`usage`). */
interface ServerUsage {
  readonly cpuMicros: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly peakRss: number;
  readonly peakHeapUsed: number;
  readonly counts: BeaconCounts | undefined;
}

async function usage(server: ServerProcess, collect = false): Promise<ServerUsage> {
  return (await server.child.request({ type: 'usage', collect }, 30_000)) as ChildMessage &
    ServerUsage;
}

/** A nonce for each run, so that no answer to one run can pass for another's. */
let nonceCounter = 0x524c0000;
function nextNonce(): number {
  nonceCounter = (nonceCounter + 1) >>> 0;
  return nonceCounter;
}

/** One run of the clients against `server` over `protocol`, with the server's CPU time. */
async function echoRun(
  load: NodeChild,
  server: ServerProcess,
  protocol: 'udp' | 'ws',
  durationMs: number,
  options: BeaconBenchmarkOptions,
): Promise<EchoSample> {
  const before = await usage(server);
  const request =
    protocol === 'udp'
      ? { type: 'udp', port: server.udpPort, window: options.udpWindow }
      : {
          type: 'ws',
          url: server.wsUrl,
          connections: options.wsConnections,
          window: options.wsWindow,
        };
  const counts = (await load.request(
    { ...request, durationMs, nonce: nextNonce() },
    durationMs + 30_000,
  )) as ChildMessage & EchoRunCounts;
  const after = await usage(server);
  return {
    sent: counts.sent,
    answered: counts.answered,
    drained: counts.drained,
    wrong: counts.wrong,
    larger: counts.larger,
    late: counts.late,
    lost: counts.lost,
    elapsedMs: counts.elapsedMs,
    serverCpuMicros: after.cpuMicros - before.cpuMicros,
  };
}

/**
 * Starts the beacon, the bare servers and the clients, runs the UDP rounds then the WebSocket
 * rounds (see the file comment), and stops every process, whatever happens.
 */
export async function measureEchoes(
  scripts: BeaconScripts,
  options: BeaconBenchmarkOptions,
): Promise<EchoMeasurement> {
  const started: NodeChild[] = [];
  try {
    const beacon = await startServer(scripts, 'beacon', BEACON_ECHO_OPTIONS);
    started.push(beacon.child);
    const bare = await startServer(scripts, 'bare');
    started.push(bare.child);
    const { child: load } = await NodeChild.start(scripts.load);
    started.push(load);

    const measureProtocol = async (protocol: 'udp' | 'ws'): Promise<EchoSamples> => {
      const samples = { beacon: [] as EchoSample[], bare: [] as EchoSample[] };
      for (const server of [beacon, bare]) {
        if (options.warmupMs > 0) await echoRun(load, server, protocol, options.warmupMs, options);
      }
      for (let round = 0; round < options.rounds; round++) {
        const order =
          round % 2 === 0 ? (['beacon', 'bare'] as const) : (['bare', 'beacon'] as const);
        for (const name of order) {
          const server = name === 'beacon' ? beacon : bare;
          samples[name].push(await echoRun(load, server, protocol, options.runMs, options));
        }
      }
      return samples;
    };
    const udp = await measureProtocol('udp');
    const ws = await measureProtocol('ws');
    const { counts } = await usage(beacon);
    return { udp, ws, beaconCounts: counts ?? { udp: {}, ws: {} } };
  } finally {
    await Promise.all(started.map((child) => child.close()));
  }
}

/** Runs the flood (see the file comment) against a beacon of default settings. */
export async function measureFlood(
  scripts: BeaconScripts,
  options: BeaconBenchmarkOptions,
): Promise<FloodMeasurement> {
  const started: NodeChild[] = [];
  try {
    const beacon = await startServer(scripts, 'beacon');
    started.push(beacon.child);
    const { child: load } = await NodeChild.start(scripts.load);
    started.push(load);
    const flood = async (clients: number, durationMs: number) =>
      (await load.request(
        {
          type: 'flood',
          port: beacon.udpPort,
          clients,
          probesPerSecond: options.floodProbesPerSecond,
          malformedEvery: options.floodMalformedEvery,
          durationMs,
          nonce: nextNonce(),
        },
        durationMs + 60_000,
      )) as ChildMessage & FloodCounts;

    const warmup = await flood(
      Math.min(WARMUP_CLIENTS, options.floodClients),
      options.floodWarmupMs,
    );
    await delay(500);
    const idle: ServerUsage[] = [];
    for (let reading = 0; reading < 3; reading++) {
      if (reading > 0) await delay(200);
      idle.push(await usage(beacon, true));
    }
    await beacon.child.request({ type: 'watch', everyMs: options.memorySampleMs }, 30_000);
    const counts = await flood(options.floodClients, options.floodSeconds * 1000);
    const peak = await usage(beacon);
    const after = await usage(beacon, true);
    return {
      idleRss: median(idle.map((reading) => reading.rss)),
      idleHeapUsed: median(idle.map((reading) => reading.heapUsed)),
      peakRss: peak.peakRss,
      peakHeapUsed: peak.peakHeapUsed,
      heapUsedAfter: after.heapUsed,
      rssAfter: after.rss,
      probes: counts.probes,
      malformed: counts.malformed,
      answered: counts.answered,
      // A wrong answer in the warm-up is as wrong as one in the flood.
      wrong: counts.wrong + warmup.wrong,
      larger: counts.larger + warmup.larger,
      elapsedMs: counts.elapsedMs,
      distinctSources: counts.distinctSources,
      clients: counts.clients,
      beaconCounts: peak.counts ?? { udp: {}, ws: {} },
    };
  } finally {
    await Promise.all(started.map((child) => child.close()));
  }
}

/** What the client process counted in a flood (see `echo-load.mjs`): what it sent and heard. */
export interface FloodCounts {
  readonly probes: number;
  readonly malformed: number;
  readonly answered: number;
  readonly wrong: number;
  readonly larger: number;
  readonly elapsedMs: number;
  /** Whether every client had an address of its own (else all shared 127.0.0.1). */
  readonly distinctSources: boolean;
  readonly clients: number;
}

/** The server's CPU time per echo it answered, ns. */
export function cpuNanosecondsPerEcho(sample: EchoSample): number {
  const echoes = sample.answered + sample.drained;
  if (echoes === 0) {
    throw new Error(
      `No echo was answered in a run of ${Math.round(sample.elapsedMs)} ms ` +
        `(${sample.sent} probes sent, ${sample.lost} lost): is the server answering?`,
    );
  }
  return (sample.serverCpuMicros * 1000) / echoes;
}

/** The two echo rows (UDP, then WebSocket). */
export function echoRows(
  measurement: EchoMeasurement,
  options: BeaconBenchmarkOptions,
): ResultRow[] {
  const { udp, ws, beaconCounts } = measurement;
  return [
    echoRow({
      id: 'beacon/udp-echo/vs-bare-dgram',
      measure:
        `UDP echoes one beacon answers per second of its one core (loopback, ${options.udpWindow} ` +
        'probes in flight, every answer checked): server CPU time per echo',
      baselineLabel: 'bare `dgram` echo written in the bench',
      samples: udp,
      rateLimited: beaconCounts.udp['rate_limited'] ?? 0,
      window: `${options.udpWindow} in flight`,
    }),
    echoRow({
      id: 'beacon/ws-echo/vs-bare-ws',
      measure:
        `WebSocket echoes one beacon answers per second of its one core (loopback, ` +
        `${options.wsConnections} connections × ${options.wsWindow} probes in flight): server CPU time per echo`,
      baselineLabel: 'bare `ws` echo written in the bench',
      samples: ws,
      rateLimited: beaconCounts.ws['rate_limited'] ?? 0,
      window: `${options.wsConnections} × ${options.wsWindow} in flight`,
      beaconDropped: beaconCounts.ws['dropped'] ?? 0,
    }),
  ];
}

function echoRow(fields: {
  readonly id: string;
  readonly measure: string;
  readonly baselineLabel: string;
  readonly samples: EchoSamples;
  readonly rateLimited: number;
  readonly window: string;
  readonly beaconDropped?: number;
}): ResultRow {
  const { beacon, bare } = fields.samples;
  const subject = figure('beacon, CPU per echo', 'ns/op', beacon.map(cpuNanosecondsPerEcho));
  const baseline = figure(fields.baselineLabel, 'ns/op', bare.map(cpuNanosecondsPerEcho));
  const row = comparisonRow({
    id: fields.id,
    measure: fields.measure,
    subject,
    baseline,
    maxRatio: MAX_ECHO_RATIO,
    target: '<= 1.25 (at least 0.8x the bare rate)',
  });
  const wrong = sum(beacon, 'wrong');
  const larger = sum(beacon, 'larger');
  const wallRate = (samples: readonly EchoSample[]): number =>
    median(samples.map((s) => (s.answered * 1000) / s.elapsedMs));
  const busy = (samples: readonly EchoSample[]): number =>
    median(samples.map((s) => s.serverCpuMicros / 1000 / s.elapsedMs));
  const problems = [
    wrong > 0
      ? `${wrong} wrong answers${larger > 0 ? ` (${larger} larger than the probe)` : ''}`
      : '',
    fields.rateLimited > 0 ? `${fields.rateLimited} rate-limited` : '',
  ].filter((text) => text !== '');
  return {
    ...row,
    note:
      `${formatRate(1e9 / subject.median)} per core, bare ${formatRate(1e9 / baseline.median)}; ` +
      'rate limit raised: every probe comes from 127.0.0.1' +
      (problems.length === 0 ? '' : `; ${problems.join(', ')}`),
    met: row.met === true && wrong === 0,
    details: {
      window: fields.window,
      beaconEchoesPerCoreSecond: Math.round(1e9 / subject.median),
      bareEchoesPerCoreSecond: Math.round(1e9 / baseline.median),
      beaconWallRatePerSecond: Math.round(wallRate(beacon)),
      bareWallRatePerSecond: Math.round(wallRate(bare)),
      beaconServerBusy: round3(busy(beacon)),
      bareServerBusy: round3(busy(bare)),
      beaconAnswered: sum(beacon, 'answered') + sum(beacon, 'drained'),
      bareAnswered: sum(bare, 'answered') + sum(bare, 'drained'),
      beaconWrong: wrong,
      beaconLarger: larger,
      bareWrong: sum(bare, 'wrong'),
      beaconLost: sum(beacon, 'lost'),
      bareLost: sum(bare, 'lost'),
      beaconLate: sum(beacon, 'late'),
      beaconRateLimited: fields.rateLimited,
      ...(fields.beaconDropped === undefined ? {} : { beaconDropped: fields.beaconDropped }),
    },
  };
}

/** The flood's row. */
export function floodRow(flood: FloodMeasurement, options: BeaconBenchmarkOptions): ResultRow {
  const growth = flood.peakRss - flood.idleRss;
  const heapGrowth = flood.peakHeapUsed - flood.idleHeapUsed;
  const perSecond = options.floodProbesPerSecond;
  const sources = flood.distinctSources
    ? 'each its own UDP socket and 127/8 address'
    : 'each its own UDP socket on 127.0.0.1';
  const problems = [
    flood.wrong > 0
      ? `${flood.wrong} wrong answers${flood.larger > 0 ? ` (${flood.larger} larger than the probe)` : ''}`
      : '',
    flood.distinctSources ? '' : 'one source address: the rate limit applies to all clients',
  ].filter((text) => text !== '');
  return {
    id: 'beacon/memory/udp-flood',
    measure:
      `Beacon RSS under a ${options.floodSeconds} s probe flood from ` +
      `${flood.clients.toLocaleString('en-US')} simulated clients (${sources}, ${perSecond} probes/s; ` +
      `1 datagram in ${options.floodMalformedEvery} malformed), default settings`,
    subject: figure('highest RSS during the flood', 'bytes', [flood.peakRss]),
    baseline: figure('RSS idle after warm-up', 'bytes', [flood.idleRss]),
    ratio: medianRatio([flood.peakRss], [flood.idleRss]),
    note:
      `growth ${formatBytes(growth, true)}; heap ${formatBytes(heapGrowth, true)} at its highest, ` +
      `${formatBytes(flood.heapUsedAfter - flood.idleHeapUsed, true)} kept` +
      (problems.length === 0 ? '' : `; ${problems.join(', ')}`),
    target: '< 20 MB growth',
    met: growth < MAX_FLOOD_RSS_GROWTH_BYTES && flood.wrong === 0,
    details: {
      growthBytes: growth,
      idleRss: flood.idleRss,
      peakRss: flood.peakRss,
      rssAfterCollection: flood.rssAfter,
      idleHeapUsed: flood.idleHeapUsed,
      peakHeapUsed: flood.peakHeapUsed,
      heapUsedAfterCollection: flood.heapUsedAfter,
      clients: flood.clients,
      distinctSources: flood.distinctSources,
      probesSent: flood.probes,
      malformedSent: flood.malformed,
      answered: flood.answered,
      wrongAnswers: flood.wrong,
      largerAnswers: flood.larger,
      floodMs: Math.round(flood.elapsedMs),
      memorySampleMs: options.memorySampleMs,
      beaconReceived: flood.beaconCounts.udp['received'] ?? 0,
      beaconAnswered: flood.beaconCounts.udp['answered'] ?? 0,
      beaconDropped: flood.beaconCounts.udp['dropped'] ?? 0,
      beaconRateLimited: flood.beaconCounts.udp['rate_limited'] ?? 0,
    },
  };
}

/** The group's three rows: UDP echoes, WebSocket echoes, memory under the flood. */
export async function runBeaconBenchmark(
  repositoryRoot: string,
  options: BeaconBenchmarkOptions,
): Promise<ResultRow[]> {
  const scripts = beaconScripts(repositoryRoot);
  const echoes = await measureEchoes(scripts, options);
  const flood = await measureFlood(scripts, options);
  return [...echoRows(echoes, options), floodRow(flood, options)];
}

function sum(samples: readonly EchoSample[], key: keyof EchoRunCounts): number {
  return samples.reduce((total, sample) => total + sample[key], 0);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
