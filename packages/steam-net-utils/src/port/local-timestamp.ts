/**
 * `GetLocalTimestamp` for the backends that keep their own timer (the simulation, the beacons):
 * Steam's general-purpose high-resolution local timer, read from the injected clock instead of the
 * operating system's.
 */
import { type Clock } from '@relaylane/core';

/**
 * The first value of the timer, in microseconds: Steam's `k_nInitialTimestamp` (3e12 µs, about
 * 34.7 days), added to the time elapsed since the timer started.
 */
export const LOCAL_TIMESTAMP_INITIAL_US = 3_000_000_000_000n;

/**
 * The lowest value the timer ever returns, 30 days in microseconds (Steam's
 * `k_nInitialTimestampMin`): the SDK promises "at least 24*3600*30*1e6", so a timestamp is never
 * mistaken for a small duration and is never negative.
 */
export const LOCAL_TIMESTAMP_MIN_US = 24n * 3600n * 30n * 1_000_000n;

/**
 * A monotonic microsecond timer: {@link LOCAL_TIMESTAMP_INITIAL_US} plus the time the clock has
 * advanced since this timer was created (as Steam adds its offset to ticks counted from first use).
 *
 * Differences from Steam, both deliberate:
 * - Steam shrinks its offset when more than 1.1 s passes between two reads while its service
 *   thread runs (to hide debugger stops). A simulation's clock jumps on purpose
 *   (`ManualClock.advance`), so every jump shows in full here.
 * - The clock's readings are trusted only as far as they keep the timer monotonic: a reading
 *   that goes back or is not a finite number returns the previous value again.
 */
export class LocalTimestamp {
  readonly #clock: Clock;
  /** The clock reading at creation: the timer's zero. */
  readonly #originMs: number;
  /** The last value returned; `now()` never returns less (the monotonic invariant). */
  #lastUs: bigint = LOCAL_TIMESTAMP_INITIAL_US;

  /**
   * @param clock the world's clock (milliseconds).
   * @throws RangeError when `clock.now()` is not a finite number at creation.
   */
  constructor(clock: Clock) {
    const originMs = clock.now();
    if (!Number.isFinite(originMs)) {
      throw new RangeError(
        `new LocalTimestamp(clock): clock.now() must return a finite number of milliseconds, got ${String(originMs)}. Pass a working Clock (SystemClock or ManualClock).`,
      );
    }
    this.#clock = clock;
    this.#originMs = originMs;
  }

  /**
   * The current timestamp in microseconds: {@link LOCAL_TIMESTAMP_INITIAL_US} plus the whole
   * microseconds elapsed on the clock since creation. Never decreases and never goes below
   * {@link LOCAL_TIMESTAMP_INITIAL_US}; a clock reading that is not finite or goes back gives the
   * previous value again. Never throws.
   */
  now(): bigint {
    // Floor, not round: a timestamp never runs ahead of the clock.
    const elapsedUs = Math.floor((this.#clock.now() - this.#originMs) * 1000);
    // The finiteness check also keeps BigInt() from throwing (NaN, or a product that overflowed).
    if (Number.isFinite(elapsedUs)) {
      const candidate = LOCAL_TIMESTAMP_INITIAL_US + BigInt(elapsedUs);
      // Clamp: only a later value replaces the last one, so the sequence is monotonic.
      if (candidate > this.#lastUs) this.#lastUs = candidate;
    }
    return this.#lastUs;
  }
}
