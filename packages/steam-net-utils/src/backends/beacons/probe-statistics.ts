/**
 * What the probes to one beacon add up to. The industry's lessons, in one place:
 * - a ping is the median of one round's answered probes (PlayFab drops the best and the worst once
 *   four answered, Photon takes a robust mean; the median drops every outlier of a round of five
 *   and is never pulled by one slow echo);
 * - a beacon is down when none of a round's probes is answered (one answered probe keeps it up:
 *   the loss statistic tells the rest);
 * - the statistics players ask for beyond ping (p90, loss, jitter) are over a window of the most
 *   recent {@link STATISTICS_WINDOW} probes, across rounds, so one round does not swing them.
 */
import { type PopStatistics } from '../../port/pop-measurements.js';

/** How many recent probes (answered or lost) the statistics are computed over. */
export const STATISTICS_WINDOW = 50;

/** The median of sorted, non-empty `values`. */
function medianOfSorted(values: readonly number[]): number {
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

/** The median of a round's answered probes (undefined: none answered). */
export function roundPing(answeredMs: readonly number[]): number | undefined {
  if (answeredMs.length === 0) return undefined;
  return medianOfSorted([...answeredMs].sort((x, y) => x - y));
}

/** The probes sent to one beacon: a bounded window, and the last round's result. */
export class ProbeWindow {
  /** Round trips in ms, NaN for a lost probe; oldest first; at most {@link STATISTICS_WINDOW}. */
  readonly #outcomes: number[] = [];
  #pingMs: number | undefined = undefined;
  #down = false;
  #rounds = 0;

  /** Records one finished round: every probe's round trip (NaN when lost), in the order sent. */
  addRound(outcomesMs: readonly number[]): void {
    for (const outcome of outcomesMs) this.#outcomes.push(outcome);
    const excess = this.#outcomes.length - STATISTICS_WINDOW;
    if (excess > 0) this.#outcomes.splice(0, excess);
    this.#pingMs = roundPing(outcomesMs.filter((ms) => !Number.isNaN(ms)));
    this.#down = this.#pingMs === undefined;
    this.#rounds++;
  }

  /** The current ping (undefined while unmeasured or down). */
  get pingMs(): number | undefined {
    return this.#pingMs;
  }

  /** True when the last round had no answer. */
  get down(): boolean {
    return this.#down;
  }

  /** True once a round has finished. */
  get measured(): boolean {
    return this.#rounds > 0;
  }

  /** Forgets every probe (after a change that makes them stale, such as fake lag). */
  clear(): void {
    this.#outcomes.length = 0;
    this.#pingMs = undefined;
    this.#down = false;
    this.#rounds = 0;
  }

  statistics(code: string, popId: number): PopStatistics {
    const answered = this.#outcomes.filter((ms) => !Number.isNaN(ms));
    const sorted = [...answered].sort((x, y) => x - y);
    let jitterSum = 0;
    for (let k = 1; k < answered.length; k++) {
      jitterSum += Math.abs(answered[k]! - answered[k - 1]!);
    }
    const samples = this.#outcomes.length;
    return {
      code,
      popId,
      pingMs: this.#pingMs,
      medianMs: sorted.length === 0 ? undefined : medianOfSorted(sorted),
      p90Ms: sorted.length === 0 ? undefined : sorted[Math.ceil(0.9 * sorted.length) - 1],
      loss: samples === 0 ? 0 : (samples - answered.length) / samples,
      jitterMs: answered.length < 2 ? undefined : jitterSum / (answered.length - 1),
      samples,
      down: this.#down,
    };
  }
}
