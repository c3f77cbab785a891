/**
 * Relaylane's 512-byte form of a ping location (the size of Steam's `SteamNetworkPingLocation_t`),
 * for the backends that are not Steam. Steam calls its own form process-local and so is this one:
 * it is for `getLocalPingLocation` and the estimate calls of one process, and the text is what
 * travels. It holds exactly a `PingLocation` (the entry POP of each via route included, which the
 * text leaves out). All multi-byte fields are little-endian:
 *
 *   offset     size  field
 *   0          2     magic 'R' 'L'
 *   2          1     version (2)
 *   3          1     entry count n, 0..12
 *   4 + 16k    4     entry k: POP id
 *   8 + 16k    2     entry k: direct round trip, ms (0xFFFF: none)
 *   10 + 16k   2     entry k: its extra (0 when there is no direct route)
 *   12 + 16k   2     entry k: via round trip, ms (0xFFFF: none)
 *   14 + 16k   2     entry k: its extra (0 when there is no via route)
 *   16 + 16k   4     entry k: the via route's entry POP id (0: unknown or none)
 *   4 + 16n    4     FNV-1a 32 of bytes [0, 4 + 16n)
 *   8 + 16n    ...   zero up to byte 511
 *
 * A byte array is a location only if every field holds what a `PingLocation` allows (the
 * invariants of ping-location.ts: distinct POPs with codes of Steam's grammar, at least one route
 * per entry, entries in route order), the checksum matches and the padding is zero. Anything else,
 * all zeros included, is not one.
 */
import {
  insertEntry,
  MAX_PING_LOCATION_ENTRIES,
  MAX_ROUTE_MS,
  RECORD_COUNT,
  RECORD_DIRECT,
  RECORD_DIRECT_EXTRA,
  RECORD_POP,
  RECORD_SIZE,
  RECORD_VIA,
  RECORD_VIA_EXTRA,
  RECORD_RELAY_POP,
  recordHasPop,
} from './location-record.js';
import { isLocationPopId, locationOfRecord, type PingLocation, recordOf } from './ping-location.js';

/** The size of every location in this form (and of Steam's). */
export const PING_LOCATION_BYTE_SIZE = 512;

const MAGIC_0 = 0x52; // 'R'
const MAGIC_1 = 0x4c; // 'L'
const FORMAT_VERSION = 2;
const OFFSET_ENTRIES = 4;
const ENTRY_SIZE = 16;
const NO_ROUTE = 0xffff;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a32(bytes: Uint8Array, end: number): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h >>> 0;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  );
}

function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}

function put32(bytes: Uint8Array, at: number, value: number): void {
  put16(bytes, at, value & 0xffff);
  put16(bytes, at + 2, (value >>> 16) & 0xffff);
}

/**
 * Writes `location` into `out` (a `Uint8Array` of at least 512 bytes; bytes 0..511 are written,
 * the padding zeroed). The caller checks `out`.
 */
export function writePingLocationBytes(location: PingLocation, out: Uint8Array): void {
  writeRecordBytes(recordOf(location), 0, out);
}

/**
 * Writes the location in the record at `r[base]` (a complete record, as a scan or a location
 * leaves it) into `out`, as {@link writePingLocationBytes} does.
 */
export function writeRecordBytes(r: Int32Array, base: number, out: Uint8Array): void {
  const count = r[base + RECORD_COUNT]!;
  out.fill(0, 0, PING_LOCATION_BYTE_SIZE);
  out[0] = MAGIC_0;
  out[1] = MAGIC_1;
  out[2] = FORMAT_VERSION;
  out[3] = count;
  for (let k = 0; k < count; k++) {
    const at = OFFSET_ENTRIES + k * ENTRY_SIZE;
    const directMs = r[base + RECORD_DIRECT + k]!;
    const viaMs = r[base + RECORD_VIA + k]!;
    put32(out, at, r[base + RECORD_POP + k]! >>> 0);
    put16(out, at + 4, directMs < 0 ? NO_ROUTE : directMs);
    put16(out, at + 6, directMs < 0 ? 0 : r[base + RECORD_DIRECT_EXTRA + k]!);
    put16(out, at + 8, viaMs < 0 ? NO_ROUTE : viaMs);
    put16(out, at + 10, viaMs < 0 ? 0 : r[base + RECORD_VIA_EXTRA + k]!);
    put32(out, at + 12, viaMs < 0 ? 0 : r[base + RECORD_RELAY_POP + k]! >>> 0);
  }
  const end = OFFSET_ENTRIES + count * ENTRY_SIZE;
  put32(out, end, fnv1a32(out, end));
}

/** `location` in a fresh 512-byte array. */
export function pingLocationToBytes(location: PingLocation): Uint8Array {
  const out = new Uint8Array(PING_LOCATION_BYTE_SIZE);
  writePingLocationBytes(location, out);
  return out;
}

/**
 * Reads `bytes` into the record at `base` of `record`. Returns false,
 * leaving a count of 0, when `bytes` is not a 512-byte `Uint8Array` holding a location (see the
 * file comment). Never throws; allocates nothing.
 */
export function scanPingLocationBytes(
  bytes: Uint8Array,
  record: Int32Array,
  base: number,
): boolean {
  record[base + RECORD_COUNT] = 0;
  if (!(bytes instanceof Uint8Array) || bytes.length !== PING_LOCATION_BYTE_SIZE) return false;
  if (bytes[0] !== MAGIC_0 || bytes[1] !== MAGIC_1 || bytes[2] !== FORMAT_VERSION) return false;
  const count = bytes[3]!;
  if (count > MAX_PING_LOCATION_ENTRIES) return false;
  const end = OFFSET_ENTRIES + count * ENTRY_SIZE;
  if (u32(bytes, end) !== fnv1a32(bytes, end)) return false;
  for (let i = end + 4; i < PING_LOCATION_BYTE_SIZE; i++)
    if (bytes[i] !== 0) return fail(record, base);
  let previousRoute = -1;
  for (let k = 0; k < count; k++) {
    const at = OFFSET_ENTRIES + k * ENTRY_SIZE;
    const popId = u32(bytes, at);
    const direct = u16(bytes, at + 4);
    const directExtra = u16(bytes, at + 6);
    const via = u16(bytes, at + 8);
    const viaExtra = u16(bytes, at + 10);
    const relayPopId = u32(bytes, at + 12);
    if (direct === NO_ROUTE && via === NO_ROUTE) return fail(record, base);
    if (direct === NO_ROUTE ? directExtra !== 0 : directExtra > MAX_ROUTE_MS)
      return fail(record, base);
    if (via === NO_ROUTE ? viaExtra !== 0 || relayPopId !== 0 : viaExtra > MAX_ROUTE_MS) {
      return fail(record, base);
    }
    const route = via === NO_ROUTE ? direct : via;
    if (route < previousRoute) return fail(record, base);
    previousRoute = route;
    if (!isLocationPopId(popId) || recordHasPop(record, base, popId)) return fail(record, base);
    insertEntry(
      record,
      base,
      popId,
      direct === NO_ROUTE ? -1 : direct,
      directExtra,
      via === NO_ROUTE ? -1 : via,
      viaExtra,
      relayPopId,
    );
  }
  return true;
}

function fail(record: Int32Array, base: number): false {
  record[base + RECORD_COUNT] = 0;
  return false;
}

/** The location `bytes` hold, or undefined when they hold none (see the file comment). */
export function pingLocationFromBytes(bytes: Uint8Array): PingLocation | undefined {
  const record = new Int32Array(RECORD_SIZE);
  return scanPingLocationBytes(bytes, record, 0) ? locationOfRecord(record) : undefined;
}
