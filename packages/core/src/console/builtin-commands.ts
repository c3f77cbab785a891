import { typeNameOf } from '../describe-value.js';
import { type CommandRegistry } from './command-registry.js';
import { type ConsoleCommand, type ConsoleTable, defineCommand } from './command-types.js';
import { describeArgumentType, formatArgumentName, formatUsage } from './parse-arguments.js';
import {
  describeSignals,
  isSignalIntrospectable,
  type SignalIntrospectable,
} from './signal-introspection.js';

/** What the built-in commands read from the engine: its plugins and singletons. */
export interface ConsoleHost {
  /** Plugin names, in the order they entered the tree. */
  getPluginList(): readonly string[];
  /** Registered singleton names. */
  getSingletonList(): readonly string[];
  /**
   * The singleton of that name (only called with a name from `getSingletonList`). May throw, e.g.
   * for a singleton whose plugin left without unregistering it; the commands show that error.
   */
  getSingleton(name: string): unknown;
}

function summary(command: ConsoleCommand): string {
  return command.help.split(/\r?\n/, 1)[0] ?? '';
}

function commandTable(commands: readonly ConsoleCommand[]): ConsoleTable {
  return {
    columns: ['Command', 'Description'],
    rows: commands.map((command) => [formatUsage(command), summary(command)]),
  };
}

function helpFor(command: ConsoleCommand): string[] {
  const lines = [`Usage: ${formatUsage(command)}`, ...command.help.split(/\r?\n/)];
  const specs = command.args ?? [];
  if (specs.length > 0) {
    lines.push('Arguments:');
    for (const spec of specs) {
      const notes = [describeArgumentType(spec)];
      if (spec.optional === true) notes.push('optional');
      if (spec.rest === true) notes.push('repeatable');
      const description = spec.description === undefined ? '' : ` ${spec.description}`;
      lines.push(`  ${formatArgumentName(spec)} (${notes.join(', ')})${description}`);
    }
  }
  return lines;
}

type Resolved =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * The singleton `name`, or what resolving it threw: one broken singleton (its plugin left without
 * unregistering it) must not hide the others.
 */
