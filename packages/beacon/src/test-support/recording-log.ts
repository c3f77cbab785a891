/** A log sink for tests: keeps every record, and lets a test wait for the records it expects. */
import type { LogRecord, LogSink } from '../log/logger.js';

/** How long a test waits for a record before it fails: a bound on real I/O, not a sleep. */
const DEFAULT_WAIT_MS = 5000;

interface Waiter {
  readonly since: number;
  readonly predicate: (record: LogRecord) => boolean;
  readonly count: number;
  readonly resolve: (records: LogRecord[]) => void;
}

export class RecordingLog {
  readonly records: LogRecord[] = [];
  #waiters: Waiter[] = [];

  readonly sink: LogSink = (record) => {
    this.records.push(record);
    this.#waiters = this.#waiters.filter((waiter) => !this.#settle(waiter));
  };

  /** The position from which a later `waitFor` looks. */
  mark(): number {
    return this.records.length;
  }

  /** The records since `since` that match. */
  matching(predicate: (record: LogRecord) => boolean, since = 0): LogRecord[] {
    return this.records.slice(since).filter(predicate);
  }

  /**
   * Resolves with the first `count` records since `since` that match, as soon as they have
   * arrived; rejects after `timeoutMs` of real time, naming what did arrive.
   */
  waitFor(
    predicate: (record: LogRecord) => boolean,
    { since = 0, count = 1, timeoutMs = DEFAULT_WAIT_MS } = {},
  ): Promise<LogRecord[]> {
    return new Promise<LogRecord[]>((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        const recent = this.records.slice(since).map((record) => JSON.stringify(record));
        reject(
          new Error(`Expected ${count} matching record(s); since the mark:\n${recent.join('\n')}`),
        );
      }, timeoutMs);
      const entry: Waiter = {
        since,
        predicate,
        count,
        resolve: (records) => {
          clearTimeout(timeout);
          resolve(records);
        },
      };
      if (!this.#settle(entry)) this.#waiters.push(entry);
    });
  }

  #settle(waiter: Waiter): boolean {
    const found = this.matching(waiter.predicate, waiter.since);
    if (found.length < waiter.count) return false;
    waiter.resolve(found.slice(0, waiter.count));
    return true;
  }
}
