/**
 * `@relaylane/core/babylon`: drives a Relaylane {@link Engine} from a Babylon.js scene.
 *
 * A separate entry point so that `@relaylane/core` never references Babylon: only this file
 * does, and only for types (`@babylonjs/core` is an optional peer dependency).
 */
import { type Observer } from '@babylonjs/core/Misc/observable.js';
import { type Scene } from '@babylonjs/core/scene.js';
import { type Engine } from '../engine.js';
import { reportError } from '../error-hook.js';
import { type LoopAttachment, MAX_FRAME_DELTA_SECONDS } from '../loops/animation-frame-loop.js';
import { LoopError } from '../loops/loop-error.js';

export { type LoopAttachment, MAX_FRAME_DELTA_SECONDS };

/** What `attachToBabylonScene` accepts. */
export interface BabylonSceneLoopOptions {
  /** The cap on one frame's delta, in seconds (default {@link MAX_FRAME_DELTA_SECONDS}). */
  maxDeltaSeconds?: number;
}

/** Thrown when attaching to a scene that is already disposed (code `LOOP_BABYLON_SCENE_DISPOSED`). */
export class BabylonSceneDisposedError extends LoopError {
  constructor() {
    super(
      'LOOP_BABYLON_SCENE_DISPOSED',
      'attachToBabylonScene(engine, scene): the scene is already disposed, so it will never render. Attach to a live scene.',
    );
  }
}

/**
 * Calls `engine.tick` before every render of `scene`, from `scene.onBeforeRenderObservable`.
 *
 * - `deltaSeconds` is Babylon's frame time, `scene.getEngine().getDeltaTime()` (milliseconds)
 *   divided by 1000, clamped to `[0, maxDeltaSeconds]`; `engine.tick` moves `engine.gameClock` by
 *   it.
 * - `detach()` removes the observers; disposing the scene detaches automatically.
 * - If `engine.tick` throws (engine disposed, plugin dependencies missing...), the adapter detaches
 *   and the error goes to `reportError` (context `Babylon scene loop`); the render continues.
 *
 * @throws BabylonSceneDisposedError when the scene is already disposed.
 * @throws RangeError when `maxDeltaSeconds` is not a finite number >= 0.
 */
export function attachToBabylonScene(
  engine: Engine,
  scene: Scene,
  options: BabylonSceneLoopOptions = {},
): LoopAttachment {
  if (scene.isDisposed) throw new BabylonSceneDisposedError();
  const maxDeltaSeconds = options.maxDeltaSeconds ?? MAX_FRAME_DELTA_SECONDS;
  if (!Number.isFinite(maxDeltaSeconds) || maxDeltaSeconds < 0) {
    throw new RangeError(
      `attachToBabylonScene(engine, scene, { maxDeltaSeconds }): maxDeltaSeconds must be a finite number >= 0, got ${String(maxDeltaSeconds)}.`,
    );
  }

  let attached = true;
  let disposeObserver: Observer<Scene> | null = null;

  const beforeRenderObserver = scene.onBeforeRenderObservable.add(() => {
    if (!attached) return;
    const deltaMs = scene.getEngine().getDeltaTime();
    const deltaSeconds = Math.min(
      maxDeltaSeconds,
      Math.max(0, Number.isFinite(deltaMs) ? deltaMs / 1000 : 0),
    );
    try {
      engine.tick(deltaSeconds);
    } catch (error) {
      detach();
      reportError(error, 'Babylon scene loop (detached: engine.tick threw)');
    }
  });

  // Both observers are removed together, so neither outlives the attachment.
  function detach(): void {
    if (!attached) return;
    attached = false;
    scene.onBeforeRenderObservable.remove(beforeRenderObserver);
    scene.onDisposeObservable.remove(disposeObserver);
  }

  disposeObserver = scene.onDisposeObservable.add(() => detach());

  return {
    detach,
    get attached(): boolean {
      return attached;
    },
  };
}
