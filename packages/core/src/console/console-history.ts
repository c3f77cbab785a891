import { ConsoleError } from './console-error.js';

/** How many lines a history keeps unless told otherwise. */
export const DEFAULT_HISTORY_LIMIT = 500;

/**
 * The lines run in a console, oldest first: blank lines are not kept, surrounding whitespace is
 * trimmed, a line equal to the one before it is kept once, and only the newest `limit` lines stay.
 */
export class ConsoleHistory {
  readonly limit: number;
  readonly #lines: string[] = [];

  constructor(limit: number = DEFAULT_HISTORY_LIMIT) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new ConsoleError(
        'CONSOLE_INVALID_OPTION',
        `Console history limit must be a positive integer, got ${limit}: pass e.g. 500.`,
      );
    }
    this.limit = limit;
  }

  /** Records a line that was run. */
  add(line: string): void {
    const trimmed = line.trim();
    if (trimmed.length === 0 || this.#lines[this.#lines.length - 1] === trimmed) return;
    this.#lines.push(trimmed);
    // Invariant: never more than `limit` lines; the oldest go first.
    if (this.#lines.length > this.limit) this.#lines.splice(0, this.#lines.length - this.limit);
  }

  /** A copy of the lines, oldest first. */
  get lines(): readonly string[] {
    return [...this.#lines];
  }

  /** Forgets every line. */
  clear(): void {
    this.#lines.length = 0;
  }
}
