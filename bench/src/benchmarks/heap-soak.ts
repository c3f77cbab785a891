/**
 * Memory over a long session.
 *
 * 1. Heap: an engine with the demo game's plugin set (the Networking Utils plugin on the
 *    simulation, a `RegionSelector` updated every frame and a `LobbyPingRanking` of a few dozen
 *    simulated lobbies ranked again on every `relay_network_status`) ticks at 60 Hz of game
 *    time with no rendering. The heap after the first simulated second is the baseline;
 *    target: under 1 MB more after the whole session (10 simulated minutes in `pnpm bench`).
 *    Heap figures are read after full collections; each round is a fresh engine.
 * 2. koffi callbacks: a session of the Steam backend on the native test double, in an engine with
 *    the plugin, with the six global callbacks and the debug output function installed, ticked
 *    for a while; target: `liveNativeCallbackCount()` back to what it was once the engine is
 *    disposed (and above it during the session, so the check can fail).
 */
import { Engine, ManualClock, MessageQueue } from '@relaylane/core';
import {
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NetworkingUtilsPlugin,
  simulatedBackend,
} from '@relaylane/steam-net-utils';
import { CITY_CATALOGUE, SimulatedWorld } from '@relaylane/steam-net-utils/simulated';
import { liveNativeCallbackCount } from '@relaylane/steam-net-utils/steam';

import { settledHeapUsed } from '../harness/heap.js';
import { medianRatio } from '../harness/statistics.js';
import { SeededStream } from '../harness/random.js';
import { MatchmakingPlugin } from '../fixtures/matchmaking-plugin.js';
import { type SteamDoubleControls } from '../fixtures/steam-double.js';
import { startSteamBackend } from '../fixtures/steam-session.js';
import { formatBytes } from '../report/format.js';
import { figure, type ResultRow } from '../report/results.js';
import { FRAME_MS } from './engine-tick.js';

/** The most the heap may grow between the first simulated second and the end, bytes. */
export const MAX_HEAP_GROWTH_BYTES = 1_000_000;

/** Sizes of the heap soak. */
export interface HeapSoakOptions {
  readonly rounds: number;
  /** Simulated length of each session, s (at least 2). */
  readonly simulatedSeconds: number;
  /** Simulated lobbies to rank. */
  readonly lobbyCount: number;
  readonly seed: number;
}

/** One session's readings. */
export interface HeapSession {
  readonly heapAfterFirstSecond: number;
  readonly heapAtEnd: number;
  readonly ticks: number;
  readonly rankings: number;
  readonly regionChanges: number;
}

/** Runs one heap session (see the file comment). */
export function runHeapSession(options: HeapSoakOptions): HeapSession {
  if (!(options.simulatedSeconds >= 2)) {
    throw new RangeError('runHeapSession: simulatedSeconds must be at least 2.');
  }
  const world = new SimulatedWorld({ seed: options.seed });
  const random = new SeededStream(options.seed);
  const lobbies = Array.from({ length: options.lobbyCount }, (_, index) => {
    const city = random.pick(CITY_CATALOGUE);
    const host = world.createHost({ location: { lat: city.lat, lon: city.lon } });
    return { name: `${city.name} #${index}`, pingLocation: world.locationStringFor(host) };
  });
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const matchmaking = new MatchmakingPlugin(lobbies);
  engine.addPlugin(
    new NetworkingUtilsPlugin({
      backend: simulatedBackend({ location: 'Frankfurt', seed: options.seed, world }),
    }),
  );
  engine.addPlugin(matchmaking);
  const framesPerSecond = Math.round(1000 / FRAME_MS);
  const totalTicks = options.simulatedSeconds * framesPerSecond;
  const tick = (): void => engine.tick(FRAME_MS / 1000);
  try {
    for (let i = 0; i < framesPerSecond; i++) tick();
    const heapAfterFirstSecond = settledHeapUsed();
    for (let i = framesPerSecond; i < totalTicks; i++) tick();
    const heapAtEnd = settledHeapUsed();
    return {
      heapAfterFirstSecond,
      heapAtEnd,
      ticks: totalTicks,
      rankings: matchmaking.rankings,
      regionChanges: matchmaking.regionChanges,
    };
  } finally {
    engine.dispose();
  }
}