function resolve(host: ConsoleHost, name: string): Resolved {
  try {
    return { ok: true, value: host.getSingleton(name) };
  } catch (error) {
    return { ok: false, error };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The singletons that can list their signals (the `signals` command's subjects), by name. */
function signalSingletons(host: ConsoleHost): [string, SignalIntrospectable][] {
  const found: [string, SignalIntrospectable][] = [];
  for (const name of host.getSingletonList()) {
    const singleton = resolve(host, name);
    if (singleton.ok && isSignalIntrospectable(singleton.value))
      found.push([name, singleton.value]);
  }
  return found;
}

function createBuiltinCommands(registry: CommandRegistry, host: ConsoleHost): ConsoleCommand[] {
  const commandNames = (): string[] => registry.list().map((command) => command.name);
  const help = defineCommand({
    name: 'help',
    help: "List the commands, or describe one (or every command of a namespace such as 'net').",
    args: [
      {
        name: 'command',
        type: 'string',
        optional: true,
        description: 'a command name or namespace',
        complete: commandNames,
      },
    ],
    handler: ({ command: name }) => {
      if (name === undefined) {
        return ["Commands (type 'help <command>' for details):", commandTable(registry.list())];
      }
      const command = registry.get(name);
      if (command !== undefined) return helpFor(command);
      const inNamespace = registry.list().filter((each) => each.name.startsWith(`${name}.`));
      if (inNamespace.length > 0) return commandTable(inNamespace);
      throw new Error(registry.describeUnknownCommand(name));
    },
  });
  const plugins = defineCommand({
    name: 'plugins',
    help: 'List the plugins in the tree, in the order they entered it.',
    handler: () => {
      const names = host.getPluginList();
      if (names.length === 0) return 'No plugin is in the tree.';
      return names.map((name, index) => `${index + 1}. ${name}`);
    },
  });
  const singletons = defineCommand({
    name: 'singletons',
    help: 'List the registered singletons with their type and how many signals they have.',
    handler: () => {
      const names = host.getSingletonList();
      if (names.length === 0) return 'No singleton is registered.';
      const resolved = names.map((name): [string, Resolved] => [name, resolve(host, name)]);
      const table: ConsoleTable = {
        columns: ['Singleton', 'Type', 'Signals'],
        align: ['left', 'left', 'right'],
        rows: resolved.map(([name, singleton]) => {
          if (!singleton.ok) return [name, '(cannot resolve)', '-'];
          return [
            name,
            typeNameOf(singleton.value),
            isSignalIntrospectable(singleton.value) ? singleton.value.getSignalList().length : '-',
          ];
        }),
      };
      const failures = resolved.flatMap(([name, singleton]) =>
        singleton.ok ? [] : [`${name}: ${messageOf(singleton.error)}`],
      );
      return [table, ...failures];
    },
  });
  const signals = defineCommand({
    name: 'signals',
    help: 'List the signals of a singleton (or of every singleton) with their arguments and connections.',
    args: [
      {
        name: 'object',
        type: 'string',
        optional: true,
        description: 'a singleton name',
        complete: () => signalSingletons(host).map(([name]) => name),
      },
    ],
    handler: ({ object: name }) => {
      if (name === undefined) {
        const emitters = signalSingletons(host);
        if (emitters.length === 0) return 'No singleton has signals.';
        return emitters.flatMap(([each, emitter]) => describeSignals(each, emitter));
      }
      if (!host.getSingletonList().includes(name)) {
        throw new Error(`no singleton is named '${name}'. Type 'singletons' for the list.`);
      }
      const singleton = host.getSingleton(name);
      if (!isSignalIntrospectable(singleton)) {
        throw new Error(
          `singleton '${name}' (${typeNameOf(singleton)}) has no signals: it is not a SignalEmitter.`,
        );
      }
      return describeSignals(name, singleton);
    },
  });
  const clear = defineCommand({
    name: 'clear',
    help: "Clear the console's scrollback.",
    handler: (_args, context) => {
      context.requestClear();
    },
  });
  const history = defineCommand({
    name: 'history',
    help: 'List the lines run so far, oldest first (only the last <count> if given).',
    args: [{ name: 'count', type: 'int', optional: true, description: 'how many to show' }],
    handler: ({ count }) => {
      if (count !== undefined && count < 0) {
        throw new Error(`<count> must be 0 or more, got ${count}.`);
      }
      const lines = registry.history;
      const shown =
        count === undefined ? lines : lines.slice(lines.length - Math.min(count, lines.length));
      const firstNumber = lines.length - shown.length + 1;
      const width = String(lines.length).length;
      return shown.map((line, index) => `${String(firstNumber + index).padStart(width)}  ${line}`);
    },
  });
  return [help, plugins, singletons, signals, clear, history];
}

/**
 * Registers the built-in commands on `registry`: `help [command]`, `plugins`, `singletons`,
 * `signals [object]`, `clear` and `history [count]`. `host` is what they inspect (the Engine).
 * All or nothing: if one cannot be registered, those registered before it are unregistered again.
 * `DevConsolePlugin` calls it in its `enterTree`.
 *
 * @returns the commands registered, to unregister them later.
 * @throws ConsoleError `CONSOLE_DUPLICATE_COMMAND` when one of those names is already registered.
 */
export function registerBuiltinCommands(
  registry: CommandRegistry,
  host: ConsoleHost,
): readonly ConsoleCommand[] {
  const registered: ConsoleCommand[] = [];
  try {
    for (const command of createBuiltinCommands(registry, host)) {
      registry.register(command);
      registered.push(command);
    }
  } catch (error) {
    for (const command of registered) registry.unregister(command.name);
    throw error;
  }
  return registered;
}
