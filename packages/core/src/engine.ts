import { Container, ContainerModule, type ServiceIdentifier } from 'inversify';
import { type Clock, SystemClock } from './clock.js';
import { describeValue } from './describe-value.js';
import { reportError } from './error-hook.js';
import { GameTime } from './game-time.js';
import { RelaylaneError } from './errors.js';
import { MessageQueue } from './message-queue.js';
import { type Plugin } from './plugin.js';
import {
  DuplicatePluginError,
  InvalidPluginError,
  MissingPluginDependencyError,
  type PendingPlugin,
  PluginDependencyCycleError,
  PluginEnterError,
  PluginHasDependentsError,
  PluginNotFoundError,
  PluginTeardownError,
  type PluginTeardownFailure,
} from './plugin-errors.js';
import { SingletonRegistry } from './singleton-registry.js';
import { type SingletonIdentifier, type SingletonTypes } from './singleton-types.js';
import { CoreTokens } from './tokens.js';

/**
 * Thrown when the engine is used in a way its state does not allow. Codes:
 * `ENGINE_REENTRANT_TICK`, `ENGINE_DISPOSED`, `ENGINE_DISPOSE_DURING_TICK`,
 * `ENGINE_CONTAINER_IN_USE`, `ENGINE_INVALID_OPTION`.
 */
export class EngineError extends RelaylaneError {}

/** Thrown by `tick` when called while a tick is running (code `ENGINE_REENTRANT_TICK`). */
export class EngineReentrantTickError extends EngineError {
  constructor() {
    super(
      'ENGINE_REENTRANT_TICK',
      "engine.tick() was called while a tick is already running (from a plugin's process or a deferred call). Only the host loop calls tick; to run something on the next frame, push it to engine.messageQueue or connect it DEFERRED.",
    );
  }
}

/** Thrown by every state-changing method after `dispose()` (code `ENGINE_DISPOSED`). */
export class EngineDisposedError extends EngineError {
  constructor(method: string) {
    super(
      'ENGINE_DISPOSED',
      `engine.${method}() was called after engine.dispose(). A disposed engine cannot be reused: create a new Engine, and detach host loops before disposing.`,
    );
  }
}

/** What `new Engine(options)` accepts; every field is optional. */
export interface EngineOptions {
  /** What `engine.gameClock.now()` reads before the first tick, in milliseconds (default 0). */
  gameTimeStartMs?: number;
  /**
   * Real time, bound as `CoreTokens.RealTimeClock`, for what measures real durations (network
   * round trips) and for the fixed-rate loop (default: a new {@link SystemClock}).
   */
  realTimeClock?: Clock;
  /** The queue flushed at the end of each tick (default: `MessageQueue.main`, where signals without an explicit queue post their deferred calls). */
  messageQueue?: MessageQueue;
  /** The inversify container to load plugin modules into (default: a new `Container()`). */
  container?: Container;
}

/** One added plugin. `state` only moves forward: pending -> entered -> exited. */
interface PluginEntry {
  readonly plugin: Plugin;
  readonly name: string;
  readonly dependencies: readonly string[];
  state: 'pending' | 'entered' | 'exited';
  module: ContainerModule | undefined;
}

/**
 * The plugin host: one inversify `Container`, the plugins that load their bindings into it,
 * Godot-style singletons (typed names for the container's bindings), the message queue and the game
 * clock. It knows nothing of the dev console, which is a plugin (`DevConsolePlugin`).
 *
 * A host loop drives it with `tick(deltaSeconds)` (see `attachToAnimationFrame`,
 * `startFixedRateLoop` and `@relaylane/core/babylon`).
 *
 * Time follows the engine: `gameClock` reads the sum of the deltas passed to `tick` (0 ms before
 * the first, or `gameTimeStartMs`), and only `tick` moves it, before the plugins' `process` run.
 * A script that ticks 300 times by 1/60 s sees exactly 5000 ms pass, however long it took.
 * `realTimeClock` is real time, for what must measure real durations.
 *
 * Container bindings made by the engine itself (constant values): `CoreTokens.Engine`,
 * `CoreTokens.GameClock`, `CoreTokens.RealTimeClock`, `CoreTokens.MessageQueue`.
 */
