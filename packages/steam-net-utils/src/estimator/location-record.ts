/**
 * The flat arrays a ping location lives in: a record (`Int32Array`, or a stretch of a larger
 * one) with everything the location says, and, for each relay network it is estimated over, a
 * small indexed copy of what an estimate reads.
 *
 * The record:
 *
 *   offset               size  field
 *   RECORD_COUNT         1     entry count n, 0..12
 *   RECORD_ROUTE         12    entry k's route (the via route when it has one, else the direct
 *                              route), whole ms, ascending in k
 *   RECORD_POP           12    entry k's SteamNetworkingPOPID (read with `>>> 0`)
 *   RECORD_DIRECT        12    direct round trip, ms, or -1 for none
 *   RECORD_DIRECT_EXTRA  12    its `+extra`
 *   RECORD_VIA           12    via round trip, ms, or -1 for none
 *   RECORD_VIA_EXTRA     12    its `+extra`
 *   RECORD_RELAY_POP     12    the POP the via route enters the relay network at, 0 when unknown
 *
 * The indexed copy (`RelayNetwork.indexRecord`), {@link HOT_SIZE} words: 52 bytes, small enough
 * that V8 keeps the array inline on its heap, beside its object, so an estimate over many
 * locations reads one cache line or two per location:
 *
 *   HOT_HEADER   1    count | (entries the network lacks) << 8; HOT_NOT_A_LOCATION (-1) for none
 *   HOT_ENTRIES  12   entry k: route << 8 | (its POP's index in the network + 1); the low byte
 *                     is 0 when the network lacks the POP, and entries past the count are 0.
 *                     Read with {@link hotRoute}, {@link hotIndex}
 */

/** The most entries a location holds (every real string seen has exactly this many). */
export const MAX_PING_LOCATION_ENTRIES = 12;

/**
 * The largest round trip or extra a location holds, ms: 0xFFFF marks "no route" in the 512-byte
 * form's 16-bit fields (and the indexed copy's 24 bits hold any route up to it).
 */
export const MAX_ROUTE_MS = 0xfffe;

export const RECORD_COUNT = 0;
export const RECORD_ROUTE = 1;
export const RECORD_POP = RECORD_ROUTE + MAX_PING_LOCATION_ENTRIES;
export const RECORD_DIRECT = RECORD_POP + MAX_PING_LOCATION_ENTRIES;
export const RECORD_DIRECT_EXTRA = RECORD_DIRECT + MAX_PING_LOCATION_ENTRIES;
export const RECORD_VIA = RECORD_DIRECT_EXTRA + MAX_PING_LOCATION_ENTRIES;
export const RECORD_VIA_EXTRA = RECORD_VIA + MAX_PING_LOCATION_ENTRIES;
export const RECORD_RELAY_POP = RECORD_VIA_EXTRA + MAX_PING_LOCATION_ENTRIES;
/** Words of a record. */
export const RECORD_SIZE = RECORD_RELAY_POP + MAX_PING_LOCATION_ENTRIES;

export const HOT_HEADER = 0;
export const HOT_ENTRIES = 1;
/** Words of an indexed copy. */
export const HOT_SIZE = HOT_ENTRIES + MAX_PING_LOCATION_ENTRIES;
/** The header of an indexed copy that holds no location (a lobby whose text is not one). */
export const HOT_NOT_A_LOCATION = -1;
/** The most POPs a network can index: an index + 1 fits the indexed copy's 8 bits. */
export const MAX_INDEXED_POPS = 0xfe;

/** The entry count of an indexed copy's header. */
export function hotCount(header: number): number {
  return header & 0xff;
}

/** How many entries of an indexed copy the network lacks, from its header. */
export function hotUnknownCount(header: number): number {
  return header >>> 8;
}

/** The route, ms, of an indexed entry. */
export function hotRoute(entry: number): number {
  return entry >>> 8;
}

/** The network index of an indexed entry's POP, -1 when the network lacks it. */
export function hotIndex(entry: number): number {
  return (entry & 0xff) - 1;
}

/** The columns that move together when entries are reordered. */
const ENTRY_COLUMNS = [
  RECORD_ROUTE,
  RECORD_POP,
  RECORD_DIRECT,
  RECORD_DIRECT_EXTRA,
  RECORD_VIA,
  RECORD_VIA_EXTRA,
  RECORD_RELAY_POP,
] as const;

/**
 * Inserts an entry into the record at `base`, whose `count` entries are sorted by route, so that
 * they stay sorted (after any equal routes: stable). When the record is full, the entry with the
 * worst route is dropped (the new one, if no better). Returns false when the new entry was dropped.
 */
export function insertEntry(
  record: Int32Array,
  base: number,
  popId: number,
  directMs: number,
  directExtra: number,
  viaMs: number,
  viaExtra: number,
  relayPopId: number,
): boolean {
  // Steam shows a via route only when it takes it (see docs/ping-location-text.md).
  const routeMs = viaMs >= 0 ? viaMs : directMs;
  let count = record[base + RECORD_COUNT]!;
  let at = count;
  while (at > 0 && record[base + RECORD_ROUTE + at - 1]! > routeMs) at--;
  if (at === MAX_PING_LOCATION_ENTRIES) return false;
  if (count === MAX_PING_LOCATION_ENTRIES) count--; // the worst entry falls off the end
  // Real strings arrive sorted, so the entry usually goes at the end and nothing moves.
  for (let k = count; k > at; k--) {
    for (const column of ENTRY_COLUMNS) {
      record[base + column + k] = record[base + column + k - 1]!;
    }
  }
  record[base + RECORD_ROUTE + at] = routeMs;
  record[base + RECORD_POP + at] = popId | 0;
  record[base + RECORD_DIRECT + at] = directMs;
  record[base + RECORD_DIRECT_EXTRA + at] = directExtra;
  record[base + RECORD_VIA + at] = viaMs;
  record[base + RECORD_VIA_EXTRA + at] = viaExtra;
  record[base + RECORD_RELAY_POP + at] = relayPopId | 0;
  record[base + RECORD_COUNT] = count + 1;
  return true;
}

/** True when the record at `base` lists POP `popId` (a uint32). */
export function recordHasPop(record: Int32Array, base: number, popId: number): boolean {
  const count = record[base + RECORD_COUNT]!;
  const id = popId | 0;
  for (let k = 0; k < count; k++) if (record[base + RECORD_POP + k] === id) return true;
  return false;
}

/**
 * Removes, in place, every entry of the record at `base` for which `drop(popId, relayPopId)` is
 * true (`relayPopId` 0 when unknown), keeping the others in order. An indexed copy made before
 * is stale: index the record again.
 */
export function dropEntries(
  record: Int32Array,
  base: number,
  drop: (popId: number, relayPopId: number) => boolean,
): void {
  const count = record[base + RECORD_COUNT]!;
  let kept = 0;
  for (let k = 0; k < count; k++) {
    if (drop(record[base + RECORD_POP + k]! >>> 0, record[base + RECORD_RELAY_POP + k]! >>> 0)) {
      continue;
    }
    if (kept !== k) {
      for (const column of ENTRY_COLUMNS) {
        record[base + column + kept] = record[base + column + k]!;
      }
    }
    kept++;
  }
  record[base + RECORD_COUNT] = kept;
}
