/**
 * Walks a history with Up/Down the way a shell prompt does: Up from the line being typed shows the
 * newest entry, then older ones (stopping at the oldest); Down goes back towards the newest and,
 * past it, restores the line that was being typed (the draft).
 */
export class HistoryCursor {
  readonly #lines: () => readonly string[];
  /** Position in the history being shown; `undefined` while the draft is shown. */
  #index: number | undefined;
  #draft = '';

  /** `lines` gives the history, oldest first, read afresh at each step. */
  constructor(lines: () => readonly string[]) {
    this.#lines = lines;
  }

  /** The entry to show after Up, given the text currently typed; undefined when there is none. */
  older(current: string): string | undefined {
    const lines = this.#lines();
    if (lines.length === 0) return undefined;
    if (this.#index === undefined) {
      this.#draft = current;
      this.#index = lines.length - 1;
    } else {
      this.#index = Math.max(0, Math.min(this.#index, lines.length) - 1);
    }
    return lines[this.#index];
  }

  /** The text to show after Down; undefined when already at the draft. */
  newer(): string | undefined {
    if (this.#index === undefined) return undefined;
    const lines = this.#lines();
    this.#index += 1;
    if (this.#index < lines.length) return lines[this.#index];
    this.#index = undefined;
    return this.#draft;
  }

  /** Back to the draft position (after a line is run). */
  reset(): void {
    this.#index = undefined;
    this.#draft = '';
  }
}
