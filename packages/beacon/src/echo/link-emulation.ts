/**
 * Emulated network conditions on the beacon's echo answers, FOR TESTS AND DEMOS ONLY: a fixed delay,
 * a random extra delay and random loss, applied in user space to every answer (UDP and WebSocket)
 * where a kernel's traffic shaper (netem) is not available. A production beacon runs without it.
 *
 * The delay is real time on Node's timers, not the beacon's injectable clock: it stands for time on
 * the wire, which the other end measures with its own real clock.
 */
import { clearTimeout, setTimeout } from 'node:timers';

/** Delay, jitter and loss the beacon adds to its answers, for tests and demos (see `emulate`). */
export interface LinkEmulation {
  /** Milliseconds added to every answer's round trip; default 0. */
  readonly delayMs?: number;
  /**
   * Milliseconds added to the answer to a source (its IPv4 address, or its IPv6 /64), instead of
   * `delayMs`: one beacon standing for several places at once, as a local demo mesh needs (the
   * player's browser on 127.0.0.1, the other beacons on their own loopback addresses). A result
   * that is not a finite number of 0 or more counts as 0.
   */
  readonly delayForSource?: (source: string) => number;
  /** Up to this many milliseconds more, uniformly at random per answer (so answers may reorder); default 0. */
  readonly jitterMs?: number;
  /** The probability, 0 to 1, that an answer is not sent at all; default 0. */
  readonly loss?: number;
  /** Random numbers in [0, 1) for the jitter and the loss (default `Math.random`). */
  readonly random?: () => number;
}

/** The longest delay `delayForSource` may give, ms (a minute: any more is a mistake). */
export const MAX_SOURCE_DELAY_MS = 60_000;

/** What became of an answer handed to {@link EmulatedLink.deliver}. */
export type Delivery = 'sent' | 'delayed' | 'lost' | 'refused';

/**
 * Sends answers through the emulated conditions. Without an emulation, every answer is sent at
 * once. At most `maxPending` answers wait at a time; one more is refused (not sent), so a flood
 * cannot make the beacon hold unbounded memory in delayed answers.
 */
export class EmulatedLink {
  readonly #emulation: Required<Omit<LinkEmulation, 'random' | 'delayForSource'>> | undefined;
  readonly #delayForSource: ((source: string) => number) | undefined;
  readonly #random: () => number;
  readonly #maxPending: number;
  readonly #pending = new Set<ReturnType<typeof setTimeout>>();

  constructor(emulation: LinkEmulation | undefined, maxPending: number) {
    this.#emulation = emulation && {
      delayMs: emulation.delayMs ?? 0,
      jitterMs: emulation.jitterMs ?? 0,
      loss: emulation.loss ?? 0,
    };
    this.#delayForSource = emulation?.delayForSource;
    this.#random = emulation?.random ?? Math.random;
    this.#maxPending = maxPending;
  }

  /** False when answers go at once, unchanged (no emulation): a caller may then skip `deliver`. */
  get emulated(): boolean {
    return this.#emulation !== undefined;
  }

  /** How many delayed answers are waiting. */
  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Runs `send` (the answer to `source`) now, after the emulated delay, or not at all (lost, or
   * refused when full).
   */
  deliver(send: () => void, source = ''): Delivery {
    const emulation = this.#emulation;
    if (emulation === undefined) {
      send();
      return 'sent';
    }
    if (emulation.loss > 0 && this.#random() < emulation.loss) return 'lost';
    const delayMs =
      this.#baseDelayMs(emulation.delayMs, source) + emulation.jitterMs * this.#random();
    if (delayMs <= 0) {
      send();
      return 'sent';
    }
    if (this.#pending.size >= this.#maxPending) return 'refused';
    const timeout = setTimeout(() => {
      this.#pending.delete(timeout);
      send();
    }, delayMs);
    this.#pending.add(timeout);
    return 'delayed';
  }

  #baseDelayMs(delayMs: number, source: string): number {
    if (this.#delayForSource === undefined) return delayMs;
    const chosen = this.#delayForSource(source);
    return Number.isFinite(chosen) && chosen > 0 ? Math.min(chosen, MAX_SOURCE_DELAY_MS) : 0;
  }

  /** Drops every waiting answer. */
  close(): void {
    for (const timeout of this.#pending) clearTimeout(timeout);
    this.#pending.clear();
  }
}
