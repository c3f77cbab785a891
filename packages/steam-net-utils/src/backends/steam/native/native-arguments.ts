/**
 * The argument kinds of the flat API and how a JavaScript value becomes each: checked first, so a
 * value koffi would silently wrap, truncate or turn into a transient callback never reaches native
 * code. Each kind knows its koffi type; a check failure throws TypeError (wrong JavaScript type) or
 * RangeError (right type, out of range / too small), naming the C function and parameter.
 *
 * Typed arrays are recognised and measured with the engine's own %TypedArray%.prototype getters
 * (the port's `typed-arrays.ts`): an own `length` property or a subclass overriding it cannot make
 * a 16-byte array pass for a 512-byte one (koffi hands native code the array's real memory,
 * whatever its JavaScript properties say), and an array from another realm is recognised like a
 * local one.
 *
 * Converters allocate nothing on success (a string for `const char *` is encoded, see
 * {@link cString}), so the binding's per-call cost is a few type checks.
 */
import {
  typedArrayBytes,
  typedArrayElements,
  typedArrayIndexOf,
  typedArrayKind,
} from '../../../port/typed-arrays.js';
import { type NativePointer } from './steam-api.js';
import { isTrustedNativePointer } from './trusted-pointers.js';

/** The longest `const char *` sent to Steam, in UTF-8 bytes (Steam's own strings are far shorter). */
export const MAX_NATIVE_STRING_BYTES = 1 << 20;

const FLOAT_MAX = 3.4028234663852886e38;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** What a parameter takes, for those who describe or probe the binding (the hostile-input suite). */
export type NativeArgumentKind =
  | 'int32'
  | 'uint32'
  | 'float'
  | 'bool'
  | 'intptr'
  | 'uint64'
  | 'pointer'
  | 'buffer'
  | 'typedArray'
  | 'cString';

/** One parameter: its C name, koffi type, and conversion. */
export interface NativeArgument {
  readonly name: string;
  readonly ctype: string;
  readonly kind: NativeArgumentKind;
  /** Whether null is accepted (the null pointer). */
  readonly nullable: boolean;
  /** For `buffer` the fewest bytes, for `typedArray` the fewest elements; else 0. */
  readonly minimum: number;
  /** For `typedArray`, the array type (`'Uint32Array'`). */
  readonly arrayType?: string;
  /** Checks `value` and returns what koffi is given; `where` names the function for messages. */
  convert(value: unknown, where: string): unknown;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  const kind = typedArrayKind(value);
  if (kind !== undefined) return `a ${kind} of ${typedArrayBytes(value as ArrayBufferView)} bytes`;
  // A DataView: its own properties (constructor, byteLength) could be traps, so none is read.
  if (ArrayBuffer.isView(value)) return 'a DataView';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' ? 'an object' : String(value);
}

function typeError(where: string, name: string, expected: string, value: unknown): TypeError {
  return new TypeError(`${where}: ${name} must be ${expected}, got ${describe(value)}`);
}

function rangeError(where: string, name: string, expected: string, value: unknown): RangeError {
  return new RangeError(`${where}: ${name} must be ${expected}, got ${describe(value)}`);
}

function integer(
  name: string,
  kind: 'int32' | 'uint32',
  ctype: string,
  min: number,
  max: number,
): NativeArgument {
  const expected = `an integer from ${min} to ${max} (${ctype})`;
  return {
    name,
    ctype,
    kind,
    nullable: false,
    minimum: 0,
    convert(value, where) {
      if (typeof value !== 'number') throw typeError(where, name, expected, value);
      if (!Number.isInteger(value) || value < min || value > max) {
        throw rangeError(where, name, expected, value);
      }
      return value;
    },
  };
}

/** `int32` (and every 32-bit enum). */
export function int32(name: string): NativeArgument {
  return integer(name, 'int32', 'int32_t', -(2 ** 31), 2 ** 31 - 1);
}

