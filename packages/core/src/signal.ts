import { getCallableName, getCallableOrigin } from './callable.js';
import { ALL_CONNECT_FLAGS, ConnectFlags } from './connect-flags.js';
import { describeValue } from './describe-value.js';
import { reportError } from './error-hook.js';
import { RelaylaneError } from './errors.js';
import { MessageQueue } from './message-queue.js';
import {
  COMPILE_AFTER_EMITS,
  compileDispatcher,
  type DispatchListener,
  canCompileDispatcher,
  MAX_COMPILE_AFTER_EMITS,
  type ResumeAfterThrow,
} from './signal-dispatch.js';

/** Thrown on misuse of a signal; `code` says which (`'SIGNAL_ALREADY_CONNECTED'`, ...). */
export class SignalError extends RelaylaneError {}

/** A listener of a signal whose arguments are the tuple `Args`. */
export type SignalListener<Args extends unknown[]> = (...args: Args) => void;

/** The argument tuple of a signal type: `SignalArgs<Signal<[ping: number]>>` is `[ping: number]`. */
export type SignalArgs<S> = S extends Signal<infer Args> ? Args : never;

/**
 * What a signal reads from the object that owns it. `SignalEmitter` gives all its signals one such
 * record; any class can make its own. Keep one record per owner with these three fields only, so
 * that the blocked check on every emit stays a single monomorphic property read.
 */
export interface SignalOwner {
  /** Godot's `is_blocking_signals()`: while true, `emit()` on the owner's signals does nothing. */
  readonly signalsBlocked: boolean;
  /** Once true, the owner's signals refuse new connections. */
  readonly disposed: boolean;
  /** Names the owner in error messages, e.g. `'NetworkingUtils'`. */
  readonly name: string;
}

/** Options of a {@link Signal}. */
export interface SignalOptions {
  /** The object the signal belongs to: it can block the signal and is named in errors. */
  readonly owner?: SignalOwner;
  /** Where `DEFERRED` connections queue their calls; default `MessageQueue.main`. */
  readonly messageQueue?: MessageQueue | undefined;
  /** The names of the arguments, for introspection (`getSignalList()`, the dev console). */
  readonly argNames?: readonly string[];
}

/** One connection of a signal, as `getConnections()` reports it (Godot's connection dictionary). */
export interface ConnectionInfo<Args extends unknown[] = never> {
  /** The signal's name. */
  readonly signal: string;
  /** The function that was connected. */
  readonly callable: (...args: Args) => void;
  /** The {@link ConnectFlags} it was connected with. */
  readonly flags: number;
  /** `Lobby::onStatus` for a `callable(lobby, 'onStatus')`, the function's name otherwise. */
  readonly callableName: string;
  /** How many times it is connected: 1, or more with `REFERENCE_COUNTED`. */
  readonly refCount: number;
}

type AnyListener = (...args: unknown[]) => void;
type AnySignal = Signal<unknown[]>;

// What emit() does with a connection. A connection removed by disconnect(), disconnectAll() or its
// target's disposal turns REMOVED, which an emit in progress and a queued deferred call both check.
const CALL = 0;
const QUEUE = 1;
const REMOVED = 2;
type ConnectionState = typeof CALL | typeof QUEUE | typeof REMOVED;

class Connection {
  // Initialised here, not in the constructor: a field that starts out `undefined` and then holds
  // small integers is stored generically, which slows every compiled dispatcher that reads
  // `state`.
  state: ConnectionState = CALL;
  refCount = 1;
  /** For a `DEFERRED` connection: names its queued calls, made on the first emit. */
  label: string | undefined = undefined;
  /** For a `DEFERRED` connection: what is queued, skipping the call if the connection was removed. */
  readonly deferredCall: AnyListener | undefined;

