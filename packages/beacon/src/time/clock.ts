/**
 * The beacon's one source of time. Everything that waits or measures goes through it, so a test
 * can move time by hand: the peer prober's rounds and refreshes, the WebSocket idle timeout, the
 * rate limiter's refill and the ages in /network-config and /health.
 *
 * What it does not cover, on purpose: the emulated delay of echo answers (a delay on the wire is
 * real time, as seen by the other end's real clock) and the bounds on network operations (a fetch's
 * timeout, a websocket's closing handshake), which bound real I/O.
 */
import { clearTimeout, setTimeout } from 'node:timers';

/** A timer started by {@link BeaconClock.setTimer}. */
export interface BeaconTimer {
  /** Starts the countdown again from now, with the same delay (also after it fired); not after cancel. */
  refresh(): void;
  /** Stops the timer; its callback will not run. Idempotent. */
  cancel(): void;
}

/** The time and timers the beacon runs on (real ones by default; tests give their own). */
export interface BeaconClock {
  /** Milliseconds on a monotonic clock; only differences of two readings mean anything. */
  now(): number;
  /** Milliseconds since the Unix epoch (for `revision` and log times). */
  epochMs(): number;
  /** Runs `callback` once, `delayMs` from now, unless cancelled first. */
  setTimer(delayMs: number, callback: () => void): BeaconTimer;
}

/**
 * Real time: `performance.now()`, `Date.now()` and Node's timers. Its timers are unref'd: the
 * beacon's sockets keep the process alive, a pending timer alone must not.
 */
export const systemClock: BeaconClock = {
  now: () => performance.now(),
  epochMs: () => Date.now(),
  setTimer(delayMs, callback) {
    const timeout = setTimeout(callback, delayMs);
    timeout.unref();
    let cancelled = false;
    return {
      refresh() {
        // Node would re-arm a cleared timeout; a cancelled timer stays cancelled.
        if (!cancelled) timeout.refresh();
      },
      cancel() {
        cancelled = true;
        clearTimeout(timeout);
      },
    };
  },
};
