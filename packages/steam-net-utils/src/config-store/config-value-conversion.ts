/**
 * Steam's conversion of a `SetConfigValue` argument into the type of the config value
 * (`AssignConfigValueTyped` in Valve's GameNetworkingSockets, which Steam shares), and the silent
 * clamping that follows. Steam's header says the types must match exactly; its code converts.
 */

import {
  type ConfigValueEntry,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
} from '../constants/index.js';
import { formatPrintfG } from './c-number-formatting.js';
import { scanFloat32, scanInt32, scanInt64 } from './c-number-parsing.js';
import { bigintToFloat32 } from './float32-rounding.js';
import { MAX_CONFIG_STRING_BYTES } from '../port/config-value-bytes.js';
import { decodeUtf8, encodeUtf8 } from '../port/utf8.js';

/**
 * A config value as the simulation holds it: int32 and float values as numbers (floats exactly
 * representable in single precision), int64 values and pointers as bigints, strings as strings.
 */
export type StoredConfigValue = number | bigint | string;

/** What a caller passes as `SetConfigValue`'s `pArg` (null is the null `pArg`: reset / inherit). */
export type ConfigArgument = number | bigint | string | null;

/**
 * The longest string argument a store accepts, in UTF-8 bytes without the terminator: the port's
 * limit, which the service checks first. Steam has no such limit; a store bounds what it stores
 * and copies.
 */
export { MAX_CONFIG_STRING_BYTES };

/**
 * The only pointer the simulation holds: the null pointer. It has no native functions to point
 * to; callbacks are installed through the backend's `setGlobalCallback` instead.
 */
export const NULL_POINTER_VALUE = 0n;

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;

/**
 * The string C would see: it ends at the first NUL. Undefined when longer than
 * {@link MAX_CONFIG_STRING_BYTES} in UTF-8. Unpaired surrogates become U+FFFD (what UTF-8 can
 * carry), so the result reads back unchanged.
 */
function toCString(text: string): string | undefined {
  const nul = text.indexOf('\0');
  const content = nul >= 0 ? text.slice(0, nul) : text;
  // Every UTF-16 unit takes at least one UTF-8 byte: a cheap early rejection of long strings.
  if (content.length > MAX_CONFIG_STRING_BYTES) return undefined;
  const bytes = encodeUtf8(content);
  return bytes.length > MAX_CONFIG_STRING_BYTES ? undefined : decodeUtf8(bytes);
}

/**
 * The argument as the C value `pArg` would point to, given the data type the caller declared:
 * an int32 for INT32 (a number that is an integer in range), a float for FLOAT (any number,
 * rounded to single precision), an int64 for INT64 (a bigint in range), a C string for STRING,
 * the null pointer for FUNCTION_PTR (`0` or `0n`). Undefined when the argument cannot be that
 * (including any other data type, and strings over {@link MAX_CONFIG_STRING_BYTES}). Never throws.
 */
export function readConfigArgument(
  dataType: number,
  argument: unknown,
): StoredConfigValue | undefined {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      return typeof argument === 'number' &&
        Number.isInteger(argument) &&
        argument >= INT32_MIN &&
        argument <= INT32_MAX
        ? argument | 0 // also turns -0 into 0, as an int32 has no negative zero
        : undefined;
    case NETWORKING_CONFIG_TYPE_INT64:
      return typeof argument === 'bigint' && argument >= INT64_MIN && argument <= INT64_MAX
        ? argument
        : undefined;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return typeof argument === 'number' ? Math.fround(argument) : undefined;
    case NETWORKING_CONFIG_TYPE_STRING:
      return typeof argument === 'string' ? toCString(argument) : undefined;
    case NETWORKING_CONFIG_TYPE_FUNCTION_PTR:
      return argument === 0 || argument === 0n ? NULL_POINTER_VALUE : undefined;
    default:
      return undefined;
  }
}

/**
 * C's `(int32)floor(x + .5f)` for a float `x`: the sum is computed in single precision (so the
 * float just below 0.5 gives 1). Out of range and NaN give INT32_MIN, what the conversion yields
 * on x86-64 (C leaves it undefined), and clamping then applies to that.
 */
export function roundFloatToInt32(x: number): number {
  const rounded = Math.floor(Math.fround(Math.fround(x) + 0.5));
  if (Number.isNaN(rounded) || rounded < INT32_MIN || rounded > INT32_MAX) return INT32_MIN;
  return rounded | 0;
}

/**
 * C's `(int64)floor(x + .5f)` for a float `x`, with the sum in single precision. Out of range
 * (|x| >= 2^63) and NaN give INT64_MIN, what the conversion yields on x86-64.
 */
export function roundFloatToInt64(x: number): bigint {
  const rounded = Math.floor(Math.fround(Math.fround(x) + 0.5));
  if (Number.isNaN(rounded) || rounded < -(2 ** 63) || rounded >= 2 ** 63) return INT64_MIN;
  return BigInt(rounded);
}