  constructor(
    readonly callable: AnyListener,
    readonly flags: number,
    readonly callableName: string,
  ) {
    if ((flags & ConnectFlags.DEFERRED) === 0) {
      this.deferredCall = undefined;
    } else {
      this.state = QUEUE;
      this.deferredCall = (...args: unknown[]): void => {
        if (this.state !== REMOVED) {
          callable(...args);
        }
      };
    }
  }
}

const NO_CONNECTIONS: readonly Connection[] = Object.freeze([]);

// The owner of standalone signals: never blocked, never disposed. Same field order as the records
// SignalEmitter makes, so both share one hidden class.
const NO_OWNER: SignalOwner = { signalsBlocked: false, disposed: false, name: '' };

// target object -> the signals holding connections whose callable (made by callable()) targets it,
// with how many each holds. Lets disconnectTarget() visit exactly those signals. The signals are
// held weakly: a long-lived target must not keep alive a signal that was dropped undisconnected.
const signalsByTarget = new WeakMap<object, Map<WeakRef<AnySignal>, number>>();

/**
 * A typed signal with Godot 4's semantics: `new Signal<[available: number, debug: string]>('name')`.
 *
 * - Listeners run in connection order, synchronously inside `emit()`, with `this` undefined.
 * - The list of listeners is taken when `emit()` starts: a listener connected during an emit is
 *   not called by that emit. A listener disconnected during an emit, before its turn, is NOT called
 *   (Godot skips a connection whose target was freed during the emit; here a removed connection is
 *   what a freed target is, so disposing an object from an earlier listener stops its calls).
 * - Connecting a function that is already connected throws {@link SignalError}, unless both
 *   connections pass `REFERENCE_COUNTED`: then the count goes up and each `disconnect()` takes one
 *   off. Disconnecting a function that is not connected throws.
 * - `ONE_SHOT` connections are removed when `emit()` starts, before any listener runs, so an emit
 *   from inside a listener does not call them again. A `ONE_SHOT` connection goes entirely when it
 *   fires, whatever its reference count (as in Godot).
 * - `DEFERRED` connections are not called by `emit()`: the call and a copy of the arguments go to
 *   the message queue, which the host loop flushes once per frame. The call is skipped if the
 *   connection is removed before the flush. `ONE_SHOT | DEFERRED` is removed at emit time (a second
 *   emit before the flush queues nothing) and its one queued call runs.
 * - A listener that throws is reported through the error hook (`setErrorHook`, by default
 *   `console.error` naming the signal and listener); the other listeners still run.
 * - While the owner blocks signals (`SignalEmitter.setBlockSignals(true)`), `emit()` does nothing.
 * - Speed: once a list of two or more plain listeners (no `DEFERRED`, no `ONE_SHOT`) has been
 *   emitted a few times unchanged, the signal compiles a function that calls them unrolled
 *   (`new Function`, see `signal-dispatch.ts`), so V8 can inline them. Where a
 *   Content-Security-Policy without `'unsafe-eval'` refuses that (detected once, at the first
 *   attempt, which the browser reports as a CSP violation), signals keep calling listeners in a
 *   loop, with the same behaviour.
 * - `PERSIST` has no effect at run time; `getConnections()` reports it.
 *
 * Identity decides which listener `disconnect()` removes. Connect methods with
 * `callable(target, 'method')`, which returns the same function every time; a new `.bind()` or
 * arrow function is a different listener, which only that very function can disconnect.
 */
export class Signal<Args extends unknown[] = []> {
  /**
   * Removes from every signal each connection whose callable was made by `callable(target, ...)`,
   * whatever its reference count: the "disconnect both ends" half of Godot's object teardown.
   * `SignalEmitter.dispose()` calls it for itself; other classes can call it in their own teardown.
   *
   * @returns how many connections were removed.
   */
  static disconnectTarget(target: object): number {
    const signals = signalsByTarget.get(target);
    if (signals === undefined) {
      return 0;
    }
    let removed = 0;
    // Copied: removing connections updates the map being read.
    for (const ref of [...signals.keys()]) {
      const signal = ref.deref();
      if (signal === undefined) {
        signals.delete(ref); // collected with its connections
      } else {
        removed += signal.#removeConnectionsOf(target);
      }
    }
    return removed;
  }