export class Engine {
  /** The container every plugin's `ContainerModule` is loaded into. */
  readonly container: Container;
  /** The queue of deferred calls flushed at the end of every tick. */
  readonly messageQueue: MessageQueue;
  /**
   * Game time in milliseconds, moved only by `tick` (by `deltaSeconds * 1000`, before the
   * plugins' `process`); also bound as `CoreTokens.GameClock`. Read-only: it has no `advance`.
   */
  readonly gameClock: Clock;
  /** Real time (option `realTimeClock`, default {@link SystemClock}); `CoreTokens.RealTimeClock`. */
  readonly realTimeClock: Clock;

  readonly #gameTime: GameTime;
  readonly #singletons: SingletonRegistry;
  readonly #coreModule: ContainerModule;
  // Every added plugin by name, pending or entered, in the order it was added.
  readonly #plugins = new Map<string, PluginEntry>();
  // The entered plugins, in the order they entered; teardown walks it backwards.
  // Copy-on-write: entering and leaving replace the array, never change it in place, so a tick
  // iterates the array it started with (a plugin added during the tick waits for the next one).
  #tree: readonly PluginEntry[] = [];
  #entering = false;
  // The plugin whose enterTree is running, named in the singletons it registers.
  #enteringPlugin: string | undefined;
  #ticking = false;
  #disposed = false;
  // True while dispose() runs the plugins' exitTree: they may still unregister their singletons.
  #tearingDown = false;

