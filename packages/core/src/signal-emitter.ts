import { type MessageQueue } from './message-queue.js';
import {
  Signal,
  SignalError,
  type ConnectionInfo,
  type SignalListener,
  type SignalOwner,
} from './signal.js';

/** The shape of a signal map: each signal's name to its argument tuple. */
export type SignalMap<M> = { [K in keyof M]: unknown[] };

/** The names of the signals of a map. */
export type SignalName<M> = keyof M & string;

/** One string per element of the tuple `T`: the argument names of a signal with arguments `T`. */
export type ArgNames<T extends readonly unknown[]> = { readonly [I in keyof T]: string };

/**
 * The argument names of every signal of `M`, given once to the {@link SignalEmitter} constructor.
 * Each list must have as many names as the signal has arguments.
 */
export type SignalDeclarations<M extends SignalMap<M>> = {
  readonly [K in keyof M]: ArgNames<M[K]>;
};

/** A signal and its argument names, as `getSignalList()` reports them (for the dev console). */
export interface SignalInfo {
  readonly name: string;
  readonly args: readonly string[];
}

/** Options of a {@link SignalEmitter}. */
export interface SignalEmitterOptions {
  /** Where the signals' `DEFERRED` connections queue their calls; default `MessageQueue.main`. */
  readonly messageQueue?: MessageQueue | undefined;
}

interface OwnerRecord extends SignalOwner {
  signalsBlocked: boolean;
  disposed: boolean;
}

/**
 * The base of an object with signals, as a Godot `Object` has them. A class declares its signals
 * once, as a type (name to argument tuple) and the argument names, and gets both a typed
 * `signals` object and Godot's string-name API:
 *
 * ```ts
 * type LobbySignals = { ping_changed: [host: string, ping: number] };
 * class Lobby extends SignalEmitter<LobbySignals> {
 *   constructor() {
 *     super({ ping_changed: ['host', 'ping'] });
 *   }
 * }
 * lobby.signals.ping_changed.connect((host, ping) => {}); // typed from the tuple
 * lobby.connect('ping_changed', callable(hud, 'onPing'));  // Godot's connect('name', callable)
 * lobby.emitSignal('ping_changed', 'eu-west', 42);
 * ```
 *
 * `setBlockSignals(true)` silences all its signals; `dispose()` disconnects everything attached to
 * the object, at both ends. A subclass that overrides `dispose()` must call `super.dispose()`.
 */
export class SignalEmitter<M extends SignalMap<M>> {
  /** The object's signals by name, typed by their argument tuples. */
  readonly signals: { readonly [K in keyof M]: Signal<M[K]> };

  // Shared by every signal of this object; its fixed shape keeps emit()'s blocked check cheap.
  readonly #ownerRecord: OwnerRecord;
  // The same signals, for lookups by a name known only at run time; in declaration order.
  readonly #byName = new Map<string, Signal<unknown[]>>();

  constructor(declarations: SignalDeclarations<M>, options: SignalEmitterOptions = {}) {
    this.#ownerRecord = { signalsBlocked: false, disposed: false, name: new.target.name };
    // A plain object (not a null-prototype one, which V8 keeps in slow dictionary mode) so that
    // `emitter.signals.name` is a fast property read. Run-time name lookups go through `byName`.
    const signals: Record<string, Signal<unknown[]>> = {};
    for (const [name, argNames] of Object.entries<readonly string[]>(declarations)) {
      const signal = new Signal<unknown[]>(name, {
        owner: this.#ownerRecord,
        argNames,
        messageQueue: options.messageQueue,
      });
      signals[name] = signal;
      this.#byName.set(name, signal);
    }
    this.signals = Object.freeze(signals) as unknown as { readonly [K in keyof M]: Signal<M[K]> };
  }

  /** Godot's `connect(signal, callable, flags)`; see `Signal.connect()`. */
  connect<K extends SignalName<M>>(name: K, listener: SignalListener<M[K]>, flags?: number): void {
    this.#signalNamed(name, 'connect').connect(listener, flags);
  }

  /** Godot's `disconnect(signal, callable)`; see `Signal.disconnect()`. */
  disconnect<K extends SignalName<M>>(name: K, listener: SignalListener<M[K]>): void {
    this.#signalNamed(name, 'disconnect').disconnect(listener);
  }

  /** Godot's `is_connected(signal, callable)`. */
  isConnected<K extends SignalName<M>>(name: K, listener: SignalListener<M[K]>): boolean {
    return this.#signalNamed(name, 'check').isConnected(listener);
  }

  /** Godot's `emit_signal(signal, ...args)`; see `Signal.emit()`. */
  emitSignal<K extends SignalName<M>>(name: K, ...args: M[K]): void {
    this.#signalNamed(name, 'emit').emit(...args);
  }

  /** Godot's `has_signal(signal)`. */
  hasSignal(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Godot's `get_signal_list()`: every signal with its argument names, in declaration order. */
  getSignalList(): SignalInfo[] {
    return [...this.#byName.values()].map((signal) => ({
      name: signal.name,
      args: signal.argNames,
    }));
  }

  /** Godot's `get_signal_connection_list(signal)`. */
  getSignalConnectionList(name: string): ConnectionInfo[] {
    return this.#signalNamed(name as SignalName<M>, 'list the connections of').getConnections();
  }

  /** Godot's `set_block_signals()`: while blocked, none of this object's signals emit. */
  setBlockSignals(blocked: boolean): void {
    this.#ownerRecord.signalsBlocked = blocked;
  }

  /** Shorthand for `setBlockSignals(blocked)`; `blockSignals()` alone blocks. */
  blockSignals(blocked: boolean = true): void {
    this.setBlockSignals(blocked);
  }

  /** Godot's `is_blocking_signals()`. */
  isBlockingSignals(): boolean {
    return this.#ownerRecord.signalsBlocked;
  }

  /** Whether `dispose()` was called. */
  isDisposed(): boolean {
    return this.#ownerRecord.disposed;
  }

  /**
   * Disconnects both ends, as freeing a Godot object does: every connection of this object's
   * signals, and every connection on any signal whose listener was made by `callable(this, ...)`.
   * Afterwards connecting to its signals throws `SIGNAL_OWNER_DISPOSED`. Calling it again does
   * nothing.
   */
  dispose(): void {
    if (this.#ownerRecord.disposed) {
      return;
    }
    // Marked first: from here on, connecting to this object's signals throws.
    this.#ownerRecord.disposed = true;
    for (const signal of this.#byName.values()) {
      signal.disconnectAll();
    }
    Signal.disconnectTarget(this);
  }

  // Typed by the name for TypeScript callers; checked at run time for names from JavaScript or the
  // dev console, which the compiler never saw.
  #signalNamed<K extends SignalName<M>>(name: K, action: string): Signal<M[K]> {
    if (!this.#byName.has(name)) {
      const known = [...this.#byName.keys()];
      throw new SignalError(
        'SIGNAL_NOT_FOUND',
        `Cannot ${action} signal '${name}': ${this.#ownerRecord.name} has no such signal. ` +
          (known.length === 0
            ? 'It declares no signals.'
            : `Its signals are: ${known.join(', ')}.`),
      );
    }
    return this.signals[name];
  }
}