  /** The signal's name, e.g. `'relay_network_status'`. */
  readonly name: string;
  /** The argument names given at construction (empty when none were). */
  readonly argNames: readonly string[];
  /** The owner given at construction, if any. */
  readonly owner: SignalOwner | undefined;
  /** The queue `DEFERRED` connections use. */
  readonly messageQueue: MessageQueue;

  // Never undefined, so emit() checks blocking with one read: NO_OWNER for a standalone signal.
  // The one TypeScript `private` in core, on purpose: a `#gate` field is always defined (as
  // undefined) before the constructor body runs, so the constructor's store is its second one and
  // V8 no longer treats the field as constant, which `pnpm bench` showed costs the single-listener
  // emit its tseep target. `declare` emits no field definition, so the constructor's store is the
  // only one.
  declare private readonly gate: SignalOwner;
  // Copy-on-write: connect and disconnect replace the array and never change one in place, so the
  // array an emit started with is its snapshot at no cost.
  #connections: readonly Connection[] = NO_CONNECTIONS;
  // How many ONE_SHOT connections `#connections` holds; emit() only looks for them when non-zero.
  #oneShotCount = 0;
  // How many DEFERRED connections `#connections` holds; only a list without any gets a dispatcher.
  #deferredCount = 0;
  // emit()'s fast path for the current `#connections` (see #prepareDispatch()); undefined until the
  // first emit after a change, and while the list needs the loop.
  #dispatch: DispatchListener | undefined = undefined;
  // Emits of the current list through the loop, counted towards compiling a dispatcher for it.
  #loopEmits = 0;
  // How many such emits make this signal compile; doubles with each compile (see
  // signal-dispatch.ts), so that a signal whose list keeps changing soon stops compiling.
  #compileAfterEmits = COMPILE_AFTER_EMITS;
  // This signal's key in `signalsByTarget`, made when a callable() listener first connects.
  #selfRef: WeakRef<AnySignal> | undefined = undefined;

  constructor(name: string, options: SignalOptions = {}) {
    this.name = name;
    this.argNames = Object.freeze([...(options.argNames ?? [])]);
    this.owner = options.owner;
    this.gate = options.owner ?? NO_OWNER;
    this.messageQueue = options.messageQueue ?? MessageQueue.main;
  }

