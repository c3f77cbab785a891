import { type Clock } from './clock.js';

/**
 * The engine's game time: the sum of the frame deltas the host loop passed to `engine.tick`, in
 * milliseconds, read through {@link GameTime.clock}. Internal to the engine (not exported from the
 * package): only the engine holds a `GameTime`, so only it can move the time; everyone else gets
 * the `clock`, which has `now()` and nothing else.
 *
 * Invariants (each has a spec):
 * - `clock.now()` is `startMs` until the first `advance`, then `startMs` plus every delta so far.
 * - The sum is compensated (Kahan): frame deltas such as 1/60 s are not exact in binary, and a
 *   plain running sum drifts (300 ticks of 1/60 s sum to 5000.000000000002 ms, an hour of them is
 *   10 ns short). With the compensation, 300 ticks of 1/60 s read exactly 5000 ms (as do 30, 90
 *   and 120 Hz over 5 s), and an hour of them is within a picosecond of 3600000 ms.
 * - `clock.now()` never decreases, even where the compensation would round the sum down.
 */
export class GameTime {
  /** The read-only view of this time; frozen, so no one can add an `advance` to it either. */
  readonly clock: Clock;

  #sumMs: number;
  // What the last addition lost to rounding, taken back from the next one (Kahan summation).
  #lostMs = 0;
  #nowMs: number;

  /** @throws RangeError when `startMs` is not a finite number. */
  constructor(startMs = 0) {
    if (typeof startMs !== 'number' || !Number.isFinite(startMs)) {
      throw new RangeError(
        `Game time must start at a finite number of milliseconds, got ${String(startMs)}.`,
      );
    }
    this.#sumMs = startMs;
    this.#nowMs = startMs;
    this.clock = Object.freeze({ now: (): number => this.#nowMs });
  }

  /**
   * Moves the time forward by `deltaMs` (a finite number >= 0: `engine.tick` has checked it).
   */
  advance(deltaMs: number): void {
    const corrected = deltaMs - this.#lostMs;
    const sum = this.#sumMs + corrected;
    this.#lostMs = sum - this.#sumMs - corrected;
    this.#sumMs = sum;
    // The compensation can take the sum a hair below an earlier reading; a clock never goes back.
    if (sum > this.#nowMs) this.#nowMs = sum;
  }
}
