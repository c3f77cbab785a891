import { describeValue } from './describe-value.js';
import { RelaylaneError } from './errors.js';

/**
 * Thrown by the singleton registry. `code` is one of `SINGLETON_ALREADY_REGISTERED`,
 * `SINGLETON_NOT_FOUND` or `SINGLETON_INVALID`.
 */
export class SingletonError extends RelaylaneError {}

/**
 * Named, process-visible objects, like Godot's `Engine.register_singleton`: a plugin registers its
 * service under a well-known name in `enterTree` and unregisters it in `exitTree`; the dev console
 * and scripts look it up by name.
 *
 * Names are unique: registering a name twice is an error, never a silent replacement.
 */
export class SingletonRegistry {
  // A Map keeps insertion order, which is the order `list()` promises.
  readonly #objects = new Map<string, object>();

  /**
   * Registers `obj` under `name`.
   *
   * @throws SingletonError `SINGLETON_ALREADY_REGISTERED` when the name is taken,
   *   `SINGLETON_INVALID` when the name is empty or `obj` is not an object.
   */
  register(name: string, obj: object): void {
    if (typeof name !== 'string' || name.length === 0) {
      throw new SingletonError(
        'SINGLETON_INVALID',
        `registerSingleton(name, obj): name must be a non-empty string, got ${describeValue(name)}.`,
      );
    }
    if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) {
      throw new SingletonError(
        'SINGLETON_INVALID',
        `registerSingleton('${name}', obj): obj must be an object, got ${describeValue(obj)}.`,
      );
    }
    if (this.#objects.has(name)) {
      throw new SingletonError(
        'SINGLETON_ALREADY_REGISTERED',
        `Singleton '${name}' is already registered. Call unregisterSingleton('${name}') first, or register under another name.`,
      );
    }
    this.#objects.set(name, obj);
  }

  /**
   * The object registered under `name`.
   *
   * @throws SingletonError `SINGLETON_NOT_FOUND`, listing the registered names.
   */
  get(name: string): object {
    const obj = this.#objects.get(name);
    if (obj === undefined) {
      throw new SingletonError('SINGLETON_NOT_FOUND', this.#notFoundMessage(name));
    }
    return obj;
  }

  /** Whether a singleton is registered under `name`. */
  has(name: string): boolean {
    return this.#objects.has(name);
  }

  /**
   * Removes the singleton registered under `name`.
   *
   * @throws SingletonError `SINGLETON_NOT_FOUND` when nothing is registered under that name.
   */
  unregister(name: string): void {
    if (!this.#objects.delete(name)) {
      throw new SingletonError('SINGLETON_NOT_FOUND', this.#notFoundMessage(name));
    }
  }

  /** The registered names, in registration order. */
  list(): readonly string[] {
    return [...this.#objects.keys()];
  }

  /** Removes every singleton. */
  clear(): void {
    this.#objects.clear();
  }

  #notFoundMessage(name: string): string {
    const known = this.list();
    const registered =
      known.length === 0
        ? 'No singleton is registered'
        : `Registered: ${known.map((n) => `'${n}'`).join(', ')}`;
    return `Singleton '${name}' is not registered. ${registered}. Register it with registerSingleton('${name}', obj) first (usually in a plugin's enterTree).`;
  }
}