  /**
   * Connects `listener` with the given {@link ConnectFlags} (default none).
   *
   * @throws SignalError `SIGNAL_ALREADY_CONNECTED` when `listener` is connected already (and not
   *   reference counted both times), `SIGNAL_CONNECT_FLAGS_MISMATCH` when a reference-counted
   *   connection is repeated with other flags, `SIGNAL_OWNER_DISPOSED` when the owner was disposed,
   *   `SIGNAL_INVALID_CALLABLE` / `SIGNAL_INVALID_FLAGS` for a non-function or unknown flags.
   */
  connect(listener: SignalListener<Args>, flags: number = 0): void {
    if (typeof listener !== 'function') {
      throw new SignalError(
        'SIGNAL_INVALID_CALLABLE',
        `Cannot connect ${this.#describe()} to ${describeValue(listener)}: a listener must be a ` +
          `function. To connect a method, pass callable(target, 'method').`,
      );
    }
    if (!Number.isInteger(flags) || (flags & ~ALL_CONNECT_FLAGS) !== 0) {
      throw new SignalError(
        'SIGNAL_INVALID_FLAGS',
        `Cannot connect ${this.#describe()} with flags ${String(flags)}: combine ConnectFlags ` +
          `values (DEFERRED, PERSIST, ONE_SHOT, REFERENCE_COUNTED) with |.`,
      );
    }
    if (this.gate.disposed) {
      throw new SignalError(
        'SIGNAL_OWNER_DISPOSED',
        `Cannot connect ${this.#describe()} to '${getCallableName(listener)}': ` +
          `${this.gate.name} was disposed. Connect to a live object's signals.`,
      );
    }
    const existing = this.#find(listener);
    if (existing !== undefined) {
      const counted = ConnectFlags.REFERENCE_COUNTED;
      if ((flags & counted) === 0 || (existing.flags & counted) === 0) {
        throw new SignalError(
          'SIGNAL_ALREADY_CONNECTED',
          `Signal '${this.name}'${this.#ownerSuffix()} is already connected to callable ` +
            `'${existing.callableName}'. Connect it once (check isConnected()), or pass ` +
            `ConnectFlags.REFERENCE_COUNTED to every connect() of it to count connections.`,
        );
      }
      if (flags !== existing.flags) {
        throw new SignalError(
          'SIGNAL_CONNECT_FLAGS_MISMATCH',
          `Signal '${this.name}'${this.#ownerSuffix()} is already connected to callable ` +
            `'${existing.callableName}' with flags ${existing.flags}; a reference-counted ` +
            `connection must be repeated with the same flags, not ${flags}.`,
        );
      }
      existing.refCount++;
      return;
    }
    const anyListener = listener as AnyListener;
    const connection = new Connection(anyListener, flags, getCallableName(listener));
    this.#setConnections([...this.#connections, connection]);
    if ((flags & ConnectFlags.ONE_SHOT) !== 0) {
      this.#oneShotCount++;
    }
    if ((flags & ConnectFlags.DEFERRED) !== 0) {
      this.#deferredCount++;
    }
    this.#trackTarget(anyListener, 1);
  }

  /**
   * Disconnects `listener`; a `REFERENCE_COUNTED` connection only goes when its count reaches 0.
   *
   * @throws SignalError `SIGNAL_NOT_CONNECTED` when `listener` is not connected to this signal.
   */
  disconnect(listener: SignalListener<Args>): void {
    const connection = this.#find(listener);
    if (connection === undefined) {
      throw new SignalError(
        'SIGNAL_NOT_CONNECTED',
        `Attempt to disconnect a nonexistent connection from signal '${this.name}'` +
          `${this.#ownerSuffix()} to callable '${getCallableName(listener)}'. Check isConnected() ` +
          `first; to disconnect a method, connect and disconnect the same callable(target, 'method').`,
      );
    }
    connection.refCount--;
    if (connection.refCount > 0) {
      return;
    }
    this.#setConnections(this.#connections.filter((c) => c !== connection));
    this.#remove(connection);
  }

  /** Whether `listener` is connected to this signal. */
  isConnected(listener: SignalListener<Args>): boolean {
    return this.#find(listener) !== undefined;
  }

  /** Removes every connection of this signal. */
  disconnectAll(): void {
    const connections = this.#connections;
    this.#setConnections(NO_CONNECTIONS);
    for (const connection of connections) {
      this.#remove(connection);
    }
  }

