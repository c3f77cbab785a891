import { type ServiceToken } from './tokens.js';

/**
 * The names of the engine's singletons and the types they resolve to. Empty in core; each package
 * that registers a singleton declares its name here, so `engine.getSingleton(name)` is typed:
 *
 * ```ts
 * declare module '@relaylane/core' {
 *   interface SingletonTypes {
 *     Steam: NetworkingUtils;
 *   }
 * }
 * ```
 *
 * A name declared here can only be registered with an identifier of that type (see
 * {@link SingletonIdentifier}); a name that is not declared resolves to `unknown`.
 */
// An interface, not a type alias: only interfaces merge with the augmentations of other packages.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SingletonTypes {}

/**
 * What a singleton of type `T` can be registered with: a token made by `serviceToken<T>()` (or of
 * a subtype of `T`), or a class whose instances are `T`s. Stricter than inversify's
 * `ServiceIdentifier<T>`, which accepts any symbol, string or function whatever `T` is.
 */
export type SingletonIdentifier<T> = ServiceToken<T> | (abstract new (...args: never[]) => T);
