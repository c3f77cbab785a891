import { describeValue, typeNameOf } from './describe-value.js';
import { RelaylaneError } from './errors.js';

declare const notAMethod: unique symbol;

/**
 * What {@link callable} returns for a property that is not a method: a type no listener parameter
 * accepts, so `signal.connect(callable(player, 'health'))` fails to compile at the connect call.
 */
export interface NotAMethod<K> {
  readonly [notAMethod]: K;
}

/** The function {@link callable} returns for `target[method]`: the method's parameters, bound. */
export type BoundMethod<F, K = PropertyKey> = F extends (...args: infer A) => infer R
  ? (...args: A) => R
  : NotAMethod<K>;

/**
 * Thrown by {@link callable} when the named property of the target is not a function (code
 * `SIGNAL_CALLABLE_NOT_A_METHOD`: callables are what signals connect).
 */
export class CallableError extends RelaylaneError {}

/** Where a function made by {@link callable} comes from. */
export interface CallableOrigin {
  readonly target: object;
  readonly method: PropertyKey;
}

// target -> method name -> the one bound function for that pair. Weak on the target, so a cached
// callable lives exactly as long as its object.
const boundByTarget = new WeakMap<object, Map<PropertyKey, (...args: never[]) => unknown>>();
// bound function -> its target and method, for dispose (disconnect by target) and for names.
const origins = new WeakMap<object, CallableOrigin>();
// listener -> the name given with namedCallable.
const givenNames = new WeakMap<object, string>();

/**
 * Gives `listener` the name signals print for it (`signals`, error reports), as Godot prints a
 * callable: `RegionSelector::onRelayNetworkStatus`. For a listener that is not a method
 * {@link callable} can bind (a private arrow field, a closure): a production build minifies its
 * own name (`#g`), not this one. Returns `listener` itself.
 *
 * @typeParam F the listener's type, kept as it is.
 */
export function namedCallable<F extends (...args: never[]) => unknown>(
  name: string,
  listener: F,
): F {
  givenNames.set(listener, name);
  return listener;
}

/**
 * Godot's `Callable(object, "method")`: the method `target[method]` bound to `target`, made once
 * per `(target, method)` pair and cached, so every call returns the same function and a method can
 * be connected in one place and disconnected in another:
 *
 * ```ts
 * status.connect(callable(this, 'onStatus'));
 * status.disconnect(callable(this, 'onStatus')); // the same function: disconnects
 * ```
 *
 * By contrast `this.onStatus.bind(this)` and `(...a) => this.onStatus(...a)` make a new function
 * each time; such a listener can only be disconnected with the very function that was connected.
 *
 * The method is read from `target` when the callable is first made. Connections made with a
 * callable are known to belong to `target`, so `SignalEmitter.dispose()` (or
 * `Signal.disconnectTarget(target)`) removes them from every signal.
 *
 * The method must be public: TypeScript's `keyof` does not see `private` members. For a private
 * handler, keep an arrow-function field and connect that field.
 *
 * @throws CallableError when `target[method]` is not a function.
 */
export function callable<T extends object, K extends keyof T>(
  target: T,
  method: K,
): BoundMethod<T[K], K> {
  let byMethod = boundByTarget.get(target);
  const cached = byMethod?.get(method);
  if (cached !== undefined) {
    return cached as BoundMethod<T[K], K>;
  }
  const fn: unknown = target[method];
  if (typeof fn !== 'function') {
    throw new CallableError(
      'SIGNAL_CALLABLE_NOT_A_METHOD',
      `callable(): '${String(method)}' of ${typeNameOf(target)} is ${describeValue(fn)}, ` +
        `not a method. Pass the name of a method of the target.`,
    );
  }
  const bound = (fn as (...args: never[]) => unknown).bind(target);
  if (byMethod === undefined) {
    byMethod = new Map();
    boundByTarget.set(target, byMethod);
  }
  byMethod.set(method, bound);
  origins.set(bound, { target, method });
  return bound as BoundMethod<T[K], K>;
}

/** The target and method of a function made by {@link callable}; `undefined` for any other function. */
export function getCallableOrigin(fn: object): CallableOrigin | undefined {
  return origins.get(fn);
}

/**
 * A readable name for a listener, as Godot prints callables: the name given with
 * {@link namedCallable}, `Lobby::onStatus` for one made by {@link callable}, the function's own
 * name otherwise, `<anonymous>` when it has none.
 */
export function getCallableName(fn: { readonly name: string }): string {
  const given = givenNames.get(fn);
  if (given !== undefined) return given;
  const origin = origins.get(fn);
  if (origin !== undefined) {
    return `${typeNameOf(origin.target)}::${String(origin.method)}`;
  }
  return fn.name === '' ? '<anonymous>' : fn.name;
}
