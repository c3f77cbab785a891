import { type CommandRegistry } from './command-registry.js';

/** The kinds of value a console command argument can take. */
export type ConsoleArgType = 'string' | 'int' | 'number' | 'boolean' | 'enum';

/** What every argument spec has, whatever its type. */
interface ConsoleArgBase<Type extends ConsoleArgType> {
  /** Key of the parsed value in the handler's `args` object, and the name shown in usage (`<name>`). */
  readonly name: string;
  readonly type: Type;
  /** One line shown by `help <command>`. */
  readonly description?: string;
  /** May be left out; the handler then receives `undefined` (or `[]` for a rest argument). */
  readonly optional?: boolean;
  /** Takes every remaining token (last argument only); the handler receives an array. */
  readonly rest?: boolean;
  /**
   * Completion candidates for this argument given the text typed so far. The registry keeps only
   * the candidates that start with `partial`, so returning every possible value is fine.
   */
  readonly complete?: (partial: string) => readonly string[];
}

/** Any text. */
export type ConsoleStringArg = ConsoleArgBase<'string'>;
/** A safe integer written in decimal (`-3`, `42`). */
export type ConsoleIntArg = ConsoleArgBase<'int'>;
/** A finite decimal number (`1.5`, `-2e3`). */
export type ConsoleNumberArg = ConsoleArgBase<'number'>;
/** `on`/`off`, `true`/`false` or `1`/`0`, in any letter case. */
export type ConsoleBooleanArg = ConsoleArgBase<'boolean'>;
/** One of a fixed list of words (matched exactly); the choices are also its completions. */
export interface ConsoleEnumArg extends ConsoleArgBase<'enum'> {
  readonly choices: readonly string[];
}

/** The spec of one console command argument. */
export type ConsoleArgSpec =
  ConsoleStringArg | ConsoleIntArg | ConsoleNumberArg | ConsoleBooleanArg | ConsoleEnumArg;

interface ConsoleArgValueByType {
  string: string;
  int: number;
  number: number;
  boolean: boolean;
  enum: string;
}

/** The parsed value of one argument of spec `Spec`, before `optional`/`rest` are applied. */
type ConsoleArgScalar<Spec> = Spec extends {
  readonly type: 'enum';
  readonly choices: readonly (infer Choice extends string)[];
}
  ? Choice
  : Spec extends { readonly type: infer Type extends keyof ConsoleArgValueByType }
    ? ConsoleArgValueByType[Type]
    : never;

/** The parsed value of one argument of spec `Spec`, as the handler receives it. */
export type ConsoleArgValue<Spec> = Spec extends { readonly rest: true }
  ? ConsoleArgScalar<Spec>[]
  : Spec extends { readonly optional: true }
    ? ConsoleArgScalar<Spec> | undefined
    : ConsoleArgScalar<Spec>;

/**
 * The typed object a handler receives: one key per argument name. With the argument specs written
 * inline in `register(...)` or `defineCommand(...)`, `{ name: 'count', type: 'int', optional: true }`
 * gives `args.count: number | undefined`.
 */
export type ConsoleArgs<Specs extends readonly ConsoleArgSpec[]> = {
  [Spec in Specs[number] as Spec['name']]: ConsoleArgValue<Spec>;
};

/**
 * A table a handler can return; `formatTable` renders it as aligned text. A column is right-aligned
 * when `align` says so, or, when `align` does not name it, when every cell in it is a number.
 */
export interface ConsoleTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly align?: readonly ('left' | 'right')[];
}

/** One piece of console output: a line of text, or a table. */
export type ConsoleOutput = string | ConsoleTable;

/**
 * What a handler may return: text (a string may span several lines), a table, a list of lines and
 * tables, or nothing. To fail, a handler throws (or rejects); the console then prints
 * `<command>: <error message>`.
 */
export type CommandHandlerResult = string | ConsoleTable | readonly ConsoleOutput[] | void;

/** What a running handler can see and ask of the console. */
export interface CommandContext {
  /** The registry running the command (to look up other commands, read the history...). */
  readonly registry: CommandRegistry;
  /** The command being run. */
  readonly command: ConsoleCommand;
  /** The line as typed. */
  readonly line: string;
  /** Asks the user interface to clear its scrollback once the command is done (`clear`). */
  requestClear(): void;
}

/**
 * A console command. `name` may be namespaced with dots (`net.pops`); `help` is its description,
 * whose first line is the summary shown by `help`.
 */
export interface ConsoleCommand<
  Specs extends readonly ConsoleArgSpec[] = readonly ConsoleArgSpec[],
> {
  readonly name: string;
  readonly help: string;
  /** The arguments, in order. Optional ones follow required ones; only the last may be `rest`. */
  readonly args?: Specs;
  /** Runs the command with its parsed, typed arguments. May be async; nothing it throws escapes. */
  handler(
    args: ConsoleArgs<Specs>,
    context: CommandContext,
  ): CommandHandlerResult | Promise<CommandHandlerResult>;
}

/** The outcome of running one line. `execute` never throws: every failure is `ok: false` with a message. */
export interface CommandResult {
  readonly ok: boolean;
  readonly output: readonly ConsoleOutput[];
  /** The command asked the user interface to clear its scrollback. */
  readonly clear: boolean;
}

/**
 * Gives a command its argument types without registering it, so that a plugin can declare its
 * commands in one place and register them in `enterTree`. Returns `command` unchanged.
 */
export function defineCommand<const Specs extends readonly ConsoleArgSpec[] = []>(
  command: ConsoleCommand<Specs>,
): ConsoleCommand<Specs> {
  return command;
}