  /** The connections in connection order, as fresh records. */
  getConnections(): ConnectionInfo<Args>[] {
    return this.#connections.map((c) => ({
      signal: this.name,
      callable: c.callable as SignalListener<Args>,
      flags: c.flags,
      callableName: c.callableName,
      refCount: c.refCount,
    }));
  }

  /**
   * Calls every listener with `args` (see the class comment for the order, snapshot, `ONE_SHOT`,
   * `DEFERRED`, error and blocking rules).
   */
  emit(...args: Args): void {
    // One read decides blocking; a standalone signal's gate is NO_OWNER, which is never blocked.
    if (this.gate.signalsBlocked) {
      return;
    }
    // The fast path: `args` is only ever spread, here and below, so V8 passes the arguments on
    // without making the array (no allocation per emit).
    const dispatch = this.#dispatch;
    if (dispatch !== undefined) {
      dispatch(...args);
      return;
    }
    // The snapshot: connect/disconnect during this emit replace `this.#connections`, not `list`.
    const list = this.#connections;
    if (this.#oneShotCount !== 0) {
      // ONE_SHOT connections leave the signal before any listener runs, so a nested emit from a
      // listener cannot call them again; this emit still calls them from `list`.
      this.#takeOneShots(list);
    } else if (
      this.#deferredCount === 0 &&
      (list.length < 2 || ++this.#loopEmits >= this.#compileAfterEmits)
    ) {
      // Counted here, not in #prepareDispatch(): the loop stays free of a call on every emit.
      const prepared = this.#prepareDispatch(list, args.length);
      if (prepared !== undefined) {
        prepared(...args);
        return;
      }
    }
    this.#callFrom(list, 0, ...args);
  }

  /**
   * The fast path for `list`, made of plain CALL connections only: a no-op for no listener, a
   * closure for one, and for more a dispatcher compiled for this signal (signal-dispatch.ts), which
   * emit() tries once the list has been emitted `compileAfterEmits` times. Kept in `this.#dispatch`
   * until the list changes. `undefined`: run the loop this time.
   */
  #prepareDispatch(list: readonly Connection[], arity: number): DispatchListener | undefined {
    const count = list.length;
    if (count === 0) {
      return (this.#dispatch = ignoreEmit);
    }
    if (count === 1) {
      // No code generation: there is nothing to unroll, and it works under any CSP.
      return (this.#dispatch = singleDispatcher(list[0]!.callable, this.#resumeFor(list)));
    }
    // Tried again after as many emits when it fails (over the limits, or a strict CSP).
    this.#loopEmits = 0;
    if (!canCompileDispatcher(count, arity)) {
      return undefined;
    }
    const dispatch = compileDispatcher(list, arity, CALL, this.#resumeFor(list), (...args) =>
      this.#callFrom(list, 0, ...args),
    );
    if (dispatch !== undefined) {
      this.#compileAfterEmits = Math.min(this.#compileAfterEmits * 2, MAX_COMPILE_AFTER_EMITS);
      this.#dispatch = dispatch;
    }
    return dispatch;
  }

  /** What a fast path for `list` calls when the listener at `index` threw. */
  #resumeFor(list: readonly Connection[]): ResumeAfterThrow {
    return (index, error, ...args) => {
      reportError(error, `${this.#describe()} listener '${list[index]!.callableName}'`);
      this.#callFrom(list, index + 1, ...args);
    };
  }

  /** The loop of emit(): runs, queues or skips each connection of `list` from `start` on. */
  #callFrom(list: readonly Connection[], start: number, ...args: unknown[]): void {
    for (let i = start; i < list.length; i++) {
      const connection = list[i]!;
      const state = connection.state;
      if (state === CALL) {
        // Read into a local so the listener runs with `this` undefined, not the connection, and
        // called with a spread (rather than Reflect.apply or .apply), which V8 inlines.
        const listener = connection.callable;
        try {
          listener(...args);
        } catch (error) {
          reportError(error, `${this.#describe()} listener '${connection.callableName}'`);
        }
      } else if (state === QUEUE) {
        this.#queueCall(connection, ...args);
      }
      // REMOVED: disconnected during this emit before its turn, so it is skipped.
    }
  }

  /** Replaces the list of connections; the fast path made for the old one goes with it. */
  #setConnections(list: readonly Connection[]): void {
    this.#connections = list;
    this.#dispatch = undefined;
    this.#loopEmits = 0;
  }

  /**
   * Resolves with the argument tuple of the next emit, like GDScript's `await signal`, through a
   * `ONE_SHOT` connection that is gone once it fires. Unlike GDScript, the awaiting code resumes in
   * a microtask after `emit()` returns, not inside the emit. If the connection is removed before
   * the signal emits (`disconnectAll()`, the owner's `dispose()`), the Promise never settles and is
   * garbage-collected, as an awaiting GDScript function is dropped with its object. Rejects with
   * `SIGNAL_OWNER_DISPOSED` when the owner is already disposed.
   */
  once(): Promise<Args> {
    return new Promise<Args>((resolve) => {
      const once = (...args: Args): void => {
        resolve(args);
      };
      this.connect(once, ConnectFlags.ONE_SHOT);
    });
  }

  #queueCall(connection: Connection, ...args: unknown[]): void {
    try {
      // `args` is this call's own array (and the queue copies it), so nothing the emitter does
      // later reaches the deferred call.
      connection.label ??= `${this.#qualifiedName()} -> ${connection.callableName}`;
      this.messageQueue.push(connection.deferredCall!, args, connection.label);
    } catch (error) {
      // A full queue must not stop the remaining listeners of this emit.
      reportError(error, `${this.#describe()} deferred listener '${connection.callableName}'`);
    }
  }

  #takeOneShots(list: readonly Connection[]): void {
    const kept: Connection[] = [];
    for (const connection of list) {
      if ((connection.flags & ConnectFlags.ONE_SHOT) === 0) {
        kept.push(connection);
      } else {
        // Not marked REMOVED: this emit still calls it (or queues its call).
        this.#detach(connection);
      }
    }
    this.#setConnections(kept);
  }

  #find(listener: unknown): Connection | undefined {
    for (const connection of this.#connections) {
      if (connection.callable === listener) {
        return connection;
      }
    }
    return undefined;
  }

  /** Bookkeeping for a connection that has left `#connections` and must not be called any more. */
  #remove(connection: Connection): void {
    connection.state = REMOVED;
    this.#detach(connection);
  }

  /** Bookkeeping for a connection that has left `#connections`. */
  #detach(connection: Connection): void {
    if ((connection.flags & ConnectFlags.ONE_SHOT) !== 0) {
      this.#oneShotCount--;
    }
    if ((connection.flags & ConnectFlags.DEFERRED) !== 0) {
      this.#deferredCount--;
    }
    this.#trackTarget(connection.callable, -1);
  }

  #removeConnectionsOf(target: object): number {
    const removed = this.#connections.filter(
      (c) => getCallableOrigin(c.callable)?.target === target,
    );
    if (removed.length > 0) {
      this.#setConnections(this.#connections.filter((c) => !removed.includes(c)));
      for (const connection of removed) {
        this.#remove(connection);
      }
    }
    return removed.length;
  }

  #trackTarget(listener: AnyListener, delta: 1 | -1): void {
    const target = getCallableOrigin(listener)?.target;
    if (target === undefined) {
      return;
    }
    const self = (this.#selfRef ??= new WeakRef(this as unknown as AnySignal));
    let signals = signalsByTarget.get(target);
    if (signals === undefined) {
      if (delta < 0) {
        return;
      }
      signals = new Map();
      signalsByTarget.set(target, signals);
    }
    const count = (signals.get(self) ?? 0) + delta;
    if (count > 0) {
      signals.set(self, count);
    } else {
      signals.delete(self);
    }
  }

  /** `Lobby.ping_changed`, or the bare name for a standalone signal. */
  #qualifiedName(): string {
    return this.owner === undefined ? this.name : `${this.owner.name}.${this.name}`;
  }

  #describe(): string {
    return `signal '${this.name}'${this.#ownerSuffix()}`;
  }

  #ownerSuffix(): string {
    return this.owner === undefined ? '' : ` of ${this.owner.name}`;
  }
}

/** The fast path of a signal without listeners. */
function ignoreEmit(): void {}

/**
 * The fast path of a signal with one plain listener. No state check: nothing runs before it in an
 * emit, so it cannot have been removed yet.
 */
function singleDispatcher(listener: AnyListener, resume: ResumeAfterThrow): DispatchListener {
  return (...args) => {
    try {
      listener(...args);
    } catch (error) {
      resume(0, error, ...args);
    }
  };
}
