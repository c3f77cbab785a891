import { ContainerModule } from 'inversify';
import { describeValue } from '../describe-value.js';
import { type Engine } from '../engine.js';
import { Plugin } from '../plugin.js';
import { registerBuiltinCommands } from './builtin-commands.js';
import { CommandRegistry } from './command-registry.js';
import { type ConsoleCommand } from './command-types.js';
import { ConsoleError } from './console-error.js';
import { DevConsoleTokens } from './dev-console-tokens.js';

/** What `new DevConsolePlugin(options)` accepts; every field is optional. */
export interface DevConsolePluginOptions {
  /** The registry to serve (default: a new `CommandRegistry`). */
  readonly registry?: CommandRegistry;
  /**
   * Whether `enterTree` registers the built-in commands (`help`, `plugins`, `singletons`,
   * `signals`, `clear`, `history`) on the registry; default true.
   */
  readonly builtins?: boolean;
}

/**
 * The dev console as a plugin: the engine itself knows nothing of the console. Its module binds
 * the command registry as `DevConsoleTokens.CommandRegistry`; `enterTree` registers the built-in
 * commands, which inspect the engine; `exitTree` unregisters exactly the built-ins it registered.
 * The overlay and the terminal REPL take `plugin.registry`.
 *
 * Plugins that add commands list `DevConsolePlugin.pluginName` in their `dependencies` and resolve
 * the registry from the container in `enterTree`.
 */
export class DevConsolePlugin extends Plugin {
  /** The plugin's name, for other plugins' `dependencies`. */
  static readonly pluginName = DevConsoleTokens.PluginName;

  readonly name = DevConsolePlugin.pluginName;

  readonly #registry: CommandRegistry;
  readonly #builtins: boolean;
  // The built-ins this plugin registered in its enterTree; exitTree unregisters exactly these.
  #registered: readonly ConsoleCommand[] = [];

  /** @throws ConsoleError `CONSOLE_INVALID_OPTION` for a registry or builtins of the wrong kind. */
  constructor(options: DevConsolePluginOptions = {}) {
    super();
    const { registry = new CommandRegistry(), builtins = true } = options;
    if (!(registry instanceof CommandRegistry)) {
      throw new ConsoleError(
        'CONSOLE_INVALID_OPTION',
        `new DevConsolePlugin({ registry }): registry must be a CommandRegistry, got ${describeValue(registry)}. Leave it out for a new one.`,
      );
    }
    if (typeof builtins !== 'boolean') {
      throw new ConsoleError(
        'CONSOLE_INVALID_OPTION',
        `new DevConsolePlugin({ builtins }): builtins must be true or false, got ${describeValue(builtins)}.`,
      );
    }
    this.#registry = registry;
    this.#builtins = builtins;
  }

  /** The command registry this plugin serves (the same object as `DevConsoleTokens.CommandRegistry`). */
  get registry(): CommandRegistry {
    return this.#registry;
  }

  override module(): ContainerModule {
    return new ContainerModule(({ bind }) => {
      bind(DevConsoleTokens.CommandRegistry).toConstantValue(this.#registry);
    });
  }

  /**
   * Registers the built-in commands (unless `builtins: false`), with the engine as what they
   * inspect.
   *
   * @throws ConsoleError `CONSOLE_DUPLICATE_COMMAND` when the registry already has one of their
   *   names; then none of them is registered.
   */
  override enterTree(engine: Engine): void {
    this.#registered = this.#builtins ? registerBuiltinCommands(this.#registry, engine) : [];
  }

  /** Unregisters the built-ins `enterTree` registered, leaving every other command in place. */
  override exitTree(): void {
    for (const command of this.#registered) {
      // Skips a name that was unregistered, or taken by another command, since.
      if (this.#registry.get(command.name) === command) this.#registry.unregister(command.name);
    }
    this.#registered = [];
  }
}
