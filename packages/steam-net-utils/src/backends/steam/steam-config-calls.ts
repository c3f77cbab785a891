/**
 * The config value calls of the Steam backend: every buffer handed to Steam is allocated here with
 * the size Steam asked for or the C type needs, never by the caller.
 */
import {
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
} from '../../constants/index.js';
import { describeValue } from '@relaylane/core';

import { checkFloat32, checkInt32 } from '../../port/argument-checks.js';
import { MAX_CONFIG_STRING_BYTES } from '../../port/config-value-bytes.js';
import { type NativePointer, type SteamApi } from './native/steam-api.js';

/**
 * The largest config value `getConfigValue` reads, in bytes. Numbers take 4 or 8; strings (server
 * lists, tickets) are far shorter. A bigger size from Steam is not read.
 */
export const MAX_CONFIG_VALUE_BYTES = 64 * 1024;

/**
 * How many times `getConfigValue` asks again when the value grew between the size query and the
 * read (another thread set a longer string meanwhile).
 */
export const GET_CONFIG_VALUE_ATTEMPTS = 3;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const utf8 = new TextEncoder();

/** What `GetConfigValue` answered. */
export interface ConfigValueRead {
  readonly result: number;
  readonly dataType: number;
  readonly bytes: Uint8Array;
}

/**
 * `GetConfigValue` with the SDK's two-call size query: first with no buffer (Steam answers
 * `BUFFER_TOO_SMALL` and the size it needs), then with a buffer of exactly that size. When the size
 * grew between the two calls Steam answers `BUFFER_TOO_SMALL` again; the read is retried with the
 * new size, at most {@link GET_CONFIG_VALUE_ATTEMPTS} times.
 *
 * @returns Steam's result and data type, and the value's bytes (a copy, exactly as many as Steam
 *   wrote); `bytes` is empty when the result is a failure. A first answer other than
 *   `BUFFER_TOO_SMALL` (`BAD_VALUE`, `BAD_SCOPE_OBJ`) is final; `dataType` is 0 for `BAD_VALUE`
 *   (Steam leaves it unwritten). A size above {@link MAX_CONFIG_VALUE_BYTES}, or one that keeps
 *   growing, gives `BUFFER_TOO_SMALL` with no bytes.
 */
export function readConfigValue(
  api: SteamApi,
  self: NativePointer,
  configValue: number,
  scope: number,
  scopeObject: number,
): ConfigValueRead {
  const dataType = new Int32Array(1);
  const size = new BigUint64Array(1);
  // The size query: Steam writes the size it needs into `size` whatever it answers.
  let result = api.GetConfigValue(self, configValue, scope, scopeObject, dataType, null, size);
  for (let attempt = 0; attempt < GET_CONFIG_VALUE_ATTEMPTS; attempt++) {
    if (result !== NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL) {
      break;
    }
    const needed = size[0]!;
    if (needed === 0n || needed > BigInt(MAX_CONFIG_VALUE_BYTES)) {
      return { result, dataType: dataType[0]!, bytes: new Uint8Array(0) };
    }
    const buffer = new Uint8Array(Number(needed));
    size[0] = needed;
    result = api.GetConfigValue(self, configValue, scope, scopeObject, dataType, buffer, size);
    if (result >= 0) {
      // Steam wrote `size[0]` bytes; never more than the buffer it was given.
      const written = Math.min(Number(size[0]!), buffer.byteLength);
      return { result, dataType: dataType[0]!, bytes: buffer.slice(0, written) };
    }
  }
  return {
    result,
    dataType: result === NETWORKING_GET_CONFIG_VALUE_BAD_VALUE ? 0 : dataType[0]!,
    bytes: new Uint8Array(0),
  };
}

/**
 * `GetConfigValueInfo`.
 *
 * @returns the name, data type and scope; undefined when Steam does not know the value (it returns
 *   NULL and leaves the outputs unwritten).
 */
export function readConfigValueInfo(
  api: SteamApi,
  self: NativePointer,
  configValue: number,
): { name: string; dataType: number; scope: number } | undefined {
  const dataType = new Int32Array(1);
  const scope = new Int32Array(1);
  const name = api.GetConfigValueInfo(self, configValue, dataType, scope);
  if (name === null || name === undefined) {
    return undefined;
  }
  return { name, dataType: dataType[0]!, scope: scope[0]! };
}

/**
 * The `pArg` of `SetConfigValue` for a value of `dataType`: the value by reference for INT32 (4
 * bytes), INT64 (8) and FLOAT (4), the NUL-terminated UTF-8 characters for STRING (a `char *`).
 *
 * @throws TypeError when `value` has the wrong JavaScript type for `dataType` (a number for INT32
 *   and FLOAT, a bigint for INT64, a string for STRING); RangeError when it is out of the C type's
 *   range, a string holds NUL or is longer than {@link MAX_CONFIG_STRING_BYTES} bytes, or
 *   `dataType` is not one of those four (a pointer value is never set from JavaScript).
 */
export function encodeConfigArgument(
  method: string,
  dataType: number,
  value: number | bigint | string,
): Uint8Array {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32: {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setInt32(0, checkInt32(method, 'value', value, 'an int32'), true);
      return bytes;
    }
    case NETWORKING_CONFIG_TYPE_FLOAT: {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setFloat32(
        0,
        checkFloat32(method, 'value', value, 'a float'),
        true,
      );
      return bytes;
    }
    case NETWORKING_CONFIG_TYPE_INT64: {
      if (typeof value !== 'bigint') {
        throw new TypeError(
          `${method}: value must be a bigint (an int64), got ${describeValue(value)}`,
        );
      }
      if (value < INT64_MIN || value > INT64_MAX) {
        throw new RangeError(
          `${method}: value must be an int64 bigint, got ${describeValue(value)}`,
        );
      }
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigInt64(0, value, true);
      return bytes;
    }
    case NETWORKING_CONFIG_TYPE_STRING: {
      const expected = `a string without NUL of at most ${MAX_CONFIG_STRING_BYTES} UTF-8 bytes`;
      if (typeof value !== 'string') {
        throw new TypeError(`${method}: value must be ${expected}, got ${describeValue(value)}`);
      }
      const encoded = utf8.encode(value);
      if (value.includes('\0') || encoded.byteLength > MAX_CONFIG_STRING_BYTES) {
        throw new RangeError(`${method}: value must be ${expected}, got ${describeValue(value)}`);
      }
      // Zero-filled: the byte after the characters is the NUL.
      const bytes = new Uint8Array(encoded.byteLength + 1);
      bytes.set(encoded);
      return bytes;
    }
    default:
      throw new RangeError(
        `${method}: dataType must be INT32 (1), INT64 (2), FLOAT (3) or STRING (4), got ` +
          `${describeValue(dataType)}`,
      );
  }
}
