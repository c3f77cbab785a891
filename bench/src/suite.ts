/**
 * Every benchmark in one run, in a fixed order, with the sizes of {@link FULL_SETTINGS} (what
 * `pnpm bench` runs) or smaller ones. The Steam benchmarks run after the others in the process:
 * Steam is one per process, and each of them starts and shuts down its own backend on the native
 * test double. The beacon benchmarks run after them, in child processes (servers and clients),
 * in real time. The bundle builds come last; they time nothing and run Vite in a child process.
 */
import { type MeasureOptions } from './harness/measure.js';
import {
  createLocationCorpus,
  type LocationCorpus,
  parsedLocations,
  verifyCorpus,
} from './fixtures/location-strings.js';
import { createMeasuredService } from './fixtures/simulated-service.js';
import { compileSteamDouble, loadSteamDoubleControls } from './fixtures/steam-double.js';
import {
  type BeaconBenchmarkOptions,
  FULL_BEACON_OPTIONS,
  runBeaconBenchmark,
} from './benchmarks/beacon.js';
import { runBundleSizeBenchmark } from './benchmarks/bundle-size.js';
import { runEngineTickBenchmark } from './benchmarks/engine-tick.js';
import { runEstimatorBenchmark } from './benchmarks/estimator.js';
import { runHeapSoakBenchmark, runKoffiCallbackBenchmark } from './benchmarks/heap-soak.js';
import { runLobbyRankingBenchmark } from './benchmarks/lobby-ranking.js';
import { parseAll, runPingEstimateBenchmark } from './benchmarks/ping-estimates.js';
import { runPingLocationParseBenchmark } from './benchmarks/ping-location-parse.js';
import { runSignalEmitBenchmark } from './benchmarks/signal-emit.js';
import { runSteamCallBenchmark } from './benchmarks/steam-call.js';
import { type ResultRow } from './report/results.js';

/** The sizes and budgets of a run. */
export interface SuiteSettings {
  /** For operations timed in batches of many (emits, ticks, estimates, native calls). */
  readonly measure: MeasureOptions;
  /** For operations over the whole data set per call (parsing it all, ranking it all). */
  readonly passMeasure: MeasureOptions;
  readonly emitsPerRun: number;
  readonly ticksPerRun: number;
  /** Distinct location strings (also the lobby count of the rankings). */
  readonly locationCount: number;
  readonly estimatesPerRun: number;
  readonly steamCallsPerRun: number;
  readonly heapRounds: number;
  readonly heapSimulatedSeconds: number;
  readonly heapLobbyCount: number;
  readonly koffiSessionTicks: number;
  /** The beacon's echo rounds and flood (`beacon`). */
  readonly beacon: BeaconBenchmarkOptions;
  readonly seed: number;
}

/** What `pnpm bench` measures. */
export const FULL_SETTINGS: SuiteSettings = Object.freeze({
  measure: Object.freeze({ rounds: 5, timeMs: 300, warmupMs: 100, minIterations: 16 }),
  passMeasure: Object.freeze({ rounds: 5, timeMs: 1000, warmupMs: 200, minIterations: 5 }),
  emitsPerRun: 1000,
  ticksPerRun: 100,
  locationCount: 100_000,
  estimatesPerRun: 1000,
  steamCallsPerRun: 100,
  heapRounds: 3,
  heapSimulatedSeconds: 600,
  heapLobbyCount: 48,
  koffiSessionTicks: 600,
  beacon: FULL_BEACON_OPTIONS,
  seed: 1,
});

/** A run of about ten seconds for checking the setup (`--quick`); its figures are rough. */
export const QUICK_SETTINGS: SuiteSettings = Object.freeze({
  measure: Object.freeze({ rounds: 3, timeMs: 50, warmupMs: 20, minIterations: 4 }),
  passMeasure: Object.freeze({ rounds: 3, timeMs: 100, warmupMs: 0, minIterations: 2 }),
  emitsPerRun: 1000,
  ticksPerRun: 100,
  locationCount: 10_000,
  estimatesPerRun: 1000,
  steamCallsPerRun: 100,
  heapRounds: 1,
  heapSimulatedSeconds: 60,
  heapLobbyCount: 48,
  koffiSessionTicks: 120,
  beacon: Object.freeze({
    ...FULL_BEACON_OPTIONS,
    rounds: 2,
    runMs: 300,
    warmupMs: 200,
    floodSeconds: 5,
    floodWarmupMs: 500,
  }),
  seed: 1,
});

/** The benchmark groups, in the order a run takes them; `--only` picks some of them. */
export const BENCH_GROUPS = Object.freeze([
  'signal',
  'tick',
  'locations',
  'estimator',
  'heap',
  'steam',
  'beacon',
  'bundle-size',
] as const);
export type BenchGroup = (typeof BENCH_GROUPS)[number];