/**
 * Steam's conversion of the argument `argument`, declared as `dataType`, into a value of type
 * `targetType`, or undefined when Steam's `SetConfigValue` returns false for it:
 * - into INT32: INT32; INT64 only if it fits in an int32; FLOAT by `floor(x + .5f)`; STRING by
 *   `%d`; FUNCTION_PTR never.
 * - into INT64: INT32; INT64; FLOAT by `floor(x + .5f)`; STRING by `%lld`; FUNCTION_PTR never.
 * - into FLOAT: INT32 and INT64 rounded to the nearest float; FLOAT; STRING by `%f`;
 *   FUNCTION_PTR never.
 * - into STRING: INT32 by `%d`, INT64 by `%lld`, FLOAT by `%g`, STRING as is; FUNCTION_PTR never.
 * - into FUNCTION_PTR: only FUNCTION_PTR.
 * An argument that {@link readConfigArgument} rejects, an unknown data type or an unknown target
 * type also give undefined. Never throws.
 */
export function convertConfigArgument(
  targetType: number,
  dataType: number,
  argument: unknown,
): StoredConfigValue | undefined {
  const value = readConfigArgument(dataType, argument);
  if (value === undefined) return undefined;
  switch (targetType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      return toInt32(dataType, value);
    case NETWORKING_CONFIG_TYPE_INT64:
      return toInt64(dataType, value);
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return toFloat(dataType, value);
    case NETWORKING_CONFIG_TYPE_STRING:
      return toText(dataType, value);
    case NETWORKING_CONFIG_TYPE_FUNCTION_PTR:
      return dataType === NETWORKING_CONFIG_TYPE_FUNCTION_PTR ? value : undefined;
    default:
      return undefined;
  }
}

// In the four helpers below `value` already has the JavaScript type `dataType` implies
// (readConfigArgument guarantees it); the typeof checks only narrow it for the compiler.

function toInt32(dataType: number, value: StoredConfigValue): number | undefined {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      return typeof value === 'number' ? value : undefined;
    case NETWORKING_CONFIG_TYPE_INT64:
      // "Cannot truncate": only values that survive the round trip through int32.
      return typeof value === 'bigint' && value >= BigInt(INT32_MIN) && value <= BigInt(INT32_MAX)
        ? Number(value)
        : undefined;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return typeof value === 'number' ? roundFloatToInt32(value) : undefined;
    case NETWORKING_CONFIG_TYPE_STRING:
      return typeof value === 'string' ? scanInt32(value) : undefined;
    default:
      return undefined;
  }
}

function toInt64(dataType: number, value: StoredConfigValue): bigint | undefined {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      return typeof value === 'number' ? BigInt(value) : undefined;
    case NETWORKING_CONFIG_TYPE_INT64:
      return typeof value === 'bigint' ? value : undefined;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return typeof value === 'number' ? roundFloatToInt64(value) : undefined;
    case NETWORKING_CONFIG_TYPE_STRING:
      return typeof value === 'string' ? scanInt64(value) : undefined;
    default:
      return undefined;
  }
}

function toFloat(dataType: number, value: StoredConfigValue): number | undefined {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      // Every int32 is an exact double, so one rounding to single precision is correct.
      return typeof value === 'number' ? Math.fround(value) : undefined;
    case NETWORKING_CONFIG_TYPE_INT64:
      return typeof value === 'bigint' ? bigintToFloat32(value) : undefined;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return typeof value === 'number' ? value : undefined;
    case NETWORKING_CONFIG_TYPE_STRING:
      return typeof value === 'string' ? scanFloat32(value) : undefined;
    default:
      return undefined;
  }
}

function toText(dataType: number, value: StoredConfigValue): string | undefined {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
    case NETWORKING_CONFIG_TYPE_INT64:
      return typeof value === 'number' || typeof value === 'bigint' ? value.toString() : undefined;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return typeof value === 'number' ? formatPrintfG(value) : undefined;
    case NETWORKING_CONFIG_TYPE_STRING:
      return typeof value === 'string' ? value : undefined;
    default:
      return undefined;
  }
}

/**
 * `value` limited to the entry's [min, max] as Steam does after every assignment: silently, and
 * only for int32 and float values that have limits. The comparison is C's `val < min ? min :
 * val > max ? max : val`, so a NaN float stays NaN. Other values are returned unchanged.
 */
export function clampConfigValue(
  entry: ConfigValueEntry,
  value: StoredConfigValue,
): StoredConfigValue {
  if (
    typeof value !== 'number' ||
    (entry.dataType !== NETWORKING_CONFIG_TYPE_INT32 &&
      entry.dataType !== NETWORKING_CONFIG_TYPE_FLOAT)
  ) {
    return value;
  }
  if (entry.min !== undefined && value < entry.min) return entry.min;
  if (entry.max !== undefined && value > entry.max) return entry.max;
  return value;
}
