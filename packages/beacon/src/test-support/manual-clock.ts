/**
 * A clock for tests that moves when told: `advance(ms)` runs every timer that falls due. With
 * `followRealTime`, `now()` also moves with real time, so that real round trips over loopback
 * measure their real length, while probe rounds, refreshes and timeouts still run only when the
 * test advances.
 */
import type { BeaconClock, BeaconTimer } from '../time/clock.js';

interface ManualTimer {
  due: number;
  readonly delayMs: number;
  readonly callback: () => void;
  active: boolean;
  cancelled: boolean;
}

export class ManualClock implements BeaconClock {
  readonly #followRealTime: boolean;
  readonly #realStart = performance.now();
  readonly #epochStartMs: number;
  #offsetMs = 0;
  readonly #timers: ManualTimer[] = [];

  constructor(options: { readonly followRealTime?: boolean; readonly epochMs?: number } = {}) {
    this.#followRealTime = options.followRealTime ?? false;
    this.#epochStartMs = options.epochMs ?? Date.UTC(2030, 0, 1);
  }

  now(): number {
    return this.#offsetMs + (this.#followRealTime ? performance.now() - this.#realStart : 0);
  }

  epochMs(): number {
    return this.#epochStartMs + this.now();
  }

  setTimer(delayMs: number, callback: () => void): BeaconTimer {
    const timer: ManualTimer = {
      due: this.now() + delayMs,
      delayMs,
      callback,
      active: true,
      cancelled: false,
    };
    this.#timers.push(timer);
    return {
      refresh: () => {
        if (timer.cancelled) return;
        timer.due = this.now() + timer.delayMs;
        timer.active = true;
      },
      cancel: () => {
        timer.cancelled = true;
        timer.active = false;
      },
    };
  }

  /** Timers that would still fire. */
  get activeTimers(): number {
    return this.#timers.filter((timer) => timer.active).length;
  }

  /**
   * Moves time forward by `ms`, running each timer that falls due, in order of due time. Without
   * real time, each runs at exactly its due time (so one long advance runs every round of an
   * interval timer). Following real time, the clock never goes back: it moves to the end first and
   * runs what is due then, so that a probe sent now and answered later measures the real time in
   * between (a long advance then runs an interval timer once, as after a suspended machine).
   */
  advance(ms: number): void {
    const end = this.#offsetMs + ms;
    if (this.#followRealTime) this.#offsetMs = end;
    // Bounded: a timer re-armed by its own callback falls due at least `delayMs` later, and each
    // turn of the loop moves time forward to the next due timer.
    for (;;) {
      const next = this.#timers
        .filter((timer) => timer.active && timer.due <= this.#nowAt(end))
        .sort((x, y) => x.due - y.due)[0];
      if (next === undefined) break;
      this.#offsetMs = Math.max(this.#offsetMs, next.due - this.#realElapsed());
      next.active = false;
      next.callback();
    }
    this.#offsetMs = end;
  }

  #realElapsed(): number {
    return this.#followRealTime ? performance.now() - this.#realStart : 0;
  }

  #nowAt(offsetMs: number): number {
    return offsetMs + this.#realElapsed();
  }
}