/** Where the suite finds what it builds. */
export interface SuitePaths {
  /** The repository: its built packages and `node_modules`, the bundle entries. */
  readonly repositoryRoot: string;
  /** The Steam test double's C source. */
  readonly steamDoubleSource: string;
  /** Where the compiled double is cached (default under the OS's temporary folder). */
  readonly steamDoubleCache?: string;
}

/** Runs every benchmark; `log` hears what is running. */
export async function runSuite(
  settings: SuiteSettings,
  paths: SuitePaths,
  log: (line: string) => void = () => {},
  groups: readonly BenchGroup[] = BENCH_GROUPS,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];

  if (groups.includes('signal')) {
    log('Signal.emit against EventEmitter and tseep');
    rows.push(
      ...runSignalEmitBenchmark({ measure: settings.measure, emitsPerRun: settings.emitsPerRun }),
    );
  }

  if (groups.includes('tick')) {
    log('engine.tick against an empty Babylon.js render');
    rows.push(
      ...runEngineTickBenchmark({ measure: settings.measure, ticksPerRun: settings.ticksPerRun }),
    );
  }

  if (groups.includes('locations') || groups.includes('estimator')) {
    rows.push(...runLocationBenchmarks(settings, log, groups));
  }

  if (groups.includes('heap')) {
    log('heap over a long simulated session');
    rows.push(
      ...runHeapSoakBenchmark({
        rounds: settings.heapRounds,
        simulatedSeconds: settings.heapSimulatedSeconds,
        lobbyCount: settings.heapLobbyCount,
        seed: settings.seed,
      }),
    );
  }

  if (groups.includes('steam')) {
    log('Steam backend through koffi into the native test double');
    const controls = loadSteamDoubleControls(
      compileSteamDouble(paths.steamDoubleSource, paths.steamDoubleCache),
    );
    rows.push(...runSteamCallBenchmark(controls, settings.measure, settings.steamCallsPerRun));
    rows.push(...runKoffiCallbackBenchmark(controls, settings.koffiSessionTicks));
  }

  if (groups.includes('beacon')) {
    log(
      'the beacon in a process of its own: UDP and WebSocket echoes against bare echo servers, ' +
        `memory under a ${settings.beacon.floodSeconds} s probe flood`,
    );
    rows.push(...(await runBeaconBenchmark(paths.repositoryRoot, settings.beacon)));
  }

  if (groups.includes('bundle-size')) {
    log(
      'browser bundle sizes: Vite production builds of core, the service, the simulation, the beacons backend',
    );
    rows.push(...runBundleSizeBenchmark(paths.repositoryRoot));
  }
  return rows;
}

/**
 * The service's parse, estimate and ranking benchmarks (`locations`) and the estimator's
 * (`estimator`) over one corpus of location strings; the corpus is garbage once this returns,
 * before the heap soak reads the heap.
 */
function runLocationBenchmarks(
  settings: SuiteSettings,
  log: (line: string) => void,
  groups: readonly BenchGroup[],
): ResultRow[] {
  const rows: ResultRow[] = [];
  log(`${settings.locationCount.toLocaleString('en-US')} distinct ping-location strings`);
  const corpus = createLocationCorpus(settings.locationCount, settings.seed);
  if (groups.includes('locations'))
    rows.push(...runServiceLocationBenchmarks(settings, corpus, log));
  else verifyCorpus(corpus);
  if (groups.includes('estimator')) {
    log('the estimator: parse, estimate, rank and re-rank, each against its baseline');
    rows.push(
      ...runEstimatorBenchmark(corpus, parsedLocations(corpus), {
        passMeasure: settings.passMeasure,
        measure: settings.measure,
        estimatesPerRun: settings.estimatesPerRun,
        seed: settings.seed,
      }),
    );
  }
  return rows;
}

/** The service's benchmarks over `corpus`, on a service of the corpus's world. */
function runServiceLocationBenchmarks(
  settings: SuiteSettings,
  corpus: LocationCorpus,
  log: (line: string) => void,
): ResultRow[] {
  const rows: ResultRow[] = [];
  const { networkingUtils } = createMeasuredService(corpus.world, settings.seed);
  try {
    verifyCorpus(corpus, networkingUtils);
    log('parsePingLocationString against JSON.parse');
    rows.push(...runPingLocationParseBenchmark(networkingUtils, corpus, settings.passMeasure));
    log('service estimates from parsed locations, against the estimator');
    rows.push(
      ...runPingEstimateBenchmark(
        networkingUtils,
        parseAll(networkingUtils, corpus.texts),
        parsedLocations(corpus),
        settings.measure,
        settings.estimatesPerRun,
      ),
    );
    log('service lobby ranking against a plain sort');
    rows.push(
      ...runLobbyRankingBenchmark(
        networkingUtils,
        corpus.texts,
        settings.passMeasure,
        settings.seed,
      ),
    );
  } finally {
    networkingUtils.dispose();
  }
  return rows;
}
