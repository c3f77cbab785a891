import { type Clock } from '../clock.js';
import { type Engine } from '../engine.js';
import { reportError } from '../error-hook.js';

/** The timer functions the fixed-rate loop schedules with; inject a fake one in tests. */
export interface TimerScheduler {
  /** Calls `callback` once after about `delayMs` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, delayMs: number): unknown;
  /** Cancels a pending `setTimeout` by its handle. */
  clearTimeout(handle: unknown): void;
}

/** What `startFixedRateLoop` accepts. */
export interface FixedRateLoopOptions {
  /** Ticks per second (finite, > 0). */
  hz: number;
  /** Where the loop reads the real time it paces ticks by (default: `engine.realTimeClock`). */
  clock?: Clock;
  /** Where the loop schedules its timers (default: the global `setTimeout`/`clearTimeout`). */
  scheduler?: TimerScheduler;
}

/** A running host loop. */
export interface LoopHandle {
  /** Stops the loop; no tick runs afterwards. Calling it again does nothing. */
  stop(): void;
  /** False once `stop()` was called or the loop stopped because `engine.tick` threw. */
  readonly running: boolean;
}

const globalScheduler: TimerScheduler = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) =>
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Drives `engine.tick` at a fixed rate from timers, for a headless server or the terminal console
 * (in a page, prefer `attachToAnimationFrame` or the Babylon adapter).
 *
 * - Each tick's `deltaSeconds` is the real time since the previous tick on `clock` (since the
 *   start for the first tick, which runs one period after `startFixedRateLoop`); `engine.tick`
 *   adds it to `engine.gameClock`, so game time keeps pace with real time, stalls included.
 * - No drift: tick `n` is scheduled for `start + n * period` on the clock, not for "now + period",
 *   so timer lateness does not add up.
 * - When the process stalls for longer than a period, the missed ticks are not replayed: the loop
 *   runs one tick whose delta covers the whole gap, then resumes on the original grid.
 * - If `engine.tick` throws (engine disposed, plugin dependencies missing...), the loop stops and
 *   the error goes to `reportError` (context `fixed-rate loop`).
 *
 * @throws RangeError when `hz` is not a finite number > 0.
 */
export function startFixedRateLoop(engine: Engine, options: FixedRateLoopOptions): LoopHandle {
  const { hz } = options;
  if (typeof hz !== 'number' || !Number.isFinite(hz) || hz <= 0) {
    throw new RangeError(
      `startFixedRateLoop(engine, { hz }): hz must be a finite number > 0 (ticks per second), got ${String(hz)}.`,
    );
  }
  const clock = options.clock ?? engine.realTimeClock;
  const scheduler = options.scheduler ?? globalScheduler;
  const periodMs = 1000 / hz;

  const startMs = clock.now();
  let lastTickMs = startMs;
  // Ticks are counted, not accumulated: the ideal time of tick n is start + n * period exactly,
  // so no floating-point error builds up either.
  let tickIndex = 1;
  let handle: unknown;
  let running = true;

  const scheduleNext = (nowMs: number): void => {
    handle = scheduler.setTimeout(onTimer, Math.max(0, startMs + tickIndex * periodMs - nowMs));
  };

  function onTimer(): void {
    if (!running) return;
    const nowMs = clock.now();
    const dueMs = startMs + tickIndex * periodMs;
    // A timer may fire a little early; wait for the ideal time instead of ticking ahead of it.
    if (nowMs < dueMs) {
      scheduleNext(nowMs);
      return;
    }
    const deltaSeconds = Math.max(0, nowMs - lastTickMs) / 1000;
    lastTickMs = nowMs;
    // Skip the grid points already past: their time is in this tick's delta. At least one step,
    // whatever the division rounds to, so the same grid point never ticks twice.
    tickIndex = Math.max(tickIndex + 1, Math.floor((nowMs - startMs) / periodMs) + 1);
    try {
      engine.tick(deltaSeconds);
    } catch (error) {
      running = false;
      reportError(error, 'fixed-rate loop (stopped: engine.tick threw)');
      return;
    }
    if (running) scheduleNext(clock.now());
  }

  scheduleNext(startMs);

  return {
    stop(): void {
      if (!running) return;
      running = false;
      scheduler.clearTimeout(handle);
    },
    get running(): boolean {
      return running;
    },
  };
}
