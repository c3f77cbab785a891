/**
 * Structured logs: one record per event, `{ time, level, msg, ...fields }`, handed to a sink. The
 * CLI's sink writes each record as one JSON line on stdout; a program or a test passes its own.
 */

/** The levels, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** A log record's level: `debug`, `info`, `warn` or `error`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The fields of a record besides its own three; their names never clash with those three. */
export type LogFields = Readonly<Record<string, unknown>> & {
  readonly time?: never;
  readonly level?: never;
  readonly msg?: never;
};

/** What a sink receives. `time` is ISO 8601 (UTC); the fields follow the three keys. */
export interface LogRecord {
  readonly time: string;
  readonly level: LogLevel;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Where log records go (default: JSON lines on standard output). */
export type LogSink = (record: LogRecord) => void;

/** True when `value` names a level. */
export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** A sink that writes each record as one line of JSON (a record never contains a raw newline). */
export function jsonLinesSink(write: (line: string) => void): LogSink {
  return (record) => write(`${JSON.stringify(record)}\n`);
}

/** Builds records and passes those at or above its level to the sink. */
export class Logger {
  readonly #sink: LogSink;
  readonly #lowest: number;
  readonly #epochMs: () => number;

  /**
   * @param sink where records go.
   * @param level the lowest level passed on.
   * @param epochMs the clock of the records' `time`.
   */
  constructor(sink: LogSink, level: LogLevel, epochMs: () => number) {
    this.#sink = sink;
    this.#lowest = LOG_LEVELS.indexOf(level);
    this.#epochMs = epochMs;
  }

  /** True when records of `level` reach the sink (so a caller can skip building costly fields). */
  enabled(level: LogLevel): boolean {
    return LOG_LEVELS.indexOf(level) >= this.#lowest;
  }

  debug(msg: string, fields: LogFields = {}): void {
    this.#write('debug', msg, fields);
  }

  info(msg: string, fields: LogFields = {}): void {
    this.#write('info', msg, fields);
  }

  warn(msg: string, fields: LogFields = {}): void {
    this.#write('warn', msg, fields);
  }

  error(msg: string, fields: LogFields = {}): void {
    this.#write('error', msg, fields);
  }

  #write(level: LogLevel, msg: string, fields: LogFields): void {
    if (!this.enabled(level)) return;
    this.#sink({ time: new Date(this.#epochMs()).toISOString(), level, msg, ...fields });
  }
}
