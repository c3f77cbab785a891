/**
 * The binary form of a ping location: {@link PingLocationData} ↔ the 512 bytes of a
 * `SteamNetworkPingLocation_t`. Layout in `layout.ts` and docs/simulated-ping-location.md.
 */
import { isUint8Array } from '../../../port/typed-arrays.js';
import {
  checksumOffset,
  DIRECT,
  ENTRY_INDEX,
  ENTRY_PING,
  ENTRY_POP_ID,
  ENTRY_SIZE,
  ENTRY_VIA,
  locationChecksum,
  FORMAT_VERSION,
  MAGIC_0,
  MAGIC_1,
  MAX_PING_LOCATION_ENTRIES,
  NO_ANCHOR,
  OFFSET_ACCESS,
  OFFSET_COUNT,
  OFFSET_ENTRIES,
  OFFSET_FINGERPRINT,
  OFFSET_HUB,
  OFFSET_VERSION,
  PING_LOCATION_SIZE,
  writeU16,
  writeU32,
  packedPingMs,
  packedPopIndex,
  packedViaIndex,
} from './layout.js';
import {
  type PingLocationAnchor,
  type PingLocationData,
  pingLocationDataProblem,
  type PingLocationEntry,
} from './ping-location-data.js';
import { PingLocationSlots } from './ping-location-slots.js';
import { popTable } from './pop-table.js';

/**
 * Throws a `TypeError` unless `out` is a `Uint8Array` of exactly 512 bytes; `what` names the
 * function and parameter for the message.
 */
export function assertLocationBuffer(out: unknown, what: string): asserts out is Uint8Array {
  if (!isUint8Array(out) || out.length !== PING_LOCATION_SIZE) {
    const got = isUint8Array(out) ? `a Uint8Array of ${out.length} bytes` : typeof out;
    throw new TypeError(
      `${what} must be a Uint8Array of exactly ${PING_LOCATION_SIZE} bytes (a ` +
        `SteamNetworkPingLocation_t); got ${got}. Allocate it with new Uint8Array(${PING_LOCATION_SIZE}).`,
    );
  }
}

/**
 * Writes `data` into `out` (all 512 bytes: header, entries, checksum, zero padding).
 *
 * Throws a `TypeError` when `out` is not a 512-byte `Uint8Array`, and a `RangeError` naming the
 * problem when `data` is not a valid, canonical location: more than 12 entries, a POP that is
 * not in the catalogue, a ping or anchor field that is not a whole number from 0 to 65534, a
 * relay equal to its entry's POP, a duplicate POP, or entries not sorted by ping then POP id.
 * Nothing is written when it throws.
 */
export function encodePingLocation(data: PingLocationData, out: Uint8Array): void {
  assertLocationBuffer(out, "encodePingLocation's parameter 'out'");
  const table = popTable();
  const problem = pingLocationDataProblem(data, table);
  if (problem !== undefined) {
    throw new RangeError(
      `encodePingLocation's parameter 'data' is not a valid ping location: ${problem}.`,
    );
  }
  out.fill(0);
  out[0] = MAGIC_0;
  out[1] = MAGIC_1;
  out[OFFSET_VERSION] = FORMAT_VERSION;
  out[OFFSET_COUNT] = data.entries.length;
  writeU32(out, OFFSET_FINGERPRINT, table.fingerprint);
  writeU16(out, OFFSET_HUB, data.anchor?.hubIndex ?? NO_ANCHOR);
  writeU16(out, OFFSET_ACCESS, data.anchor?.accessMs ?? NO_ANCHOR);
  data.entries.forEach((entry, k) => {
    const at = OFFSET_ENTRIES + k * ENTRY_SIZE;
    writeU32(out, at + ENTRY_POP_ID, entry.popId);
    out[at + ENTRY_INDEX] = table.indexById.get(entry.popId)!;
    out[at + ENTRY_VIA] =
      entry.relayPopId === undefined ? DIRECT : table.indexById.get(entry.relayPopId)!;
    writeU16(out, at + ENTRY_PING, entry.pingMs);
  });
  const end = checksumOffset(data.entries.length);
  writeU32(out, end, locationChecksum(new DataView(out.buffer, out.byteOffset, out.length), end));
}

let sharedSlots: PingLocationSlots | undefined;

/** The validator over the built-in catalogue used by the functions of this module. */
function slots(): PingLocationSlots {
  sharedSlots ??= new PingLocationSlots(popTable(), 1);
  return sharedSlots;
}

/**
 * Reads a location. Returns `undefined` for anything that is not a valid location: all zeros
 * (no data), not a 512-byte `Uint8Array`, any inconsistency of the used bytes (see
 * {@link PingLocationSlots.load}), or a nonzero byte in the padding. Never throws. The result
 * is canonical: `encodePingLocation(decodePingLocation(bytes))` gives back `bytes`.
 *
 * With `padding` `'ignored'`, the padding is not read (what the estimators accept; see docs/simulated-ping-location.md).
 */
export function decodePingLocation(
  bytes: Uint8Array,
  padding: 'checked' | 'ignored' = 'checked',
): PingLocationData | undefined {
  const table = slots();
  const slot = table.load(bytes);
  if (slot < 0) return undefined;
  if (padding === 'checked' && !PingLocationSlots.paddingIsZero(bytes)) return undefined;
  const ids = popTable().ids;
  const base = slot * MAX_PING_LOCATION_ENTRIES;
  const entries: PingLocationEntry[] = [];
  for (let k = 0; k < table.count[slot]!; k++) {
    const packed = table.packed[base + k]!;
    const via = packedViaIndex(packed);
    entries.push(
      Object.freeze({
        popId: ids[packedPopIndex(packed)]!,
        pingMs: packedPingMs(packed),
        relayPopId: via === DIRECT ? undefined : ids[via]!,
      }),
    );
  }
  const hubIndex = table.hubIndex[slot]!;
  const anchor: PingLocationAnchor | undefined =
    hubIndex < 0 ? undefined : Object.freeze({ hubIndex, accessMs: table.accessMs[slot]! });
  return Object.freeze({
    entries: Object.freeze(entries),
    anchor,
  });
}
