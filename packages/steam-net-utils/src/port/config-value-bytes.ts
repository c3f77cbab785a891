/**
 * The bytes `GetConfigValue` writes into `pResult`, as a little-endian 64-bit Steam client lays
 * them out, and their inverse.
 */

import {
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
} from '../constants/index.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/**
 * The longest string config value, in UTF-8 bytes without the NUL: what the service accepts
 * (longer is a RangeError naming the method) and what every backend stores and sends. Steam's
 * string values (relay cluster names, server lists, tickets) are far shorter.
 */
export const MAX_CONFIG_STRING_BYTES = 65535;

/** `sizeof(int32)` and `sizeof(float)`. */
const FOUR_BYTES = 4;
/** `sizeof(int64)`, and `sizeof(void *)` in a 64-bit process. */
const EIGHT_BYTES = 8;

function fixedBytes(size: number, write: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  write(new DataView(bytes.buffer));
  return bytes;
}

/**
 * The bytes of `value` as Steam copies a config value of type `dataType` out: int32 and float as
 * 4 little-endian bytes, int64 as 8, a pointer as 8 (64-bit process), a string as its UTF-8 bytes
 * followed by one NUL (`strlen + 1` bytes). Throws TypeError when `value` is not of the kind
 * `dataType` needs (number for INT32 / FLOAT, bigint for INT64 / FUNCTION_PTR, string for
 * STRING) or `dataType` is not a data type.
 */
export function encodeConfigValueBytes(
  dataType: number,
  value: number | bigint | string,
): Uint8Array {
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      if (typeof value === 'number') {
        return fixedBytes(FOUR_BYTES, (view) => view.setInt32(0, value, true));
      }
      break;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      if (typeof value === 'number') {
        return fixedBytes(FOUR_BYTES, (view) => view.setFloat32(0, value, true));
      }
      break;
    case NETWORKING_CONFIG_TYPE_INT64:
      if (typeof value === 'bigint') {
        return fixedBytes(EIGHT_BYTES, (view) => view.setBigInt64(0, value, true));
      }
      break;
    case NETWORKING_CONFIG_TYPE_FUNCTION_PTR:
      if (typeof value === 'bigint') {
        return fixedBytes(EIGHT_BYTES, (view) => view.setBigUint64(0, value, true));
      }
      break;
    case NETWORKING_CONFIG_TYPE_STRING:
      if (typeof value === 'string') {
        const text = encodeUtf8(value);
        const bytes = new Uint8Array(text.length + 1); // the last byte stays 0: the terminator
        bytes.set(text);
        return bytes;
      }
      break;
    default:
      throw new TypeError(
        `encodeConfigValueBytes: dataType ${dataType} is not a NetworkingConfigDataType; pass NETWORKING_CONFIG_TYPE_INT32, _INT64, _FLOAT, _STRING or _FUNCTION_PTR.`,
      );
  }
  throw new TypeError(
    `encodeConfigValueBytes: a ${typeof value} cannot be a value of data type ${dataType}; pass a number for INT32 and FLOAT, a bigint for INT64 and FUNCTION_PTR, a string for STRING.`,
  );
}

/**
 * The value that `bytes` (as `GetConfigValue` wrote them) hold for a config value of type
 * `dataType`: a number for INT32 and FLOAT (exactly 4 bytes), a bigint for INT64 (exactly 8,
 * signed) and FUNCTION_PTR (exactly 8, the unsigned address), a string for STRING (the UTF-8 text
 * up to the first NUL; malformed UTF-8 becomes U+FFFD). Undefined when the byte count cannot be
 * that type's, when a string has no NUL terminator, or when `dataType` is not a data type.
 * Never throws.
 */
export function decodeConfigValueBytes(
  dataType: number,
  bytes: Uint8Array,
): number | bigint | string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      return bytes.length === FOUR_BYTES ? view.getInt32(0, true) : undefined;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return bytes.length === FOUR_BYTES ? view.getFloat32(0, true) : undefined;
    case NETWORKING_CONFIG_TYPE_INT64:
      return bytes.length === EIGHT_BYTES ? view.getBigInt64(0, true) : undefined;
    case NETWORKING_CONFIG_TYPE_FUNCTION_PTR:
      return bytes.length === EIGHT_BYTES ? view.getBigUint64(0, true) : undefined;
    case NETWORKING_CONFIG_TYPE_STRING: {
      const end = bytes.indexOf(0);
      return end < 0 ? undefined : decodeUtf8(bytes.subarray(0, end));
    }
    default:
      return undefined;
  }
}