/** `uint32` (POP ids, IPv4 addresses, connection handles). */
export function uint32(name: string): NativeArgument {
  return integer(name, 'uint32', 'uint32_t', 0, 2 ** 32 - 1);
}

/** `float`: finite and within a C float's range (a double that would become ±inf is refused). */
export function float32(name: string): NativeArgument {
  const expected = `a finite number within ±${FLOAT_MAX} (float)`;
  return {
    name,
    ctype: 'float',
    kind: 'float',
    nullable: false,
    minimum: 0,
    convert(value, where) {
      if (typeof value !== 'number') throw typeError(where, name, expected, value);
      if (!Number.isFinite(value) || Math.abs(value) > FLOAT_MAX) {
        throw rangeError(where, name, expected, value);
      }
      return value;
    },
  };
}

/** `bool`. */
export function bool(name: string): NativeArgument {
  return {
    name,
    ctype: 'bool',
    kind: 'bool',
    nullable: false,
    minimum: 0,
    convert(value, where) {
      if (typeof value !== 'boolean') throw typeError(where, name, 'a boolean', value);
      return value;
    },
  };
}

/** `intptr_t` on a 64-bit platform: a safe integer or an int64 bigint. */
export function intptr(name: string): NativeArgument {
  const expected = 'a safe integer or an int64 bigint (intptr_t)';
  return {
    name,
    ctype: 'intptr_t',
    kind: 'intptr',
    nullable: false,
    minimum: 0,
    convert(value, where) {
      if (typeof value === 'number') {
        if (!Number.isSafeInteger(value)) throw rangeError(where, name, expected, value);
        return BigInt(value);
      }
      if (typeof value !== 'bigint') throw typeError(where, name, expected, value);
      if (value < INT64_MIN || value > INT64_MAX) throw rangeError(where, name, expected, value);
      return value;
    },
  };
}

/** `uint64` (`SteamAPICall_t`): a bigint. */
export function uint64(name: string): NativeArgument {
  const expected = 'a uint64 bigint';
  return {
    name,
    ctype: 'uint64_t',
    kind: 'uint64',
    nullable: false,
    minimum: 0,
    convert(value, where) {
      if (typeof value !== 'bigint') throw typeError(where, name, expected, value);
      if (value < 0n || value > UINT64_MAX) throw rangeError(where, name, expected, value);
      return value;
    },
  };
}

function pointerArgument(name: string, nullable: boolean, what: string): NativeArgument {
  const expected = nullable ? `${what} (a non-zero bigint) or null` : `${what} (a non-zero bigint)`;
  return {
    name,
    ctype: 'void *',
    kind: 'pointer',
    nullable,
    minimum: 0,
    convert(value, where) {
      if (value === null && nullable) return null;
      if (typeof value !== 'bigint') throw typeError(where, name, expected, value);
      if (value <= 0n || value > UINT64_MAX) throw rangeError(where, name, expected, value);
      return value as NativePointer;
    },
  };
}

/** The `ISteamNetworkingUtils *self` pointer. */
export function self(): NativeArgument {
  return pointerArgument('self', false, 'the ISteamNetworkingUtils pointer');
}

/**
 * A C function pointer: a pointer from `koffi.register`, or null. (A JavaScript function is
 * refused: koffi would make it a transient callback, invalid once the call returns.)
 */
export function functionPointer(name: string): NativeArgument {
  return trustedPointer(pointerArgument(name, true, 'a function pointer from koffi.register'));
}

/**
 * A `void *` config value (e.g. `SetGlobalConfigValuePtr`), which Steam stores and calls through:
 * a pointer Relaylane registered, or null.
 */
export function opaquePointer(name: string): NativeArgument {
  return trustedPointer(pointerArgument(name, true, 'a native pointer'));
}

