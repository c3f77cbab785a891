import { type Container, type ServiceIdentifier } from 'inversify';
import { describeValue } from './describe-value.js';
import { RelaylaneError } from './errors.js';

/**
 * Thrown by the engine's singleton methods. Codes: `SINGLETON_INVALID_NAME`,
 * `SINGLETON_NOT_A_SERVICE_IDENTIFIER`, `SINGLETON_ALREADY_REGISTERED`, `SINGLETON_NOT_FOUND`,
 * `SINGLETON_NOT_BOUND`, `SINGLETON_RESOLVE_FAILED`.
 */
export class SingletonError extends RelaylaneError {}

interface SingletonEntry {
  readonly identifier: ServiceIdentifier;
  /** The plugin whose `enterTree` registered it, for the message when its binding is gone. */
  readonly registeredBy: string | undefined;
}

/**
 * The engine's named singletons, as in Godot's `Engine.register_singleton`, but not a second store:
 * a singleton is a name for a service identifier of the engine's container, and getting it
 * resolves that identifier. The container stays the only place services live, so a singleton
 * leaves with the binding of the plugin that made it. Internal to the engine (not exported from
 * the package); the engine's methods are the API.
 *
 * Invariants (each has a spec):
 * - Names are unique and non-empty: registering a taken name throws, never replaces.
 * - Only service identifiers (symbol, string, class) are registered, and only bound ones: an
 *   object is refused with the fix (bind it in a ContainerModule, register its token).
 * - `resolve` never returns a stale object: it resolves through the container at each call, and a
 *   name whose identifier is no longer bound throws `SINGLETON_NOT_BOUND`, naming the plugin.
 * - `list()` is in registration order.
 */
export class SingletonRegistry {
  readonly #container: Container;
  // A Map keeps insertion order, which is the order `list()` promises.
  readonly #entries = new Map<string, SingletonEntry>();

  constructor(container: Container) {
    this.#container = container;
  }

  /**
   * Registers `name` as an alias of `identifier`.
   *
   * @param registeredBy - the plugin registering it (in its `enterTree`), if any.
   * @throws SingletonError `SINGLETON_INVALID_NAME`, `SINGLETON_NOT_A_SERVICE_IDENTIFIER`,
   *   `SINGLETON_ALREADY_REGISTERED` or `SINGLETON_NOT_BOUND`.
   */
  register(name: string, identifier: unknown, registeredBy?: string): void {
    if (typeof name !== 'string' || name.length === 0) {
      throw new SingletonError(
        'SINGLETON_INVALID_NAME',
        `registerSingleton(name, serviceIdentifier): name must be a non-empty string, got ${describeValue(name)}.`,
      );
    }
    if (!isServiceIdentifier(identifier)) {
      throw new SingletonError(
        'SINGLETON_NOT_A_SERVICE_IDENTIFIER',
        `registerSingleton('${name}', serviceIdentifier): serviceIdentifier must be a service identifier of engine.container (a token from serviceToken(), a class, a symbol or a string), got ${describeValue(identifier)}. A singleton is a name for a container binding, not an object: bind the object in your plugin's ContainerModule (bind(MyTokens.${name}).toConstantValue(object)) and register its token: engine.registerSingleton('${name}', MyTokens.${name}).`,
      );
    }
    if (this.#entries.has(name)) {
      throw new SingletonError(
        'SINGLETON_ALREADY_REGISTERED',
        `Singleton '${name}' is already registered. Call unregisterSingleton('${name}') first, or register under another name.`,
      );
    }
    if (!this.#container.isBound(identifier)) {
      throw new SingletonError(
        'SINGLETON_NOT_BOUND',
        `registerSingleton('${name}', ${describeValue(identifier)}): nothing is bound to that identifier in engine.container. Bind it in your plugin's module() (loaded before enterTree), then register it in enterTree.`,
      );
    }
    this.#entries.set(name, { identifier, registeredBy });
  }

  /**
   * What `name`'s identifier resolves to in the container now.
   *
   * @throws SingletonError `SINGLETON_NOT_FOUND` (listing the registered names),
   *   `SINGLETON_NOT_BOUND` when the identifier is no longer bound, `SINGLETON_RESOLVE_FAILED`
   *   when the container throws resolving it (`cause` is its error).
   */
  resolve(name: string): unknown {
    const entry = this.#entries.get(name);
    if (entry === undefined) {
      throw new SingletonError('SINGLETON_NOT_FOUND', this.#notFoundMessage(name));
    }
    const { identifier, registeredBy } = entry;
    if (!this.#container.isBound(identifier)) {
      const owner =
        registeredBy === undefined
          ? 'the plugin that bound it left (its module was unloaded)'
          : `plugin '${registeredBy}', which registered it, left the tree (its module was unloaded)`;
      throw new SingletonError(
        'SINGLETON_NOT_BOUND',
        `Singleton '${name}' names ${describeValue(identifier)}, which is no longer bound in engine.container: ${owner} without calling unregisterSingleton('${name}'). Unregister a singleton in the exitTree of the plugin that registered it.`,
      );
    }
    try {
      return this.#container.get(identifier);
    } catch (cause) {
      throw new SingletonError(
        'SINGLETON_RESOLVE_FAILED',
        `Singleton '${name}': engine.container could not resolve ${describeValue(identifier)}: ${cause instanceof Error ? cause.message : String(cause)}. Bind it once, synchronously (toConstantValue, or a class in singleton scope).`,
        { cause },
      );
    }
  }

  /** Whether `name` is registered (whether or not its identifier is still bound). */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /**
   * Removes `name`; the binding it named is untouched.
   *
   * @throws SingletonError `SINGLETON_NOT_FOUND` when nothing is registered under that name.
   */
  unregister(name: string): void {
    if (!this.#entries.delete(name)) {
      throw new SingletonError('SINGLETON_NOT_FOUND', this.#notFoundMessage(name));
    }
  }

  /** The registered names, in registration order. */
  list(): readonly string[] {
    return [...this.#entries.keys()];
  }

  /** Removes the names `plugin` registered in its `enterTree` (which then threw). */
  forgetRegisteredBy(plugin: string): void {
    for (const [name, entry] of this.#entries) {
      if (entry.registeredBy === plugin) this.#entries.delete(name);
    }
  }

  /** Removes every name. */
  clear(): void {
    this.#entries.clear();
  }

  #notFoundMessage(name: string): string {
    const known = this.list();
    const registered =
      known.length === 0
        ? 'No singleton is registered'
        : `Registered: ${known.map((n) => `'${n}'`).join(', ')}`;
    return `Singleton '${name}' is not registered. ${registered}. Register it with engine.registerSingleton('${name}', serviceIdentifier) first (usually in a plugin's enterTree).`;
  }
}

/** A symbol, a non-empty string or a function (a class): what inversify can bind. */
function isServiceIdentifier(value: unknown): value is ServiceIdentifier {
  return (
    typeof value === 'symbol' ||
    typeof value === 'function' ||
    (typeof value === 'string' && value.length > 0)
  );
}