/** The heap row: `options.rounds` sessions, median growth. */
export function runHeapSoakBenchmark(options: HeapSoakOptions): ResultRow[] {
  const sessions: HeapSession[] = [];
  for (let round = 0; round < options.rounds; round++) sessions.push(runHeapSession(options));
  const growth = figure(
    'heap growth',
    'bytes',
    sessions.map((s) => s.heapAtEnd - s.heapAfterFirstSecond),
  );
  const minutes = options.simulatedSeconds / 60;
  return [
    {
      id: 'heap/demo-plugin-set/simulated-session',
      measure:
        `Heap after ${Number.isInteger(minutes) ? `${minutes} simulated minutes` : `${options.simulatedSeconds} simulated s`} ` +
        `at 60 Hz, demo plugin set (${options.lobbyCount} lobbies), no rendering`,
      subject: figure(
        'heap at the end',
        'bytes',
        sessions.map((s) => s.heapAtEnd),
      ),
      baseline: figure(
        'heap after the first simulated second',
        'bytes',
        sessions.map((s) => s.heapAfterFirstSecond),
      ),
      ratio: medianRatio(
        sessions.map((s) => s.heapAtEnd),
        sessions.map((s) => s.heapAfterFirstSecond),
      ),
      note: `growth ${formatBytes(growth.median, true)}`,
      target: '< 1 MB growth',
      met: growth.median < MAX_HEAP_GROWTH_BYTES,
      details: {
        growthBytes: growth.median,
        growthRounds: growth.rounds.join(' '),
        ticks: sessions[0]!.ticks,
        rankingsPerSession: sessions[0]!.rankings,
        regionChangesPerSession: sessions[0]!.regionChanges,
      },
    },
  ];
}

/** Readings of the koffi callback session. */
export interface KoffiCallbackSession {
  readonly before: number;
  readonly during: number;
  readonly after: number;
  readonly ticks: number;
}

/** Runs the Steam session on the double and counts live koffi callbacks (see the file comment). */
export function runKoffiCallbackSession(
  controls: SteamDoubleControls,
  ticks: number,
): KoffiCallbackSession {
  const before = liveNativeCallbackCount();
  const backend = startSteamBackend(controls);
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  let during = before;
  try {
    engine.addPlugin(new NetworkingUtilsPlugin({ backend }));
    const networkingUtils = engine.getSingleton('Steam');
    networkingUtils.setGlobalCallbackSteamRelayNetworkStatusChanged();
    networkingUtils.setGlobalCallbackSteamNetConnectionStatusChanged();
    networkingUtils.setGlobalCallbackSteamNetAuthenticationStatusChanged();
    networkingUtils.setGlobalCallbackMessagesSessionRequest();
    networkingUtils.setGlobalCallbackMessagesSessionFailed();
    networkingUtils.setGlobalCallbackFakeIPResult();
    networkingUtils.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    during = liveNativeCallbackCount();
    for (let i = 0; i < ticks; i++) {
      controls.advanceTime(Math.round(FRAME_MS));
      engine.tick(FRAME_MS / 1000);
      if (i % 60 === 0) controls.clearLog();
    }
  } finally {
    engine.dispose();
  }
  return { before, during, after: liveNativeCallbackCount(), ticks };
}

/** The koffi callback row. */
export function runKoffiCallbackBenchmark(
  controls: SteamDoubleControls,
  ticks: number,
): ResultRow[] {
  const session = runKoffiCallbackSession(controls, ticks);
  const met = session.after === session.before && session.during > session.before;
  return [
    {
      id: 'heap/koffi-callbacks/steam-session',
      measure: `Live koffi callbacks after a Steam-backend session on the test double (${ticks} ticks)`,
      subject: figure('live koffi callbacks after dispose', 'callbacks', [session.after]),
      baseline: figure('live koffi callbacks during the session', 'callbacks', [session.during]),
      target: `back to ${session.before} (none leaked)`,
      met,
      details: { before: session.before, during: session.during, after: session.after },
    },
  ];
}