/** `argument`, refused (RangeError) unless null or a pointer of `trusted-pointers.ts`. */
function trustedPointer(argument: NativeArgument): NativeArgument {
  return {
    ...argument,
    convert(value, where) {
      const converted = argument.convert(value, where);
      if (converted !== null && !isTrustedNativePointer(converted as bigint)) {
        throw new RangeError(
          `${where}: ${argument.name} must be null or a callback Relaylane registered (Steam would call through it); got a pointer it did not register`,
        );
      }
      return converted;
    },
  };
}

/**
 * A pointer to a caller buffer, a `Uint8Array` of at least `minBytes` bytes (written in place for
 * outputs). With `nullable`, null passes the null pointer.
 */
export function buffer(name: string, minBytes: number, nullable = false): NativeArgument {
  const expected = `a Uint8Array of at least ${minBytes} bytes${nullable ? ', or null' : ''}`;
  return {
    name,
    ctype: 'void *',
    kind: 'buffer',
    nullable,
    minimum: minBytes,
    convert(value, where) {
      if (value === null && nullable) return null;
      if (typedArrayKind(value) !== 'Uint8Array') throw typeError(where, name, expected, value);
      if (typedArrayBytes(value as Uint8Array) < minBytes) {
        throw rangeError(where, name, expected, value);
      }
      return value;
    },
  };
}

/**
 * A typed array of a fixed element type, at least `minLength` elements (out parameters such as
 * `SteamNetworkingPOPID *`, `ESteamNetworkingConfigDataType *`, `size_t *`).
 */
export function typedArray<T extends ArrayBufferView>(
  name: string,
  kind: { new (length: number): T; readonly name: string },
  minLength: number,
  nullable: boolean,
): NativeArgument {
  const expected = `a ${kind.name} of at least ${minLength} element${minLength === 1 ? '' : 's'}${nullable ? ', or null' : ''}`;
  const tag = kind.name;
  return {
    name,
    ctype: 'void *',
    kind: 'typedArray',
    nullable,
    minimum: minLength,
    arrayType: tag,
    convert(value, where) {
      if (value === null && nullable) return null;
      if (typedArrayKind(value) !== tag) throw typeError(where, name, expected, value);
      if (typedArrayElements(value as T) < minLength) {
        throw rangeError(where, name, expected, value);
      }
      return value;
    },
  };
}

const utf8 = new TextEncoder();

/**
 * `const char *`: a string (encoded as UTF-8 with a NUL added; a lone surrogate becomes U+FFFD as
 * in any UTF-8 encoding), or a Uint8Array that holds a NUL (sent up to and including it). A string
 * holding U+0000 is refused: C would see it cut short. At most {@link MAX_NATIVE_STRING_BYTES}.
 */
export function cString(name: string): NativeArgument {
  const expected = `a string without U+0000 of at most ${MAX_NATIVE_STRING_BYTES} UTF-8 bytes, or a NUL-terminated Uint8Array`;
  return {
    name,
    ctype: 'void *',
    kind: 'cString',
    nullable: false,
    minimum: 0,
    convert(value, where) {
      if (typeof value === 'string') {
        if (value.includes('\0')) throw rangeError(where, name, expected, value);
        const encoded = utf8.encode(value);
        if (encoded.byteLength > MAX_NATIVE_STRING_BYTES)
          throw rangeError(where, name, expected, value);
        const terminated = new Uint8Array(encoded.byteLength + 1);
        terminated.set(encoded);
        return terminated;
      }
      if (typedArrayKind(value) !== 'Uint8Array') throw typeError(where, name, expected, value);
      // An empty array holds no NUL; a detached one reads as empty (and the engine's indexOf
      // would throw its own TypeError, which names no function).
      if (typedArrayBytes(value as Uint8Array) === 0)
        throw rangeError(where, name, expected, value);
      // The engine's indexOf: an overridden one could claim a NUL the bytes do not hold.
      const end = typedArrayIndexOf(value as Uint8Array, 0);
      if (end === -1 || end > MAX_NATIVE_STRING_BYTES)
        throw rangeError(where, name, expected, value);
      return value;
    },
  };
}
