/**
 * Argument checks for the `NetworkingUtils` service: one place that decides what a programmer
 * error is and how it is reported.
 *
 * Every check takes the name of the calling method and of its parameter, so that the message reads
 * `getDirectPingToPOP: pop_id must be an integer from 0 to 4294967295 (a uint32 POP id), got -1`.
 * A value of the wrong JavaScript type throws `TypeError`; a value of the right type outside what
 * the parameter accepts (NaN, a fraction, out of range, a wrong length) throws `RangeError`. Each
 * check returns the value, narrowed to its type.
 *
 * Data from the wire or from the network's state is never checked here: those functions answer it
 * with Steam's documented sentinels instead of throwing.
 */
import { describeValue } from '@relaylane/core';

import { MAX_CONFIG_STRING_BYTES } from './config-value-bytes.js';
import { PING_LOCATION_BYTES } from './networking-utils-backend.js';
import { isUint8Array, typedArrayElements } from './typed-arrays.js';
import { encodeUtf8 } from './utf8.js';

/** The smallest int32. */
export const INT32_MIN = -0x80000000;
/** The largest int32. */
export const INT32_MAX = 0x7fffffff;
/** The largest uint32. */
export const UINT32_MAX = 0xffffffff;

function fail(
  ErrorClass: TypeErrorConstructor | RangeErrorConstructor,
  method: string,
  param: string,
  expected: string,
  value: unknown,
): never {
  throw new ErrorClass(`${method}: ${param} must be ${expected}, got ${describeValue(value)}`);
}

/**
 * Checks that `value` is an integer in [`min`, `max`]; `meaning` says what it is
 * (`'a uint32 POP id'`).
 *
 * @throws TypeError when `value` is not a number; RangeError when it is NaN, infinite, a
 *   fraction or out of range.
 */
export function checkIntegerInRange(
  method: string,
  param: string,
  value: unknown,
  min: number,
  max: number,
  meaning: string,
): number {
  const expected = `an integer from ${min} to ${max} (${meaning})`;
  if (typeof value !== 'number') {
    fail(TypeError, method, param, expected, value);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(RangeError, method, param, expected, value);
  }
  // -0 passes the checks above; the backend gets +0.
  return value === 0 ? 0 : value;
}

/** {@link checkIntegerInRange} for a uint32 (a POP id, a connection handle). */
export function checkUint32(
  method: string,
  param: string,
  value: unknown,
  meaning: string,
): number {
  return checkIntegerInRange(method, param, value, 0, UINT32_MAX, meaning);
}

/** {@link checkIntegerInRange} for an int32 (a config enum, an int32 config value). */
export function checkInt32(method: string, param: string, value: unknown, meaning: string): number {
  return checkIntegerInRange(method, param, value, INT32_MIN, INT32_MAX, meaning);
}

/**
 * Checks that `value` is a finite number (any sign, fractions allowed).
 *
 * @throws TypeError when `value` is not a number; RangeError when it is NaN or infinite.
 */
export function checkFiniteNumber(
  method: string,
  param: string,
  value: unknown,
  meaning: string,
): number {
  const expected = `a finite number (${meaning})`;
  if (typeof value !== 'number') {
    fail(TypeError, method, param, expected, value);
  }
  if (!Number.isFinite(value)) {
    fail(RangeError, method, param, expected, value);
  }
  return value === 0 ? 0 : value;
}

/**
 * Checks that `value` is a number a 32-bit float can hold: finite, and finite once rounded to
 * float32 (|value| up to about 3.4e38), since Steam stores it as a C `float`.
 *
 * @throws TypeError when `value` is not a number; RangeError when it is NaN, infinite or beyond
 *   the float32 range.
 */
export function checkFloat32(
  method: string,
  param: string,
  value: unknown,
  meaning: string,
): number {
  const expected = `a finite number within the 32-bit float range (${meaning})`;
  if (typeof value !== 'number') {
    fail(TypeError, method, param, expected, value);
  }
  if (!Number.isFinite(Math.fround(value))) {
    fail(RangeError, method, param, expected, value);
  }
  return value === 0 ? 0 : value;
}

/**
 * Checks that `value` is a boolean (no truthy or falsy stand-ins).
 *
 * @throws TypeError otherwise.
 */
export function checkBoolean(
  method: string,
  param: string,
  value: unknown,
  meaning: string,
): boolean {
  if (typeof value !== 'boolean') {
    fail(TypeError, method, param, `true or false (${meaning})`, value);
  }
  return value;
}

/**
 * Checks that `value` is a string; its content is not looked at (text from the wire is data).
 *
 * @throws TypeError otherwise.
 */
export function checkString(
  method: string,
  param: string,
  value: unknown,
  meaning: string,
): string {
  if (typeof value !== 'string') {
    fail(TypeError, method, param, `a string (${meaning})`, value);
  }
  return value;
}

/**
 * Checks that `value` is a string config value: a string without NUL of at most
 * {@link MAX_CONFIG_STRING_BYTES} UTF-8 bytes, and returns it.
 *
 * @throws TypeError when `value` is not a string; RangeError when it holds NUL (C would see it cut
 *   short) or is longer.
 */
export function checkConfigString(method: string, param: string, value: unknown): string {
  const expected = `a string config value without NUL characters, of at most ${MAX_CONFIG_STRING_BYTES} UTF-8 bytes`;
  if (typeof value !== 'string') {
    fail(TypeError, method, param, expected, value);
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes: most strings pass without being encoded.
  const tooLong =
    value.length > MAX_CONFIG_STRING_BYTES ||
    (value.length * 3 > MAX_CONFIG_STRING_BYTES &&
      encodeUtf8(value).byteLength > MAX_CONFIG_STRING_BYTES);
  if (tooLong || value.includes('\0')) {
    fail(RangeError, method, param, expected, value);
  }
  return value;
}

/**
 * Checks that `value` is a ping location, a `Uint8Array` of exactly {@link PING_LOCATION_BYTES}
 * bytes, and returns it (not a copy). Location arguments are read during one synchronous call and
 * never kept or written (the backend contract), so nothing needs a copy: a native function reads
 * exactly `sizeof(SteamNetworkPingLocation_t)`, 512 bytes, which the length check guarantees are
 * there. A view into a larger buffer is read from its own offset.
 *
 * @throws TypeError when `value` is not a `Uint8Array`; RangeError when its length is not 512 (a
 *   shorter array is never read past its end).
 */
export function checkPingLocation(method: string, param: string, value: unknown): Uint8Array {
  if (!isUint8Array(value)) {
    fail(TypeError, method, param, PING_LOCATION_EXPECTED, value);
  }
  // The engine's length, not the array's own `length`: a native function reads the real bytes.
  if (typedArrayElements(value) !== PING_LOCATION_BYTES) {
    fail(RangeError, method, param, PING_LOCATION_EXPECTED, value);
  }
  return value;
}

const PING_LOCATION_EXPECTED =
  `a Uint8Array of exactly ${PING_LOCATION_BYTES} bytes ` +
  '(a ping location from getLocalPingLocation() or parsePingLocationString())';
