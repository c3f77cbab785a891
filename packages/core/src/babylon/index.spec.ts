import { Camera } from '@babylonjs/core/Cameras/camera.js';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import { Logger } from '@babylonjs/core/Misc/logger.js';
import { Scene } from '@babylonjs/core/scene.js';
import { ManualClock } from '../clock.js';
import { Engine } from '../engine.js';
import { MessageQueue } from '../message-queue.js';
import { Plugin } from '../plugin.js';
import {
  attachToBabylonScene,
  BabylonSceneDisposedError,
  MAX_FRAME_DELTA_SECONDS,
} from './index.js';
import { captureReportedErrors } from '../test-support/errors.js';

/**
 * A real NullEngine whose frame time is set by the test instead of measured on the wall clock:
 * it writes the same field Babylon's frame measurement writes, and `getDeltaTime()` is Babylon's own.
 */
class SteppedNullEngine extends NullEngine {
  setFrameTime(ms: number): void {
    this._deltaTime = ms;
  }
}

class Recorder extends Plugin {
  readonly name = 'recorder';
  readonly deltas: number[] = [];

  override process(deltaSeconds: number): void {
    this.deltas.push(deltaSeconds);
  }
}

function setup(): { engine: Engine; recorder: Recorder; babylon: SteppedNullEngine; scene: Scene } {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const recorder = new Recorder();
  engine.addPlugin(recorder);
  const babylon = new SteppedNullEngine();
  const scene = new Scene(babylon);
  scene.activeCamera = new Camera('camera', Vector3.Zero(), scene);
  return { engine, recorder, babylon, scene };
}

const reported = captureReportedErrors();
let babylonEngines: NullEngine[] = [];
beforeAll(() => {
  // Babylon logs a banner per engine; keep the test output clean (warnings and errors still show).
  Logger.LogLevels = Logger.WarningLogLevel | Logger.ErrorLogLevel;
});
afterAll(() => {
  Logger.LogLevels = Logger.AllLogLevel;
});
afterEach(() => {
  for (const engine of babylonEngines) engine.dispose();
  babylonEngines = [];
});

function track<T extends ReturnType<typeof setup>>(world: T): T {
  babylonEngines.push(world.babylon);
  return world;
}

describe('attachToBabylonScene (real NullEngine + Scene)', () => {
  test("each scene.render() ticks the engine once with Babylon's frame time in seconds", () => {
    const { engine, recorder, babylon, scene } = track(setup());
    attachToBabylonScene(engine, scene);
    babylon.setFrameTime(16);
    scene.render();
    babylon.setFrameTime(40);
    scene.render();
    expect(recorder.deltas).toHaveLength(2);
    expect(recorder.deltas[0]).toBeCloseTo(0.016, 12);
    expect(recorder.deltas[1]).toBeCloseTo(0.04, 12);
    expect(engine.gameClock.now()).toBeCloseTo(56, 9);
  });

  test('the tick runs before the render, from onBeforeRenderObservable', () => {
    const { engine, scene } = track(setup());
    const order: string[] = [];
    engine.addPlugin(
      new (class extends Plugin {
        readonly name = 'order';
        override process(): void {
          order.push('tick');
        }
      })(),
    );
    attachToBabylonScene(engine, scene);
    scene.onAfterRenderObservable.add(() => void order.push('after render'));
    scene.render();
    expect(order).toEqual(['tick', 'after render']);
  });

  test(`a huge frame time is clamped to ${MAX_FRAME_DELTA_SECONDS} s, or to maxDeltaSeconds`, () => {
    const { engine, recorder, babylon, scene } = track(setup());
    const attachment = attachToBabylonScene(engine, scene);
    babylon.setFrameTime(30_000);
    scene.render();
    attachment.detach();
    attachToBabylonScene(engine, scene, { maxDeltaSeconds: 0.1 });
    scene.render();
    expect(recorder.deltas).toEqual([MAX_FRAME_DELTA_SECONDS, 0.1]);
    // The game clock moves by the clamped deltas, not by Babylon's 30 s frame.
    expect(engine.gameClock.now()).toBeCloseTo(350, 9);
  });

  test('detach removes both observers; later renders do not tick', () => {
    const { engine, recorder, babylon, scene } = track(setup());
    // hasObservers() counts observers not yet removed: Babylon drops removed ones on a later timer.
    expect(scene.onBeforeRenderObservable.hasObservers()).toBe(false);
    expect(scene.onDisposeObservable.hasObservers()).toBe(false);
    const attachment = attachToBabylonScene(engine, scene);
    expect(scene.onBeforeRenderObservable.hasObservers()).toBe(true);
    expect(scene.onDisposeObservable.hasObservers()).toBe(true);
    attachment.detach();
    attachment.detach();
    expect(attachment.attached).toBe(false);
    expect(scene.onBeforeRenderObservable.hasObservers()).toBe(false);
    expect(scene.onDisposeObservable.hasObservers()).toBe(false);
    babylon.setFrameTime(16);
    scene.render();
    expect(recorder.deltas).toEqual([]);
  });

  test('disposing the scene detaches automatically', () => {
    const { engine, scene } = track(setup());
    const attachment = attachToBabylonScene(engine, scene);
    scene.dispose();
    expect(attachment.attached).toBe(false);
  });

  test('attaching to a disposed scene is refused', () => {
    const { engine, scene } = track(setup());
    scene.dispose();
    expect(() => attachToBabylonScene(engine, scene)).toThrow(BabylonSceneDisposedError);
    expect(() => attachToBabylonScene(engine, scene)).toThrow(
      expect.objectContaining({ code: 'LOOP_BABYLON_SCENE_DISPOSED' }),
    );
  });

  test('when engine.tick throws, the adapter detaches, reports the error and the render goes on', () => {
    const { engine, scene } = track(setup());
    const attachment = attachToBabylonScene(engine, scene);
    let rendered = 0;
    scene.onAfterRenderObservable.add(() => void (rendered += 1));
    engine.dispose();
    expect(() => scene.render()).not.toThrow();
    expect(rendered).toBe(1);
    expect(attachment.attached).toBe(false);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.context).toContain('Babylon scene loop');
    expect((reported[0]!.error as { code?: string }).code).toBe('ENGINE_DISPOSED');
  });
});
