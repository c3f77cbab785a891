/**
 * Owns the JavaScript functions the Steam backend hands to Steam as C function pointers
 * (`koffi.register`): one slot per global callback kind, so a pointer Steam may still call is never
 * released by accident and none is leaked. (The debug output function is registered by its own
 * worker thread and counted through `countNativeCallback`.)
 *
 * The owner only registers and unregisters; telling Steam to drop a pointer is the caller's job and
 * must come first: `release(key)` and `releaseAll()` are called only once Steam no longer holds the
 * pointer (after `SetGlobalCallback_*(NULL)` or `SteamAPI_Shutdown`), so Steam never calls into a
 * released slot.
 */
import koffi, { type TypeObject } from 'koffi';
import { distrustNativePointer, trustNativePointer } from './native/trusted-pointers.js';

let liveRegistrations = 0;

/**
 * How many callbacks every `NativeCallbackOwner` of the process holds registered right now
 * (for tests and benchmarks: 0 once every Steam backend is shut down).
 */
export function liveNativeCallbackCount(): number {
  return liveRegistrations;
}

/**
 * Counts a callback registered outside any `NativeCallbackOwner` (`change` 1 when it is
 * registered, -1 once it is released), so that {@link liveNativeCallbackCount} includes it: the
 * debug output function, which a worker thread registers.
 */
export function countNativeCallback(change: 1 | -1): void {
  liveRegistrations += change;
}

/** The registered callbacks of one Steam backend, by key. */
export class NativeCallbackOwner<Key extends string = string> {
  readonly #slots = new Map<Key, bigint>();

  /** How many callbacks this owner holds registered. */
  get size(): number {
    return this.#slots.size;
  }

  /** The registered pointer for `key`, or undefined when there is none. */
  pointer(key: Key): bigint | undefined {
    return this.#slots.get(key);
  }

  /**
   * Registers `fn` as a C function of the prototype `type` (a `koffi.proto` type, or a pointer to
   * one) under `key`.
   *
   * @returns the function pointer to hand to Steam.
   * @throws Error `NativeCallbackOwner: '<key>' is already registered` when the key holds one (the
   *   caller must release the old pointer once Steam dropped it); koffi's error when its callback
   *   slots are exhausted.
   */
  register(key: Key, fn: (...args: never[]) => unknown, type: TypeObject): bigint {
    if (this.#slots.has(key)) {
      throw new Error(
        `NativeCallbackOwner: '${key}' is already registered; release it once Steam no longer ` +
          'holds the old pointer, then register again',
      );
    }
    const pointerType = type.primitive === 'Prototype' ? koffi.pointer(type) : type;
    const pointer = koffi.register(fn, pointerType);
    this.#slots.set(key, pointer);
    trustNativePointer(pointer);
    liveRegistrations++;
    return pointer;
  }

  /** Unregisters the callback of `key` (nothing when there is none). Steam must have dropped it. */
  release(key: Key): void {
    const pointer = this.#slots.get(key);
    if (pointer === undefined) {
      return;
    }
    // Forgotten first: even if koffi throws, the slot is never unregistered twice.
    this.#slots.delete(key);
    liveRegistrations--;
    distrustNativePointer(pointer);
    koffi.unregister(pointer);
  }

  /** Unregisters every callback (after Steam dropped them all, e.g. after `SteamAPI_Shutdown`). */
  releaseAll(): void {
    for (const key of [...this.#slots.keys()]) {
      this.release(key);
    }
  }
}
