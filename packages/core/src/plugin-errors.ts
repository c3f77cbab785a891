import { RelaylaneError } from './errors.js';

/** The base of every error about adding, removing or running a plugin. */
export class PluginError extends RelaylaneError {}

/** Thrown by `addPlugin` when the object is not a usable plugin (code `PLUGIN_INVALID`). */
export class InvalidPluginError extends PluginError {
  constructor(detail: string) {
    super('PLUGIN_INVALID', `engine.addPlugin(plugin): ${detail}`);
  }
}

/** Thrown by `addPlugin` when a plugin with the same name was already added (`PLUGIN_DUPLICATE_NAME`). */
export class DuplicatePluginError extends PluginError {
  readonly plugin: string;

  constructor(plugin: string) {
    super(
      'PLUGIN_DUPLICATE_NAME',
      `Plugin '${plugin}' is already added to this engine. Plugin names are unique: remove the existing one with engine.removePlugin('${plugin}') first, or give the new plugin another name.`,
    );
    this.plugin = plugin;
  }
}

/** A plugin that was added but has not entered the tree, and the dependencies it waits for. */
export interface PendingPlugin {
  readonly plugin: string;
  /** Its dependencies that are not in the tree yet, in the order the plugin lists them. */
  readonly waitingFor: readonly string[];
}

/**
 * Thrown by `tick` while some added plugin still waits for a dependency (code
 * `PLUGIN_MISSING_DEPENDENCY`): the engine does not run an incomplete plugin tree.
 */
export class MissingPluginDependencyError extends PluginError {
  /** Every plugin still waiting, with what it waits for. */
  readonly pending: readonly PendingPlugin[];
  /** The dependency names that no added plugin has: these must be added (or the waiters removed). */
  readonly missing: readonly string[];

  constructor(pending: readonly PendingPlugin[], missing: readonly string[]) {
    const waits = pending
      .map(
        ({ plugin, waitingFor }) =>
          `'${plugin}' waits for ${waitingFor.map((d) => `'${d}'`).join(', ')}`,
      )
      .join('; ');
    const fix =
      missing.length > 0
        ? `Add ${missing.map((d) => `'${d}'`).join(', ')} first with engine.addPlugin(...)`
        : 'Add the plugins they wait for with engine.addPlugin(...)';
    const remove = pending.map(({ plugin }) => `engine.removePlugin('${plugin}')`).join(', ');
    super(
      'PLUGIN_MISSING_DEPENDENCY',
      `Plugin dependencies are missing, so the engine cannot tick: ${waits}. ${fix}, or remove the waiting plugins (${remove}).`,
    );
    this.pending = pending;
    this.missing = missing;
  }
}

/**
 * Thrown by `addPlugin` when the new plugin would close a dependency cycle (code
 * `PLUGIN_DEPENDENCY_CYCLE`). The plugin is not added.
 */
export class PluginDependencyCycleError extends PluginError {
  /** The cycle, starting and ending with the plugin being added: `['a', 'b', 'a']`. */
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    const path = cycle.map((name) => `'${name}'`).join(' -> ');
    const last = cycle[cycle.length - 2] ?? cycle[0] ?? '';
    const first = cycle[0] ?? '';
    super(
      'PLUGIN_DEPENDENCY_CYCLE',
      `Plugin dependency cycle: ${path}. A plugin cannot depend on itself, directly or through others; remove '${first}' from the dependencies of '${last}' (or break the cycle elsewhere). Plugin '${first}' was not added.`,
    );
    this.cycle = cycle;
  }
}

/**
 * Thrown by `removePlugin` when other added plugins depend on the one being removed (code
 * `PLUGIN_HAS_DEPENDENTS`). Nothing is removed.
 */
export class PluginHasDependentsError extends PluginError {
  readonly plugin: string;
  readonly dependents: readonly string[];

  constructor(plugin: string, dependents: readonly string[]) {
    const names = dependents.map((d) => `'${d}'`).join(', ');
    super(
      'PLUGIN_HAS_DEPENDENTS',
      `Cannot remove plugin '${plugin}': ${names} ${dependents.length === 1 ? 'depends' : 'depend'} on it. Remove ${names} first.`,
    );
    this.plugin = plugin;
    this.dependents = dependents;
  }
}

/** Thrown by `removePlugin` for a name that was never added (code `PLUGIN_NOT_FOUND`). */
export class PluginNotFoundError extends PluginError {
  readonly plugin: string;

  constructor(plugin: string, added: readonly string[]) {
    const known =
      added.length === 0 ? 'No plugin is added' : `Added: ${added.map((n) => `'${n}'`).join(', ')}`;
    super(
      'PLUGIN_NOT_FOUND',
      `Plugin '${plugin}' is not added to this engine. ${known}. Check the name (engine.getPluginList()).`,
    );
    this.plugin = plugin;
  }
}

/**
 * Thrown when a plugin's `module()`/module load (code `PLUGIN_MODULE_LOAD_FAILED`) or its
 * `enterTree` (code `PLUGIN_ENTER_TREE_FAILED`) throws. The plugin did not enter the tree; `cause`
 * is the original error.
 */
export class PluginEnterError extends PluginError {
  readonly plugin: string;

  constructor(
    code: 'PLUGIN_MODULE_LOAD_FAILED' | 'PLUGIN_ENTER_TREE_FAILED',
    plugin: string,
    cause: unknown,
  ) {
    const step =
      code === 'PLUGIN_MODULE_LOAD_FAILED'
        ? 'loading its ContainerModule failed (module load functions must be synchronous and bind each identifier once)'
        : 'its enterTree threw';
    super(
      code,
      `Plugin '${plugin}' could not enter the tree: ${step}: ${messageOf(cause)}. Its bindings were unloaded and its singletons unregistered; it was not added. Fix the cause and add it again.`,
      { cause },
    );
    this.plugin = plugin;
  }
}

/** One plugin whose teardown (`exitTree` or unloading its module) threw. */
export interface PluginTeardownFailure {
  readonly plugin: string;
  readonly error: unknown;
}

/**
 * Thrown by `removePlugin` or `dispose` after the teardown completed, when some plugin's
 * `exitTree` or module unload threw (code `PLUGIN_TEARDOWN_FAILED`). The plugins are removed
 * regardless; `failures` holds every original error.
 */
export class PluginTeardownError extends PluginError {
  readonly failures: readonly PluginTeardownFailure[];

  constructor(failures: readonly PluginTeardownFailure[]) {
    const list = failures.map(({ plugin, error }) => `'${plugin}': ${messageOf(error)}`).join('; ');
    super(
      'PLUGIN_TEARDOWN_FAILED',
      `Plugin teardown threw (${list}). The plugins were removed anyway; make exitTree and deactivation handlers synchronous and non-throwing.`,
      { cause: failures[0]?.error },
    );
    this.failures = failures;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
