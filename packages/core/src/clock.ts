/**
 * A source of monotonic time in milliseconds. Every time-dependent part of Relaylane takes its
 * clock from the engine instead of reading the wall clock: game logic reads the game clock
 * (`engine.gameClock`, `CoreTokens.GameClock`), which moves only as the engine ticks, so a test
 * drives time by ticking; what must measure real durations reads `engine.realTimeClock`
 * (`CoreTokens.RealTimeClock`), which a test replaces with a {@link ManualClock}. No test sleeps.
 *
 * `now()` never decreases between two calls on the same clock. Its origin is arbitrary: only
 * differences between two readings mean anything.
 */
export interface Clock {
  /** The current time in milliseconds since the clock's arbitrary origin; never decreases. */
  now(): number;
}

/**
 * The real clock: `performance.now()`, which is monotonic in browsers and in Node (unlike
 * `Date.now()`, it does not jump when the system time is changed).
 */
export class SystemClock implements Clock {
  /** Milliseconds since the page or process started (`performance.now()`). */
  now(): number {
    return performance.now();
  }
}

/**
 * A clock that moves only when told to, for tests and deterministic simulations.
 *
 * ```ts
 * const clock = new ManualClock();
 * clock.advance(250);
 * clock.now(); // 250
 * ```
 */
export class ManualClock implements Clock {
  #nowMs: number;

  /** @param startMs the reading of `now()` before the first `advance` (default 0). */
  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) {
      throw new RangeError(
        `new ManualClock(startMs): startMs must be a finite number of milliseconds, got ${String(startMs)}.`,
      );
    }
    this.#nowMs = startMs;
  }

  /** The time the clock has been advanced to, in milliseconds. */
  now(): number {
    return this.#nowMs;
  }

  /**
   * Moves the clock forward by `ms` milliseconds.
   *
   * @throws RangeError when `ms` is negative or not finite: a clock is monotonic, it cannot go back.
   */
  advance(ms: number): void {
    // Rejecting negative steps is what keeps `now()` monotonic.
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(
        `ManualClock.advance(ms): ms must be a finite number >= 0, got ${String(ms)}. A clock cannot go back in time.`,
      );
    }
    this.#nowMs += ms;
  }
}
