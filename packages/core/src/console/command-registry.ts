import {
  type CommandContext,
  type CommandResult,
  type ConsoleArgs,
  type ConsoleArgSpec,
  type ConsoleCommand,
  type ConsoleOutput,
} from './command-types.js';
import { ConsoleError } from './console-error.js';
import { echoText } from './echo-text.js';
import { ConsoleHistory, DEFAULT_HISTORY_LIMIT } from './console-history.js';
import { isConsoleTable } from './format-table.js';
import { BOOLEAN_CHOICES, parseArguments } from './parse-arguments.js';
import { suggestName } from './suggest.js';
import { continueToken, describeOpenQuote, scanLine } from './tokenize.js';
import { validateCommand } from './validate-command.js';

/** Options of a `CommandRegistry`. */
export interface CommandRegistryOptions {
  /** How many executed lines the history keeps (default 500). */
  readonly historyLimit?: number;
}

/** Options of one `execute` call. */
export interface ExecuteOptions {
  /** Record the line in the history (default true). */
  readonly addToHistory?: boolean;
}

/** The completion of the token under the cursor (the end of the line given). */
export interface Completion {
  /** Offset in the line where the token being completed starts. */
  readonly start: number;
  /** The token as typed so far (`line.slice(start)`), quotes included. */
  readonly token: string;
  /** True when the token is the command name (the first token). */
  readonly isCommandName: boolean;
  /**
   * What the token may become, as text to type: each starts with `token`, so a user interface can
   * insert the part after it (or the common prefix of several). A command namespace ends with a
   * dot (`net.`). Quotes are added where a value needs them, and closed: a token typed in quotes
   * stays in them (`"Fa` -> `"Fake Lag"`), a bare one continues with a quoted part (`Fa` ->
   * `Fa"ke Lag"`, which reads back as `Fake Lag`).
   */
  readonly candidates: readonly string[];
}

function message(line: string): ConsoleOutput[] {
  return [line];
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.length > 0 ? error.message : error.name;
  return String(error);
}

/** Turns whatever a handler returned into output lines and tables. */
function normalizeResult(result: unknown): ConsoleOutput[] {
  if (result === undefined || result === null) return [];
  if (typeof result === 'string') return result.split(/\r?\n/);
  if (Array.isArray(result)) return result.flatMap((item: unknown) => normalizeResult(item));
  if (isConsoleTable(result)) return [result];
  return [String(result)];
}

/** The spec of the argument at `index` (0-based, after the command name), the rest one included. */
function argumentAt(command: ConsoleCommand, index: number): ConsoleArgSpec | undefined {
  const specs = command.args ?? [];
  const last = specs[specs.length - 1];
  return index < specs.length ? specs[index] : last?.rest === true ? last : undefined;
}

/**
 * The dev console's commands, shared by every console user interface (the in-game overlay, the
 * terminal REPL). It parses a line, runs the command with typed arguments, completes partial lines,
 * and keeps the history of what was run.
 *
 * Invariant: `execute` never throws nor rejects, and `complete` never throws: a bad line, a bad
 * argument, an unknown command or a failing handler becomes a message line with `ok: false`.
 */
export class CommandRegistry {
  readonly #commands = new Map<string, ConsoleCommand>();
  readonly #history: ConsoleHistory;

