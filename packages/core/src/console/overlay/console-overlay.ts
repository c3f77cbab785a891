import { type CommandRegistry } from '../command-registry.js';
import { type CommandResult, type ConsoleOutput } from '../command-types.js';
import { ConsoleError } from '../console-error.js';
import { renderOutputLines } from '../format-table.js';
import { completeInput } from './complete-input.js';
import { HistoryCursor } from './history-cursor.js';
import { OVERLAY_CLASS, OVERLAY_CSS } from './overlay-styles.js';

/** Options of `mountConsoleOverlay`. */
export interface ConsoleOverlayOptions {
  /** The commands to run (usually `devConsolePlugin.registry`). */
  readonly registry: CommandRegistry;
  /** The document to mount in (default: the global `document`). */
  readonly document?: Document;
  /** The element the overlay is appended to (default: the document's body). */
  readonly parent?: HTMLElement;
  /**
   * The key that opens and closes the overlay, matched against `KeyboardEvent.key` or `.code`
   * (default `` ` ``, which also matches the physical key `Backquote` on any layout).
   */
  readonly toggleKey?: string;
  /** How many lines the scrollback keeps; the oldest go first (default 1000). */
  readonly scrollbackLimit?: number;
  /** The prompt shown before the input and before echoed lines (default `'> '`). */
  readonly prompt?: string;
}

/** A mounted console overlay. */
export interface ConsoleOverlay {
  /** Shows the overlay and focuses its input. */
  open(): void;
  /** Hides the overlay and gives the focus back to what had it before `open`. */
  close(): void;
  /** Opens it when closed, closes it when open. */
  toggle(): void;
  /** Whether the overlay is shown. */
  readonly isOpen: boolean;
  /** The overlay's root element (for styling or placement). */
  readonly element: HTMLElement;
  /** Adds lines (or tables) to the scrollback, e.g. a log message from the game. */
  print(output: string | readonly ConsoleOutput[]): void;
  /** Runs a line as if typed and entered: echoes it, runs it, prints the result. */
  run(line: string): Promise<CommandResult>;
  /** Removes the overlay, its listeners and its style element. Calling it again does nothing. */
  dispose(): void;
}

/** The default toggle key. */
export const DEFAULT_TOGGLE_KEY = '`';
/** The default scrollback size, in lines. */
export const DEFAULT_SCROLLBACK_LIMIT = 1000;

