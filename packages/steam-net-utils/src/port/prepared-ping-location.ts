/**
 * A ping location checked and copied once, for estimating many times: a lobby list keeps one
 * per lobby host and estimates them all whenever the local host's data changes.
 *
 * GodotSteam's estimate functions take the 512 bytes, which the caller can change at any time, so
 * every call must read and validate them again. A `PreparedPingLocation` holds a private copy
 * that nothing can change, so a backend may derive what it needs from it once (the simulated
 * network decodes and validates it on first use) and reuse that on every later estimate.
 * `NetworkingUtils.estimatePingTimeFromLocalHost` and `estimatePingTimeBetweenTwoLocations` take
 * either form and give the same answer for the same bytes.
 *
 * ```ts
 * const prepared = PreparedPingLocation.from(steam.parsePingLocationString(text).ping_location);
 * const ping = steam.estimatePingTimeFromLocalHost(prepared);
 * ```
 */
import { checkPingLocation } from './argument-checks.js';

/** What a backend derived from a prepared location, and for whom (see `derivedFrom`). */
interface Derived {
  readonly key: object;
  readonly value: unknown;
}

let bytesOf: (location: PreparedPingLocation) => Uint8Array;
let construct: (bytes: Uint8Array) => PreparedPingLocation;
let derivedOf: (location: PreparedPingLocation) => Derived | undefined;
let setDerived: (location: PreparedPingLocation, derived: Derived) => void;
let isPrepared: (value: unknown) => value is PreparedPingLocation;

/** See the file comment. */
export class PreparedPingLocation {
  static {
    bytesOf = (location) => location.#bytes;
    construct = (bytes) => new PreparedPingLocation(bytes);
    derivedOf = (location) => location.#derived;
    setDerived = (location, derived) => {
      location.#derived = derived;
    };
    // A private brand: no Proxy trap runs, a revoked Proxy is simply not one, and an object that
    // copies the class's prototype is not one either.
    isPrepared = (value): value is PreparedPingLocation =>
      typeof value === 'object' && value !== null && #bytes in value;
  }

  /**
   * A prepared copy of `location` (512 bytes from `getLocalPingLocation()` or
   * `parsePingLocationString()`). Later changes to `location` do not reach it.
   *
   * @throws TypeError when `location` is not a `Uint8Array`; RangeError when it is not exactly
   *   512 bytes long.
   */
  static from(location: Uint8Array): PreparedPingLocation {
    checkPingLocation('PreparedPingLocation.from', 'location', location);
    return new PreparedPingLocation(location.slice());
  }

  // Never handed out and never written after construction: what backends derive stays true.
  readonly #bytes: Uint8Array;
  #derived: Derived | undefined = undefined;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** A fresh copy of the 512 bytes. */
  toBytes(): Uint8Array {
    return this.#bytes.slice();
  }
}

/**
 * @internal The prepared bytes themselves, for a backend to read (never to write or hand out).
 * Always exactly 512 bytes (`PING_LOCATION_BYTES`).
 */
export function preparedPingLocationBytes(location: PreparedPingLocation): Uint8Array {
  return bytesOf(location);
}

/**
 * @internal A prepared location over `bytes` themselves, without a copy, for a caller that made
 * them and keeps no other reference (the lobby ranking's own parse results): they must never be
 * written again. Checks them as {@link PreparedPingLocation.from} does.
 */
export function preparedPingLocationOfOwnBytes(bytes: Uint8Array): PreparedPingLocation {
  checkPingLocation('PreparedPingLocation.from', 'location', bytes);
  return construct(bytes);
}

/**
 * @internal What `derive` makes of `location`'s bytes, computed on the first call with this `key`
 * and kept on the location (one derived value per location: a call with another key replaces
 * it). A backend passes the same key object every time, e.g. a module constant.
 */
export function derivedFrom<T>(
  location: PreparedPingLocation,
  key: object,
  derive: (bytes: Uint8Array) => T,
): T {
  const derived = derivedOf(location);
  if (derived !== undefined && derived.key === key) return derived.value as T;
  const value = derive(bytesOf(location));
  setDerived(location, { key, value });
  return value;
}

/**
 * True for a location made by `PreparedPingLocation.from` (or by a backend), told apart by a
 * private brand rather than `instanceof`: it runs no Proxy trap and never throws.
 */
export function isPreparedPingLocation(value: unknown): value is PreparedPingLocation {
  return isPrepared(value);
}