  constructor(options: CommandRegistryOptions = {}) {
    this.#history = new ConsoleHistory(options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  }

  /**
   * Adds a command. The argument types written in `command.args` type the handler's `args`.
   *
   * @throws ConsoleError `CONSOLE_DUPLICATE_COMMAND` when the name is taken;
   *   `CONSOLE_INVALID_COMMAND` when the name or argument spec is invalid.
   */
  register<const Specs extends readonly ConsoleArgSpec[] = []>(
    command: ConsoleCommand<Specs>,
  ): void {
    const erased = command as unknown as ConsoleCommand;
    validateCommand(erased);
    if (this.#commands.has(erased.name)) {
      throw new ConsoleError(
        'CONSOLE_DUPLICATE_COMMAND',
        `Console command '${erased.name}' is already registered: unregister it first or pick another name.`,
      );
    }
    this.#commands.set(erased.name, erased);
  }

  /**
   * Removes a command registered with `register`.
   *
   * @throws ConsoleError `CONSOLE_UNKNOWN_COMMAND` when no command has that name.
   */
  unregister(name: string): void {
    if (!this.#commands.delete(name)) {
      throw new ConsoleError(
        'CONSOLE_UNKNOWN_COMMAND',
        `Cannot unregister console command '${name}': it is not registered. Check has('${name}') first.`,
      );
    }
  }

  /** True when a command has that exact name. */
  has(name: string): boolean {
    return this.#commands.has(name);
  }

  /** The command of that exact name. */
  get(name: string): ConsoleCommand | undefined {
    return this.#commands.get(name);
  }

  /** Every command, sorted by name. */
  list(): ConsoleCommand[] {
    return [...this.#commands.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The lines run so far, oldest first (bounded; consecutive duplicates kept once). */
  get history(): readonly string[] {
    return this.#history.lines;
  }

  /** How many lines the history keeps. */
  get historyLimit(): number {
    return this.#history.limit;
  }

  /** Forgets the history. */
  clearHistory(): void {
    this.#history.clear();
  }

  /**
   * The message for a name that is not a command, with the closest command name as a suggestion:
   * `Unknown command 'nets.pops'. Did you mean 'net.pops'? Type 'help' for the list.`
   */
  describeUnknownCommand(name: string): string {
    const suggestion = suggestName(name, this.#commands.keys());
    return (
      `Unknown command '${echoText(name)}'.` +
      (suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`) +
      (this.#commands.has('help') ? " Type 'help' for the list." : '')
    );
  }

  /**
   * Runs one line: the first token names the command, the others are its arguments. Blank lines do
   * nothing (and are not recorded). Never throws nor rejects.
   */
  async execute(line: string, options: ExecuteOptions = {}): Promise<CommandResult> {
    if (line.trim().length === 0) return { ok: true, output: [], clear: false };
    if (options.addToHistory !== false) this.#history.add(line);
    const scanned = scanLine(line);
    const quoteProblem = describeOpenQuote(scanned);
    if (quoteProblem !== undefined)
      return { ok: false, output: message(quoteProblem), clear: false };
    const [nameToken, ...argumentTokens] = scanned.tokens.map((token) => token.value);
    const name = nameToken ?? '';
    const command = this.#commands.get(name);
    if (command === undefined) {
      return { ok: false, output: message(this.describeUnknownCommand(name)), clear: false };
    }
    const parsed = parseArguments(command, argumentTokens);
    if (!parsed.ok) return { ok: false, output: message(parsed.message), clear: false };
    let clear = false;
    const context: CommandContext = {
      registry: this,
      command,
      line,
      requestClear: () => {
        clear = true;
      },
    };
    try {
      const result: unknown = await command.handler(
        parsed.args as ConsoleArgs<readonly ConsoleArgSpec[]>,
        context,
      );
      return { ok: true, output: normalizeResult(result), clear };
    } catch (error) {
      // Nothing a handler throws escapes: it becomes the command's failure message.
      let text: string;
      try {
        text = errorText(error);
      } catch (_unprintable) {
        text = 'failed with an error that cannot be printed';
      }
      return { ok: false, output: message(`${command.name}: ${text}`), clear };
    }
  }

  /** The completion candidates for the last token of `line` (see `completeToken`). */
  complete(line: string): string[] {
    return [...this.completeToken(line).candidates];
  }

  /**
   * Completes the token at the end of `line`: command names and namespaces by prefix for the first
   * token (`n` -> `net.`, `net.p` -> `net.ping`, `net.pops`), and for the others the argument's
   * `complete` function, or its enum choices, or the boolean words. Never throws: a completer that
   * throws offers nothing.
   */
  completeToken(line: string): Completion {
    const scanned = scanLine(line);
    const last = scanned.tokens[scanned.tokens.length - 1];
    const current =
      scanned.endsBetweenTokens || last === undefined ? { value: '', start: line.length } : last;
    const index = scanned.endsBetweenTokens ? scanned.tokens.length : scanned.tokens.length - 1;
    const token = line.slice(current.start);
    let values: readonly string[];
    if (index === 0) {
      values = this.#commandNameCandidates(current.value);
    } else {
      const command = this.#commands.get(scanned.tokens[0]?.value ?? '');
      const spec = command === undefined ? undefined : argumentAt(command, index - 1);
      values = spec === undefined ? [] : this.#argumentCandidates(spec, current.value);
    }
    const candidates = [...new Set(values)]
      .filter((value) => value.startsWith(current.value))
      .map((value) => token + continueToken(value.slice(current.value.length), scanned.openQuote));
    return { start: current.start, token, isCommandName: index === 0, candidates };
  }

  /** Command names starting with `prefix`, cut after the next dot so namespaces complete first. */
  #commandNameCandidates(prefix: string): string[] {
    const candidates = new Set<string>();
    for (const name of this.#commands.keys()) {
      if (!name.startsWith(prefix)) continue;
      const dot = name.indexOf('.', prefix.length);
      candidates.add(dot < 0 ? name : name.slice(0, dot + 1));
    }
    return [...candidates].sort();
  }

  #argumentCandidates(spec: ConsoleArgSpec, partial: string): readonly string[] {
    if (spec.complete !== undefined) {
      try {
        const offered: unknown = spec.complete(partial);
        return Array.isArray(offered)
          ? offered.filter((value): value is string => typeof value === 'string')
          : [];
      } catch (_completerFailed) {
        return [];
      }
    }
    if (spec.type === 'enum') return spec.choices;
    if (spec.type === 'boolean') return BOOLEAN_CHOICES;
    return [];
  }
}
