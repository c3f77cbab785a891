/**
 * One `engine.tick` with the Networking Utils plugin on the simulated relay network and 10
 * listeners on its `relay_network_status` signal, against `scene.render()` of an empty Babylon.js
 * scene on a `NullEngine` (a camera and nothing else). Target: the tick costs under 5 % of that
 * render.
 *
 * Every tick is one 60 Hz frame, which advances the engine's game clock, so the simulation's
 * lifecycle (probe rounds, keepalives, refreshes, their signals) runs at the pace of a real game.
 * The plugin is warmed up for 10 simulated seconds before timing, past the first measurement.
 */
import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import { Scene } from '@babylonjs/core/scene.js';
import { type Clock, Engine, ManualClock, MessageQueue } from '@relaylane/core';
import {
  type NetworkingUtils,
  NetworkingUtilsPlugin,
  simulatedBackend,
} from '@relaylane/steam-net-utils';
import { SimulatedWorld } from '@relaylane/steam-net-utils/simulated';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** Sizes of the tick benchmark. */
export interface EngineTickOptions {
  readonly measure: MeasureOptions;
  /** Ticks (and renders) per timed call. */
  readonly ticksPerRun: number;
}

/** One frame at 60 Hz, ms. */
export const FRAME_MS = 1000 / 60;
/** How many listeners the benchmark connects to `relay_network_status`. */
export const TICK_LISTENERS = 10;
/** Simulated time the plugin runs before timing starts, ms. */
const WARM_UP_MS = 10_000;

/** An engine with the plugin on the simulation, its game clock, and the service, ready to tick. */
export interface TickScenario {
  readonly engine: Engine;
  readonly gameClock: Clock;
  readonly networkingUtils: NetworkingUtils;
  /** Ticks the engine one frame (which advances its game clock). */
  tick(): void;
  dispose(): void;
}

/** Builds the engine the tick benchmark times (seeded: the same simulation every run). */
export function createTickScenario(seed = 1): TickScenario {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  engine.addPlugin(
    new NetworkingUtilsPlugin({
      backend: simulatedBackend({
        location: 'Frankfurt',
        seed,
        world: new SimulatedWorld({ seed }),
      }),
    }),
  );
  const networkingUtils = engine.getSingleton('Steam');
  for (let i = 0; i < TICK_LISTENERS; i++) {
    networkingUtils.signals.relay_network_status.connect((available) => {
      sink.total += available;
    });
  }
  const tick = (): void => engine.tick(FRAME_MS / 1000);
  for (let elapsed = 0; elapsed < WARM_UP_MS; elapsed += FRAME_MS) tick();
  return {
    engine,
    gameClock: engine.gameClock,
    networkingUtils,
    tick,
    dispose: () => engine.dispose(),
  };
}

/** An empty Babylon.js scene (one camera) on a NullEngine; `render()` is the baseline frame. */
export function createEmptyBabylonScene(): { readonly scene: Scene; dispose(): void } {
  const babylon = new NullEngine();
  const scene = new Scene(babylon);
  new FreeCamera('camera', Vector3.Zero(), scene);
  return {
    scene,
    dispose: () => {
      scene.dispose();
      babylon.dispose();
    },
  };
}

/** Runs the tick benchmark: one row, the tick against the empty render. */
export function runEngineTickBenchmark(options: EngineTickOptions): ResultRow[] {
  const scenario = createTickScenario();
  const babylon = createEmptyBabylonScene();
  const ticks = options.ticksPerRun;
  try {
    const workloads: Workload[] = [
      {
        name: 'engine.tick',
        opsPerRun: ticks,
        run: () => {
          for (let i = 0; i < ticks; i++) scenario.tick();
        },
      },
      {
        name: 'scene.render',
        opsPerRun: ticks,
        run: () => {
          for (let i = 0; i < ticks; i++) babylon.scene.render();
        },
      },
    ];
    const figures = measureRounds(workloads, options.measure);
    return [
      comparisonRow({
        id: 'engine-tick/net-utils-simulated/10-listeners/vs-empty-babylon-render',
        measure:
          '`engine.tick` (net-utils plugin on the simulation, 10 signal listeners, 60 Hz clock)',
        subject: figure('engine.tick', 'ns/op', figures.get('engine.tick')!),
        baseline: figure('empty NullEngine scene.render()', 'ns/op', figures.get('scene.render')!),
        maxRatio: 0.05,
        target: '< 0.05 (under 5 % of the empty render)',
        details: { relayNetworkStatus: scenario.networkingUtils.getRelayNetworkStatus() },
      }),
    ];
  } finally {
    babylon.dispose();
    scenario.dispose();
  }
}
