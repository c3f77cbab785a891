import { type ServiceIdentifier } from 'inversify';
import { type Clock } from './clock.js';
import { type Engine } from './engine.js';
import { type MessageQueue } from './message-queue.js';

// The brand of a ServiceToken's type. Declared, never defined: it exists only in the type system.
declare const serviceType: unique symbol;

/**
 * A service identifier made by {@link serviceToken}: a symbol at run time, typed with the service
 * it resolves to. It is an inversify `ServiceIdentifier<T>` (so `bind`, `get` and `@inject` infer
 * `T` from it), and more: inversify's type accepts any symbol, string or function whatever `T`
 * is, while a `ServiceToken<T>` is only assignable where a token of `T` (or of a supertype of `T`)
 * is expected, such as `engine.registerSingleton` for a name declared in `SingletonTypes`.
 */
export type ServiceToken<T> = ServiceIdentifier<T> & { readonly [serviceType]: T };

/**
 * Builds the service identifier `Symbol.for('@relaylane/<packageName>/<name>')`, typed with the
 * service it resolves to. `Symbol.for` makes the identifier the same across copies of a package
 * (two bundles, a duplicated dependency), so bindings never silently miss.
 *
 * Other packages declare their tokens with it too:
 * `serviceToken<NetworkingUtils>('steam-net-utils', 'NetworkingUtils')`.
 */
export function serviceToken<T>(packageName: string, name: string): ServiceToken<T>;
// The implementation returns the plain symbol; the ServiceToken brand is a type-only property.
export function serviceToken(packageName: string, name: string): ServiceIdentifier {
  return Symbol.for(`@relaylane/${packageName}/${name}`);
}

/**
 * The services the {@link Engine} binds in its container as constant values, so a plugin's
 * classes can `@inject(CoreTokens.GameClock)` and the rest.
 */
export const CoreTokens = {
  /** The engine that owns the container. */
  Engine: serviceToken<Engine>('core', 'Engine'),
  /**
   * `engine.gameClock`: game time, which moves only as the engine ticks (by each tick's delta).
   * What game logic (timeouts, refresh intervals, simulations) reads, so a test drives time by
   * ticking.
   */
  GameClock: serviceToken<Clock>('core', 'GameClock'),
  /**
   * `engine.realTimeClock`: real time, for what must measure real durations, such as a round trip
   * to a real server. Never the game's notion of time.
   */
  RealTimeClock: serviceToken<Clock>('core', 'RealTimeClock'),
  /** The queue of deferred calls the engine flushes at the end of each tick. */
  MessageQueue: serviceToken<MessageQueue>('core', 'MessageQueue'),
} as const;
