import {
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
} from '../constants/index.js';

// One decoder for every call; `fatal: false` turns invalid UTF-8 into U+FFFD instead of throwing.
const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads a config value from the bytes Steam's `GetConfigValue` writes for it:
 * - `NETWORKING_CONFIG_TYPE_INT32`: a little-endian int32, as a number;
 * - `NETWORKING_CONFIG_TYPE_FLOAT`: a little-endian 32-bit float, as a number (the float's exact
 *   value: a value set as `0.1` reads back as `0.10000000149011612`);
 * - `NETWORKING_CONFIG_TYPE_INT64`: a little-endian int64, as a bigint;
 * - `NETWORKING_CONFIG_TYPE_STRING`: UTF-8 text up to the first NUL (or the end), invalid
 *   sequences read as U+FFFD.
 *
 * @returns the value, or null for any other data type (pointers have no meaning in JavaScript) and
 *   when there are fewer bytes than the type needs. Never throws.
 */
export function readConfigValueBytes(
  dataType: number,
  bytes: Uint8Array,
): number | bigint | string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dataType) {
    case NETWORKING_CONFIG_TYPE_INT32:
      return bytes.byteLength >= 4 ? view.getInt32(0, true) : null;
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return bytes.byteLength >= 4 ? view.getFloat32(0, true) : null;
    case NETWORKING_CONFIG_TYPE_INT64:
      return bytes.byteLength >= 8 ? view.getBigInt64(0, true) : null;
    case NETWORKING_CONFIG_TYPE_STRING: {
      const end = bytes.indexOf(0);
      return utf8.decode(end < 0 ? bytes : bytes.subarray(0, end));
    }
    default:
      return null;
  }
}