  constructor(options: EngineOptions = {}) {
    this.container = options.container ?? new Container();
    this.#gameTime = new GameTime(checkGameTimeStart(options.gameTimeStartMs));
    this.gameClock = this.#gameTime.clock;
    this.realTimeClock = checkRealTimeClock(options.realTimeClock) ?? new SystemClock();
    this.messageQueue = options.messageQueue ?? MessageQueue.main;
    // Only this container's own bindings: a child container of another engine's is fine.
    if (this.container.isCurrentBound(CoreTokens.Engine)) {
      throw new EngineError(
        'ENGINE_CONTAINER_IN_USE',
        'new Engine({ container }): the container already has a CoreTokens.Engine binding, so another engine uses it. Give each engine its own container, or a child container: new Container({ parent }).',
      );
    }
    this.#coreModule = new ContainerModule(({ bind }) => {
      bind(CoreTokens.Engine).toConstantValue(this);
      bind(CoreTokens.GameClock).toConstantValue(this.gameClock);
      bind(CoreTokens.RealTimeClock).toConstantValue(this.realTimeClock);
      bind(CoreTokens.MessageQueue).toConstantValue(this.messageQueue);
    });
    this.container.loadSync(this.#coreModule);
    this.#singletons = new SingletonRegistry(this.container);
  }

  /** Whether `dispose()` was called. */
  get isDisposed(): boolean {
    return this.#disposed;
  }

  // ---- plugins ----------------------------------------------------------------------------

  /**
   * Adds a plugin. If every plugin it depends on is in the tree, its module is loaded and it
   * enters the tree now; otherwise it waits, and enters as soon as its last dependency enters.
   * Plugins that become ready together enter in the order they were added.
   *
   * A plugin still waiting when the engine ticks makes `tick` throw
   * {@link MissingPluginDependencyError}: the first tick is the moment the plugin tree must be
   * complete.
   *
   * @throws InvalidPluginError when the object has no usable name or dependencies.
   * @throws DuplicatePluginError when a plugin with this name was already added.
   * @throws PluginDependencyCycleError when the plugin would close a dependency cycle (it is not added).
   * @throws PluginEnterError when its module load or `enterTree` throws (it is not added).
   */
  addPlugin(plugin: Plugin): void {
    this.#assertNotDisposed('addPlugin');
    const entry = this.#validate(plugin);
    if (this.#plugins.has(entry.name)) throw new DuplicatePluginError(entry.name);
    const cycle = this.#findCycle(entry);
    if (cycle !== undefined) throw new PluginDependencyCycleError(cycle);
    this.#plugins.set(entry.name, entry);
    this.#enterReadyPlugins();
  }

  /**
   * Removes a plugin: if it entered the tree, calls its `exitTree` and unloads its module (its
   * bindings are gone afterwards); if it was still waiting, just forgets it.
   *
   * @throws PluginNotFoundError when no plugin of that name was added.
   * @throws PluginHasDependentsError when another added plugin (waiting or entered) depends on it;
   *   nothing is removed. Remove the dependents first: removal never cascades.
   * @throws PluginTeardownError when `exitTree` or the unload threw; the plugin is removed anyway.
   */
  removePlugin(name: string): void {
    this.#assertNotDisposed('removePlugin');
    const entry = this.#plugins.get(name);
    if (entry === undefined) throw new PluginNotFoundError(name, [...this.#plugins.keys()]);
    const dependents = [...this.#plugins.values()]
      .filter((other) => other.dependencies.includes(name))
      .map((other) => other.name);
    if (dependents.length > 0) throw new PluginHasDependentsError(name, dependents);
    if (entry.state === 'pending') {
      this.#plugins.delete(name);
      entry.state = 'exited';
      return;
    }
    const failures = this.#teardown(entry);
    if (failures.length > 0) throw new PluginTeardownError(failures);
  }

  /** Whether a plugin of that name was added (entered or still waiting for dependencies). */
  hasPlugin(name: string): boolean {
    return this.#plugins.has(name);
  }

  /** The added plugin of that name (entered or waiting), or `undefined`. */
  getPlugin(name: string): Plugin | undefined {
    return this.#plugins.get(name)?.plugin;
  }

  /** The names of the plugins in the tree, in the order they entered it. */
  getPluginList(): readonly string[] {
    return this.#tree.map((entry) => entry.name);
  }

  /** The added plugins still waiting for dependencies, with what each waits for. */
  getPendingPluginList(): readonly PendingPlugin[] {
    return [...this.#plugins.values()]
      .filter((entry) => entry.state === 'pending')
      .map((entry) => ({ plugin: entry.name, waitingFor: this.#waitingFor(entry) }));
  }

  // ---- singletons -------------------------------------------------------------------------

  /**
   * Names a service of `engine.container` (Godot's `Engine.register_singleton`): `getSingleton(name)`
   * then resolves `serviceIdentifier` through the container. A singleton is an alias, not a second
   * store: bind the service in the plugin's `ContainerModule` (as a constant or in singleton
   * scope), register its token in `enterTree`, unregister it in `exitTree`.
   *
   * For a name declared in {@link SingletonTypes}, the identifier must be a token or class of that
   * type: `engine.registerSingleton('Steam', NetworkingUtilsTokens.NetworkingUtils)`.
   *
   * @throws SingletonError `SINGLETON_INVALID_NAME` for an empty name,
   *   `SINGLETON_NOT_A_SERVICE_IDENTIFIER` for an object (bind it and register its token),
   *   `SINGLETON_ALREADY_REGISTERED` for a taken name, `SINGLETON_NOT_BOUND` when nothing is bound
   *   to the identifier.
   */
  registerSingleton<N extends keyof SingletonTypes>(
    name: N,
    serviceIdentifier: SingletonIdentifier<SingletonTypes[N]>,
  ): void;
  registerSingleton<N extends string>(
    name: N extends keyof SingletonTypes ? never : N,
    serviceIdentifier: ServiceIdentifier,
  ): void;
  registerSingleton(name: string, serviceIdentifier: ServiceIdentifier): void {
    this.#assertNotDisposed('registerSingleton');
    this.#singletons.register(name, serviceIdentifier, this.#enteringPlugin);
  }

  /**
   * What the singleton `name` resolves to in `engine.container` now: typed for a name declared in
   * {@link SingletonTypes}, `unknown` for any other name.
   *
   * @throws SingletonError `SINGLETON_NOT_FOUND` (listing the registered names),
   *   `SINGLETON_NOT_BOUND` when its plugin left without unregistering it,
   *   `SINGLETON_RESOLVE_FAILED` when the container cannot resolve it.
   */
  getSingleton<N extends keyof SingletonTypes>(name: N): SingletonTypes[N];
  getSingleton(name: string): unknown;
  getSingleton(name: string): unknown {
    return this.#singletons.resolve(name);
  }

  /** Whether a singleton is registered under `name`. */
  hasSingleton(name: string): boolean {
    return this.#singletons.has(name);
  }

  /**
   * Removes the singleton name `name` (the binding it named is untouched).
   *
   * @throws SingletonError `SINGLETON_NOT_FOUND` when nothing is registered under it.
   */
  unregisterSingleton(name: string): void {
    if (!this.#tearingDown) this.#assertNotDisposed('unregisterSingleton');
    this.#singletons.unregister(name);
  }

  /** The registered singleton names, in registration order. */
  getSingletonList(): readonly string[] {
    return this.#singletons.list();
  }

  // ---- frame --------------------------------------------------------------------------------

  /**
   * Runs one frame: advances `gameClock` by `deltaSeconds * 1000`, runs every plugin's
   * `process(deltaSeconds)` in tree order, then `messageQueue.flush()`. A tick that throws before
   * the plugins run (an invalid delta, a reentrant call, a missing dependency) leaves the game
   * clock where it was.
   *
   * A plugin whose `process` throws is reported through `reportError` (context
   * `plugin '<name>' process`) and the other plugins still run, as in Godot. Plugins added during
   * the tick first process on the next tick; plugins removed during it are skipped.
   *
   * @throws RangeError when `deltaSeconds` is not a finite number >= 0.
   * @throws EngineReentrantTickError when called from inside a tick.
   * @throws MissingPluginDependencyError while an added plugin waits for a dependency.
   * @throws EngineDisposedError after `dispose()`.
   */
  tick(deltaSeconds: number): void {
    this.#assertNotDisposed('tick');
    // The flag is set for the whole tick, flush included, so a deferred call cannot tick either.
    if (this.#ticking) throw new EngineReentrantTickError();
    if (typeof deltaSeconds !== 'number' || !Number.isFinite(deltaSeconds) || deltaSeconds < 0) {
      throw new RangeError(
        `engine.tick(deltaSeconds): deltaSeconds must be a finite number >= 0 (the seconds since the previous tick), got ${String(deltaSeconds)}.`,
      );
    }
    this.#assertTreeComplete();
    this.#ticking = true;
    // Before process: every plugin and every deferred call of this frame reads the frame's time.
    this.#gameTime.advance(deltaSeconds * 1000);
    try {
      // The array as the tick started (copy-on-write), so plugins added during this tick wait for
      // the next one; the state check below skips plugins removed during it.
      const entries = this.#tree;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        if (entry.state !== 'entered') continue;
        try {
          entry.plugin.process(deltaSeconds);
        } catch (error) {
          reportError(error, `plugin '${entry.name}' process`);
        }
      }
      this.messageQueue.flush();
    } finally {
      this.#ticking = false;
    }
  }

  /**
   * Tears everything down: every plugin in the tree exits and has its module unloaded, in the
   * reverse of the order they entered; waiting plugins are forgotten; the engine's own bindings
   * are unloaded and the singletons cleared. Calling it again does nothing. During it, `exitTree`
   * may still `unregisterSingleton`; any other state-changing call throws `EngineDisposedError`.
   * Deferred calls already in the message queue stay there (the queue may be shared, e.g.
   * `MessageQueue.main`).
   *
   * @throws EngineError `ENGINE_DISPOSE_DURING_TICK` when called from inside a tick.
   * @throws PluginTeardownError after the teardown completed, when some `exitTree` or unload threw.
   */
  dispose(): void {
    if (this.#disposed) return;
    if (this.#ticking) {
      throw new EngineError(
        'ENGINE_DISPOSE_DURING_TICK',
        'engine.dispose() was called during engine.tick(). Dispose from the host loop after tick returns, e.g. set a flag in process() and dispose when the frame is over.',
      );
    }
    this.#disposed = true;
    const failures: PluginTeardownFailure[] = [];
    for (const entry of this.#plugins.values()) {
      if (entry.state === 'pending') {
        this.#plugins.delete(entry.name);
        entry.state = 'exited';
      }
    }
    this.#tearingDown = true;
    try {
      // Reverse order: a plugin exits before the plugins it depends on.
      for (let i = this.#tree.length - 1; i >= 0; i -= 1) {
        const entry = this.#tree[i];
        if (entry !== undefined) failures.push(...this.#teardown(entry));
      }
    } finally {
      this.#tearingDown = false;
    }
    this.container.unloadSync(this.#coreModule);
    this.#singletons.clear();
    if (failures.length > 0) throw new PluginTeardownError(failures);
  }

  // ---- internals ----------------------------------------------------------------------------

  #assertNotDisposed(method: string): void {
    if (this.#disposed) throw new EngineDisposedError(method);
  }

  #validate(plugin: Plugin): PluginEntry {
    if (typeof plugin !== 'object' || plugin === null) {
      throw new InvalidPluginError(`expected a Plugin instance, got ${describeValue(plugin)}.`);
    }
    const { name } = plugin;
    if (typeof name !== 'string' || name.length === 0) {
      throw new InvalidPluginError(
        `the plugin (${plugin.constructor.name}) has no name. Declare \`readonly name = 'my-plugin'\` on the class.`,
      );
    }
    const dependencies: unknown = plugin.dependencies ?? [];
    if (
      !Array.isArray(dependencies) ||
      !dependencies.every((d) => typeof d === 'string' && d.length > 0)
    ) {
      throw new InvalidPluginError(
        `plugin '${name}' has invalid dependencies: expected an array of plugin names, e.g. \`override readonly dependencies = ['other-plugin']\`.`,
      );
    }
    for (const method of ['module', 'enterTree', 'process', 'exitTree'] as const) {
      if (typeof plugin[method] !== 'function') {
        throw new InvalidPluginError(
          `plugin '${name}' has no ${method}() method. Extend the Plugin class.`,
        );
      }
    }
    // The dependency list is copied so that later mutation cannot change the graph behind the
    // engine's back (cycle detection and removal checks rely on it).
    return {
      plugin,
      name,
      dependencies: [...(dependencies as string[])],
      state: 'pending',
      module: undefined,
    };
  }

  /**
   * The dependency cycle `candidate` would close, as a path from it back to it, or `undefined`.
   * Only waiting plugins need following: an entered plugin depends on entered plugins only, so no
   * path through it can lead back to a plugin that is not added yet.
   */
  #findCycle(candidate: PluginEntry): string[] | undefined {
    const path = [candidate.name];
    const visited = new Set<string>();
    const visit = (dependencies: readonly string[]): string[] | undefined => {
      for (const dependency of dependencies) {
        if (dependency === candidate.name) return [...path, dependency];
        const next = this.#plugins.get(dependency);
        if (next === undefined || next.state !== 'pending' || visited.has(dependency)) continue;
        visited.add(dependency);
        path.push(dependency);
        const cycle = visit(next.dependencies);
        if (cycle !== undefined) return cycle;
        path.pop();
      }
      return undefined;
    };
    return visit(candidate.dependencies);
  }

  #waitingFor(entry: PluginEntry): string[] {
    return entry.dependencies.filter((name) => this.#plugins.get(name)?.state !== 'entered');
  }

  /**
   * Enters every waiting plugin whose dependencies are all in the tree, repeatedly, earliest added
   * first, until none is ready. A plugin added from inside an `enterTree` is picked up by the loop
   * already running (the `#entering` guard), so entering never nests.
   */
  #enterReadyPlugins(): void {
    if (this.#entering) return;
    this.#entering = true;
    const errors: PluginEnterError[] = [];
    try {
      let next = this.#nextReady();
      while (next !== undefined) {
        try {
          this.#enter(next);
        } catch (error) {
          if (!(error instanceof PluginEnterError)) throw error;
          // Keep entering the others: one broken plugin must not strand unrelated ready ones.
          errors.push(error);
        }
        next = this.#nextReady();
      }
    } finally {
      this.#entering = false;
    }
    const [first, ...rest] = errors;
    for (const error of rest) reportError(error, `plugin '${error.plugin}' enterTree`);
    if (first !== undefined) throw first;
  }

  #nextReady(): PluginEntry | undefined {
    for (const entry of this.#plugins.values()) {
      if (entry.state === 'pending' && this.#waitingFor(entry).length === 0) return entry;
    }
    return undefined;
  }

  /** Lifecycle steps 2 and 3; on failure the entry is gone and its bindings are unloaded again. */
  #enter(entry: PluginEntry): void {
    let module: ContainerModule | undefined;
    try {
      module = entry.plugin.module();
      if (typeof module?.load !== 'function') {
        throw new TypeError(`module() returned ${String(module)}, not a ContainerModule`);
      }
      this.container.loadSync(module);
    } catch (cause) {
      this.#plugins.delete(entry.name);
      entry.state = 'exited';
      if (typeof module?.load === 'function') this.#unloadQuietly(module);
      throw new PluginEnterError('PLUGIN_MODULE_LOAD_FAILED', entry.name, cause);
    }
    entry.module = module;
    // In the tree while enterTree runs, as in Godot (getPluginList includes it).
    entry.state = 'entered';
    this.#tree = [...this.#tree, entry];
    this.#enteringPlugin = entry.name;
    try {
      entry.plugin.enterTree(this);
    } catch (cause) {
      this.#enteringPlugin = undefined;
      // Its bindings go, so the names it gave them go too: no half-entered plugin stays behind.
      this.#singletons.forgetRegisteredBy(entry.name);
      this.#forget(entry);
      this.#unloadQuietly(module);
      throw new PluginEnterError('PLUGIN_ENTER_TREE_FAILED', entry.name, cause);
    }
    this.#enteringPlugin = undefined;
  }

  /** Lifecycle steps 5 and 6. Always completes; returns what threw. */
  #teardown(entry: PluginEntry): PluginTeardownFailure[] {
    const failures: PluginTeardownFailure[] = [];
    // Forgotten first, so a removePlugin(name) from inside exitTree finds nothing to remove twice.
    this.#forget(entry);
    try {
      entry.plugin.exitTree();
    } catch (error) {
      failures.push({ plugin: entry.name, error });
    }
    if (entry.module !== undefined) {
      try {
        this.container.unloadSync(entry.module);
      } catch (error) {
        failures.push({ plugin: entry.name, error });
      }
    }
    return failures;
  }

  #forget(entry: PluginEntry): void {
    entry.state = 'exited';
    this.#plugins.delete(entry.name);
    this.#tree = this.#tree.filter((other) => other !== entry);
  }

  #unloadQuietly(module: ContainerModule): void {
    try {
      this.container.unloadSync(module);
    } catch (error) {
      reportError(error, 'unloading a plugin module after it failed to enter the tree');
    }
  }

  #assertTreeComplete(): void {
    // Every added plugin is either pending or in the tree (#plugins is the union of both), so
    // equal sizes mean nothing is pending: the check every tick makes without allocating.
    if (this.#tree.length === this.#plugins.size) return;
    const pending = this.getPendingPluginList();
    if (pending.length === 0) return;
    const missing = new Set<string>();
    for (const { waitingFor } of pending) {
      for (const name of waitingFor) if (!this.#plugins.has(name)) missing.add(name);
    }
    throw new MissingPluginDependencyError(pending, [...missing]);
  }
}

function checkGameTimeStart(startMs: number | undefined): number {
  if (startMs === undefined) return 0;
  if (typeof startMs !== 'number' || !Number.isFinite(startMs)) {
    throw new EngineError(
      'ENGINE_INVALID_OPTION',
      `new Engine({ gameTimeStartMs }): gameTimeStartMs must be a finite number of milliseconds, got ${describeValue(startMs)}. Leave it out to start the game clock at 0.`,
    );
  }
  return startMs;
}

function checkRealTimeClock(clock: Clock | undefined): Clock | undefined {
  if (clock === undefined) return undefined;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
    throw new EngineError(
      'ENGINE_INVALID_OPTION',
      `new Engine({ realTimeClock }): realTimeClock must be a Clock (an object with a now() method returning milliseconds), got ${describeValue(clock)}. Pass new SystemClock(), a ManualClock in tests, or leave it out.`,
    );
  }
  return clock;
}
