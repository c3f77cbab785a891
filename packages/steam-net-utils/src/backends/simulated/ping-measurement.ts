/**
 * What a simulated host knows about its pings to each POP: the probes it sent, the answers it
 * got, and the smoothed ping Steam would report.
 *
 * Smoothing follows Valve's relay client: a POP's ping is the mean of the best 2 of its last 3
 * answered probes. The first probe to a POP is often slow (route and NAT set-up), so once three
 * answers are in, a single slow sample no longer counts.
 */

/** How many of the latest answered probes a POP's ping is computed from. */
export const PING_SMOOTHING_WINDOW = 3;

/** How many of the samples in the window (the fastest ones) are averaged. */
export const PING_SMOOTHING_BEST = 2;

/**
 * The smoothed ping of a list of answered probe round trips, oldest first: the mean of the best
 * {@link PING_SMOOTHING_BEST} of the last {@link PING_SMOOTHING_WINDOW} samples (the mean of all
 * of them while there are fewer). Returns undefined for an empty list.
 */
export function smoothPing(samples: readonly number[]): number | undefined {
  if (samples.length === 0) return undefined;
  const window = samples.slice(-PING_SMOOTHING_WINDOW).sort((a, b) => a - b);
  const best = window.slice(0, PING_SMOOTHING_BEST);
  return best.reduce((sum, value) => sum + value, 0) / best.length;
}

/** One POP's probe history. */
interface PopRecord {
  /** Probes ever sent to the POP; the next probe's index (0 = the slow first probe). */
  sent: number;
  /** Probes answered, in this host's lifetime at its current location. */
  answered: number;
  /** Timeouts since the last answer. */
  consecutiveTimeouts: number;
  /** Probes sent in the current measurement. */
  sentNow: number;
  /** Probes answered in the current measurement. */
  answeredNow: number;
  /** Probes of the current measurement whose fate is known (answered or timed out). */
  resolvedNow: number;
  /** The latest answered round trips, oldest first, at most {@link PING_SMOOTHING_WINDOW}. */
  readonly window: number[];
}

/**
 * The probe history of one host, per POP (by the latency model's POP index).
 *
 * Invariants: a POP's window only ever holds answered samples, newest last, and never more than
 * {@link PING_SMOOTHING_WINDOW}; `answered` counts every answer, so it can exceed the window;
 * `resolvedNow ≤ sentNow` (a probe is resolved once, by its answer or its timeout).
 */
export class PingTable {
  readonly #records: PopRecord[];

  /** A table for `popCount` POPs, with nothing measured. */
  constructor(popCount: number) {
    this.#records = Array.from({ length: popCount }, () => ({
      sent: 0,
      answered: 0,
      consecutiveTimeouts: 0,
      sentNow: 0,
      answeredNow: 0,
      resolvedNow: 0,
      window: [],
    }));
  }

  /** Number of POPs in the table. */
  get size(): number {
    return this.#records.length;
  }

  /** Starts counting a new measurement (lifetime counts, timeouts in a row and windows carry on). */
  startMeasurement(): void {
    for (const record of this.#records) {
      record.sentNow = 0;
      record.answeredNow = 0;
      record.resolvedNow = 0;
    }
  }

  /**
   * Forgets every answered sample (the windows), keeping the counts: the paths changed (a fake lag
   * was set or cleared), so no earlier round trip is comparable, but what is known about each
   * POP's reachability still holds.
   */
  forgetSamples(): void {
    for (const record of this.#records) record.window.length = 0;
  }

  /** Counts a probe to `popIndex` as sent and returns its index (0 for the first probe ever). */
  takeProbeIndex(popIndex: number): number {
    const record = this.#record(popIndex);
    record.sentNow++;
    return record.sent++;
  }

  /** Records the answer to a probe to `popIndex` that took `rttMs`. */
  recordAnswer(popIndex: number, rttMs: number): void {
    const record = this.#record(popIndex);
    record.answered++;
    record.answeredNow++;
    record.resolvedNow++;
    record.consecutiveTimeouts = 0;
    record.window.push(rttMs);
    // Keeps the window at its size: only the last samples count.
    if (record.window.length > PING_SMOOTHING_WINDOW) record.window.shift();
  }

  /** Records that a probe to `popIndex` timed out. */
  recordTimeout(popIndex: number): void {
    const record = this.#record(popIndex);
    record.resolvedNow++;
    record.consecutiveTimeouts++;
  }

  /** Probes answered by `popIndex` in this host's lifetime at its location. */
  answered(popIndex: number): number {
    return this.#record(popIndex).answered;
  }

  /** Timeouts in a row of `popIndex` since its last answer. */
  consecutiveTimeouts(popIndex: number): number {
    return this.#record(popIndex).consecutiveTimeouts;
  }

  /** Probes sent to `popIndex` in the current measurement. */
  sentThisMeasurement(popIndex: number): number {
    return this.#record(popIndex).sentNow;
  }

  /** Probes answered by `popIndex` in the current measurement. */
  answeredThisMeasurement(popIndex: number): number {
    return this.#record(popIndex).answeredNow;
  }

  /** Probes to `popIndex` of the current measurement still waiting for an answer or a timeout. */
  inFlight(popIndex: number): number {
    const record = this.#record(popIndex);
    return record.sentNow - record.resolvedNow;
  }

  /** The POP's smoothed ping ({@link smoothPing}), or undefined when it never answered. */
  smoothed(popIndex: number): number | undefined {
    return smoothPing(this.#record(popIndex).window);
  }

  /** The POP's latest answered samples, oldest first. */
  samples(popIndex: number): readonly number[] {
    return [...this.#record(popIndex).window];
  }

  #record(popIndex: number): PopRecord {
    const record = this.#records[popIndex];
    if (record === undefined) {
      throw new RangeError(
        `PingTable: POP index ${String(popIndex)} is out of range (0 to ${this.#records.length - 1}).`,
      );
    }
    return record;
  }
}
