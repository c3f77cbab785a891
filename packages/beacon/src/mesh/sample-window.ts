/**
 * The last `size` probes to one peer, and their statistics: a sliding window, so a statistic
 * describes recent conditions and a spike ages out after `size` probes.
 *
 * A probe is in one of three states: answered (it has a round trip), lost (no answer and older than
 * `timeoutMs`), or in flight (no answer yet, younger than `timeoutMs`: it counts neither way). An
 * answer that arrives after the timeout is not recorded: the probe stays lost, so a result never
 * changes once the timeout has decided it. Loss is decided lazily, when statistics are read, so no
 * timer runs per probe.
 *
 * Sequence numbers are consecutive per peer, so probe `s` lives in slot `s % size` until probe
 * `s + size` replaces it: lookups are O(1) and the memory is `size` slots.
 */
import { quantile } from './statistics.js';

export interface WindowStatistics {
  /** Median round trip of the answered probes, ms. */
  readonly medianMs: number;
  /** 90th percentile, ms. */
  readonly p90Ms: number;
  /** Answered probes. */
  readonly samples: number;
  /** Lost probes. */
  readonly lost: number;
  /** `lost / (samples + lost)`. */
  readonly loss: number;
  /** When the newest answered probe in the window was answered. */
  readonly newestAnswerAt: number;
}

interface Slot {
  readonly sequence: number;
  readonly sentAt: number;
  rttMs: number | undefined;
  answeredAt: number | undefined;
}

export class SampleWindow {
  readonly #slots: (Slot | undefined)[];
  readonly #timeoutMs: number;
  #lastAnswerAt: number | undefined;

  constructor(size: number, timeoutMs: number) {
    this.#slots = Array.from({ length: size }, () => undefined);
    this.#timeoutMs = timeoutMs;
  }

  /** When the newest answer arrived, even one that has since left the window. */
  get lastAnswerAt(): number | undefined {
    return this.#lastAnswerAt;
  }

  /** Records probe `sequence` sent at `at` (replacing the probe `size` before it). */
  recordSent(sequence: number, at: number): void {
    this.#slots[sequence % this.#slots.length] = {
      sequence,
      sentAt: at,
      rttMs: undefined,
      answeredAt: undefined,
    };
  }

  /**
   * Records the answer to probe `sequence`, received at `at`. Returns its round trip, or
   * undefined when the probe is not in the window, was answered already, or timed out.
   */
  recordAnswer(sequence: number, at: number): number | undefined {
    const slot = this.#slots[sequence % this.#slots.length];
    if (slot === undefined || slot.sequence !== sequence || slot.rttMs !== undefined)
      return undefined;
    const rttMs = at - slot.sentAt;
    if (rttMs < 0 || rttMs > this.#timeoutMs) return undefined;
    slot.rttMs = rttMs;
    slot.answeredAt = at;
    this.#lastAnswerAt = at;
    return rttMs;
  }

  /** The window's statistics at `now`, or undefined when no probe in it was answered. */
  statistics(now: number): WindowStatistics | undefined {
    const rtts: number[] = [];
    let lost = 0;
    let newestAnswerAt = -Infinity;
    for (const slot of this.#slots) {
      if (slot === undefined) continue;
      if (slot.rttMs !== undefined) {
        rtts.push(slot.rttMs);
        newestAnswerAt = Math.max(newestAnswerAt, slot.answeredAt!);
      } else if (now - slot.sentAt > this.#timeoutMs) {
        lost += 1;
      }
    }
    if (rtts.length === 0) return undefined;
    rtts.sort((x, y) => x - y);
    return {
      medianMs: quantile(rtts, 0.5),
      p90Ms: quantile(rtts, 0.9),
      samples: rtts.length,
      lost,
      loss: lost / (rtts.length + lost),
      newestAnswerAt,
    };
  }

  /** Forgets every probe (the peer moved: old round trips say nothing of the new place). */
  clear(): void {
    this.#slots.fill(undefined);
  }
}
