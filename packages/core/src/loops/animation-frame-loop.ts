import { type Engine } from '../engine.js';
import { reportError } from '../error-hook.js';
import { LoopError } from './loop-error.js';

/**
 * The longest frame the rendering-loop adapters (animation frame, Babylon scene) pass to
 * `engine.tick` by default, in seconds. Browsers stop animation frames in background tabs; without
 * a cap, the first frame after returning would carry minutes of delta, and `engine.gameClock`
 * (which moves by each tick's delta) would make every time-driven system jump.
 */
export const MAX_FRAME_DELTA_SECONDS = 0.25;

/** What `attachToAnimationFrame` accepts; the functions default to the browser's globals. */
export interface AnimationFrameLoopOptions {
  /** Schedules `callback` for the next frame with a millisecond timestamp (`performance.now()` base). */
  requestAnimationFrame?: (callback: (timestampMs: number) => void) => number;
  /** Cancels a frame requested with `requestAnimationFrame`. */
  cancelAnimationFrame?: (handle: number) => void;
  /** The cap on one frame's delta, in seconds (default {@link MAX_FRAME_DELTA_SECONDS}). */
  maxDeltaSeconds?: number;
}

/** A host-loop attachment that can be undone. */
export interface LoopAttachment {
  /** Stops driving the engine; no tick runs afterwards. Calling it again does nothing. */
  detach(): void;
  /** False once detached (explicitly, or because `engine.tick` threw). */
  readonly attached: boolean;
}

/**
 * Thrown when the runtime has no `requestAnimationFrame` and none was passed (code
 * `LOOP_ANIMATION_FRAME_UNAVAILABLE`).
 */
export class AnimationFrameUnavailableError extends LoopError {
  constructor() {
    super(
      'LOOP_ANIMATION_FRAME_UNAVAILABLE',
      'attachToAnimationFrame(engine): this runtime has no requestAnimationFrame (Node, a worker?). Use startFixedRateLoop(engine, { hz }) for a headless loop, or pass options.requestAnimationFrame and options.cancelAnimationFrame.',
    );
  }
}

/**
 * Drives `engine.tick` from `requestAnimationFrame`, once per displayed frame.
 *
 * - `deltaSeconds` is the difference between this frame's timestamp and the previous one's, in
 *   seconds; the first frame's delta is 0. `engine.tick` moves `engine.gameClock` by it.
 * - A delta larger than `maxDeltaSeconds` (a tab that was in the background) is clamped to it;
 *   a timestamp that goes backwards gives 0.
 * - If `engine.tick` throws (engine disposed, plugin dependencies missing...), the adapter detaches
 *   and the error goes to `reportError` (context `animation-frame loop`).
 *
 * @throws AnimationFrameUnavailableError when no `requestAnimationFrame` exists.
 * @throws RangeError when `maxDeltaSeconds` is not a finite number >= 0.
 */
export function attachToAnimationFrame(
  engine: Engine,
  options: AnimationFrameLoopOptions = {},
): LoopAttachment {
  const request = options.requestAnimationFrame ?? globalRequestAnimationFrame();
  const cancel = options.cancelAnimationFrame ?? globalCancelAnimationFrame();
  if (request === undefined || cancel === undefined) throw new AnimationFrameUnavailableError();
  const maxDeltaSeconds = options.maxDeltaSeconds ?? MAX_FRAME_DELTA_SECONDS;
  if (!Number.isFinite(maxDeltaSeconds) || maxDeltaSeconds < 0) {
    throw new RangeError(
      `attachToAnimationFrame(engine, { maxDeltaSeconds }): maxDeltaSeconds must be a finite number >= 0, got ${String(maxDeltaSeconds)}.`,
    );
  }

  let attached = true;
  let previousMs: number | undefined;
  let handle = 0;

  const onFrame = (timestampMs: number): void => {
    if (!attached) return;
    const deltaSeconds =
      previousMs === undefined
        ? 0
        : Math.min(maxDeltaSeconds, Math.max(0, (timestampMs - previousMs) / 1000));
    previousMs = timestampMs;
    try {
      engine.tick(deltaSeconds);
    } catch (error) {
      attached = false;
      reportError(error, 'animation-frame loop (detached: engine.tick threw)');
      return;
    }
    // Requested after the tick, so a tick that detached the adapter requests nothing more.
    if (attached) handle = request(onFrame);
  };

  handle = request(onFrame);

  return {
    detach(): void {
      if (!attached) return;
      attached = false;
      cancel(handle);
    },
    get attached(): boolean {
      return attached;
    },
  };
}

function globalRequestAnimationFrame(): AnimationFrameLoopOptions['requestAnimationFrame'] {
  return typeof globalThis.requestAnimationFrame === 'function'
    ? (callback) => globalThis.requestAnimationFrame(callback)
    : undefined;
}

function globalCancelAnimationFrame(): AnimationFrameLoopOptions['cancelAnimationFrame'] {
  return typeof globalThis.cancelAnimationFrame === 'function'
    ? (handle) => globalThis.cancelAnimationFrame(handle)
    : undefined;
}