type LineKind = 'input' | 'output' | 'error' | 'choices';

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'password',
  'tel',
  'url',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** True for an element where typing inserts text (the game's own chat box, a form field...). */
function isEditable(target: EventTarget | null): boolean {
  const element = target as (Partial<HTMLElement> & { type?: string }) | null;
  if (element === null || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has(String(element.type ?? 'text').toLowerCase());
}

/**
 * Mounts the in-game dev console: a panel over the top of the page with a scrollback and an input
 * line, running `registry`'s commands. The toggle key (backtick) opens and closes it; Enter runs the
 * line, Up/Down walk the history, Tab completes (to the common prefix, listing the candidates when
 * there are several), Escape closes.
 *
 * Keyboard contract with the game:
 * - While closed, the overlay never calls `preventDefault` or `stopPropagation` on any key event,
 *   and the toggle key does nothing while the game's own text fields have the focus.
 * - While open, key events typed in its input stop at the overlay's root element, so listeners on
 *   `document` or `window` (bubble phase, as games register them) do not see them. A listener
 *   registered in the capture phase on `window` or `document` runs before the overlay and still
 *   sees them: such a listener should check `overlay.isOpen`.
 * - The backtick that opens the overlay and the one that closes it are never typed into the input.
 *
 * @throws ConsoleError `CONSOLE_OVERLAY_NO_DOCUMENT` when there is no document to mount in.
 */
export function mountConsoleOverlay(options: ConsoleOverlayOptions): ConsoleOverlay {
  return new OverlayView(options);
}

class OverlayView implements ConsoleOverlay {
  readonly element: HTMLElement;
  readonly #registry: CommandRegistry;
  readonly #document: Document;
  readonly #keyTarget: EventTarget;
  readonly #toggleKey: string;
  readonly #scrollbackLimit: number;
  readonly #prompt: string;
  readonly #style: HTMLStyleElement;
  readonly #log: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #history: HistoryCursor;
  #open = false;
  #disposed = false;
  #focusBeforeOpen: Element | null = null;
  // The character of the key press that opened the overlay, dropped if it reaches the input.
  #swallowChar: string | undefined;
  // Lines run one after another, even when a handler is async.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ConsoleOverlayOptions) {
    const doc = options.document ?? (globalThis as { document?: Document }).document;
    if (doc === undefined) {
      throw new ConsoleError(
        'CONSOLE_OVERLAY_NO_DOCUMENT',
        'mountConsoleOverlay() found no document: call it in a browser page, or pass options.document.',
      );
    }
    const limit = options.scrollbackLimit ?? DEFAULT_SCROLLBACK_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new ConsoleError(
        'CONSOLE_INVALID_OPTION',
        `mountConsoleOverlay(): scrollbackLimit must be a positive integer, got ${limit}.`,
      );
    }
    this.#registry = options.registry;
    this.#document = doc;
    this.#keyTarget = doc.defaultView ?? doc;
    this.#toggleKey = options.toggleKey ?? DEFAULT_TOGGLE_KEY;
    this.#scrollbackLimit = limit;
    this.#prompt = options.prompt ?? '> ';
    this.#history = new HistoryCursor(() => this.#registry.history);

    this.#style = doc.createElement('style');
    this.#style.textContent = OVERLAY_CSS;
    this.element = doc.createElement('div');
    this.element.className = OVERLAY_CLASS;
    this.element.hidden = true;
    this.#log = doc.createElement('div');
    this.#log.className = `${OVERLAY_CLASS}__log`;
    this.#log.setAttribute('role', 'log');
    const row = doc.createElement('div');
    row.className = `${OVERLAY_CLASS}__row`;
    const prompt = doc.createElement('span');
    prompt.className = `${OVERLAY_CLASS}__prompt`;
    prompt.textContent = this.#prompt;
    this.#input = doc.createElement('input');
    this.#input.className = `${OVERLAY_CLASS}__input`;
    this.#input.type = 'text';
    this.#input.autocomplete = 'off';
    this.#input.spellcheck = false;
    this.#input.setAttribute('aria-label', 'Console command');
    row.append(prompt, this.#input);
    this.element.append(this.#log, row);

    (doc.head ?? doc.documentElement).append(this.#style);
    (options.parent ?? doc.body).append(this.element);

    this.#keyTarget.addEventListener('keydown', this.#onGlobalKeyDown, true);
    this.#keyTarget.addEventListener('keyup', this.#onGlobalKeyUp, true);
    this.element.addEventListener('keydown', this.#onKeyDown);
    this.element.addEventListener('keyup', this.#onOtherKeyEvent);
    this.element.addEventListener('keypress', this.#onOtherKeyEvent);
    this.element.addEventListener('beforeinput', this.#onBeforeInput);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  open(): void {
    this.#assertNotDisposed('open');
    if (this.#open) return;
    this.#open = true;
    this.#focusBeforeOpen = this.#document.activeElement;
    this.element.hidden = false;
    this.#input.focus();
    this.#scrollToEnd();
  }

  close(): void {
    if (this.#disposed || !this.#open) return;
    this.#open = false;
    this.#swallowChar = undefined;
    this.#input.blur();
    this.element.hidden = true;
    const previous = this.#focusBeforeOpen as HTMLElement | null;
    this.#focusBeforeOpen = null;
    if (previous !== null && previous.isConnected && typeof previous.focus === 'function') {
      previous.focus();
    }
  }

  toggle(): void {
    if (this.#open) this.close();
    else this.open();
  }

  print(output: string | readonly ConsoleOutput[]): void {
    this.#assertNotDisposed('print');
    const lines = typeof output === 'string' ? output.split(/\r?\n/) : renderOutputLines(output);
    this.#append(lines, 'output');
  }

  run(line: string): Promise<CommandResult> {
    this.#assertNotDisposed('run');
    this.#append([`${this.#prompt}${line}`], 'input');
    const result = this.#queue.then(async () => {
      const outcome = await this.#registry.execute(line);
      // A result arriving after dispose has nowhere to go.
      if (this.#disposed) return outcome;
      if (outcome.clear) this.#log.replaceChildren();
      this.#append(renderOutputLines(outcome.output), outcome.ok ? 'output' : 'error');
      return outcome;
    });
    this.#queue = result;
    return result;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.close();
    this.#disposed = true;
    this.#keyTarget.removeEventListener('keydown', this.#onGlobalKeyDown, true);
    this.#keyTarget.removeEventListener('keyup', this.#onGlobalKeyUp, true);
    this.element.remove();
    this.#style.remove();
  }

  #assertNotDisposed(method: string): void {
    if (this.#disposed) {
      throw new ConsoleError(
        'CONSOLE_OVERLAY_DISPOSED',
        `overlay.${method}() was called after overlay.dispose(): mount a new overlay with mountConsoleOverlay().`,
      );
    }
  }

  #isToggle(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.altKey || event.metaKey) return false;
    return (
      event.key === this.#toggleKey ||
      event.code === this.#toggleKey ||
      (this.#toggleKey === DEFAULT_TOGGLE_KEY && event.code === 'Backquote')
    );
  }

  #isInside(target: EventTarget | null): boolean {
    return target !== null && this.element.contains(target as Node);
  }

  /**
   * Window, capture phase: sees the toggle key before anything can stop it. Keys inside the overlay
   * are left to `#onKeyDown`. Invariant: never calls preventDefault/stopPropagation.
   */
  readonly #onGlobalKeyDown = (event: Event): void => {
    const key = event as KeyboardEvent;
    if (this.#isInside(key.target) || key.repeat || !this.#isToggle(key)) return;
    if (this.#open) {
      this.close();
      return;
    }
    // Typing the key into the game's own text field must not open the console.
    if (isEditable(key.target)) return;
    this.open();
    // The input now has the focus, so the key press may still type its character there.
    this.#swallowChar = key.key.length === 1 ? key.key : undefined;
  };

  readonly #onGlobalKeyUp = (event: Event): void => {
    if (this.#isToggle(event as KeyboardEvent)) this.#swallowChar = undefined;
  };

  readonly #onBeforeInput = (event: Event): void => {
    const data = (event as InputEvent).data;
    if (this.#swallowChar !== undefined && data === this.#swallowChar) event.preventDefault();
    this.#swallowChar = undefined;
  };

  /** Keys other than keydown typed in the open overlay stay in it. */
  readonly #onOtherKeyEvent = (event: Event): void => {
    if (this.#open) event.stopPropagation();
  };

  /** Keys typed in the open overlay: they stay in it, and some are console commands. */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (!this.#open) return;
    event.stopPropagation();
    if (this.#isToggle(event) && !event.repeat) {
      // Prevented, so the closing backtick is not typed into the input.
      event.preventDefault();
      this.close();
      return;
    }
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        this.close();
        return;
      case 'Enter': {
        event.preventDefault();
        const line = this.#input.value;
        this.#input.value = '';
        this.#history.reset();
        void this.run(line);
        return;
      }
      case 'ArrowUp':
        event.preventDefault();
        this.#showInInput(this.#history.older(this.#input.value));
        return;
      case 'ArrowDown':
        event.preventDefault();
        this.#showInInput(this.#history.newer());
        return;
      case 'Tab':
        // Prevented, so the focus stays in the input.
        event.preventDefault();
        this.#complete();
        return;
    }
  };

  #showInInput(text: string | undefined): void {
    if (text === undefined) return;
    this.#input.value = text;
    this.#input.setSelectionRange(text.length, text.length);
  }

  #complete(): void {
    const value = this.#input.value;
    const cursor = this.#input.selectionStart ?? value.length;
    const completion = completeInput(this.#registry, value, cursor);
    this.#input.value = completion.value;
    this.#input.setSelectionRange(completion.cursor, completion.cursor);
    if (completion.choices.length > 0) this.#append([completion.choices.join('  ')], 'choices');
  }

  #append(lines: readonly string[], kind: LineKind): void {
    for (const text of lines) {
      const line = this.#document.createElement('div');
      line.className = `${OVERLAY_CLASS}__line ${OVERLAY_CLASS}__line--${kind}`;
      line.textContent = text;
      this.#log.append(line);
    }
    // Invariant: at most scrollbackLimit lines; the oldest go first.
    while (this.#log.childElementCount > this.#scrollbackLimit)
      this.#log.firstElementChild?.remove();
    this.#scrollToEnd();
  }

  #scrollToEnd(): void {
    this.#log.scrollTop = this.#log.scrollHeight;
  }
}
