/**
 * The byte layout of a simulated ping location (version 1) and its checksum. The package's
 * docs/simulated-ping-location.md describes the layout for readers; this file is the single
 * source of its numbers.
 *
 * All multi-byte fields are little-endian.
 *
 *   offset      size  field
 *   0           2     magic 'R' 'L' (0x52 0x4C)
 *   2           1     version (1)
 *   3           1     entry count n (0..MAX_PING_LOCATION_ENTRIES)
 *   4           4     POP catalogue fingerprint
 *   8           2     anchor hub index (0xFFFF: no anchor)
 *   10          2     anchor access round trip, ms (0xFFFF exactly when there is no anchor)
 *   12 + 8k     4     entry k: POP id
 *   16 + 8k     1     entry k: catalogue index of the POP
 *   17 + 8k     1     entry k: catalogue index of the relay the route goes through (0xFF: direct)
 *   18 + 8k     2     entry k: ping, ms (0..MAX_PING_MS)
 *   12 + 8n     4     checksum of bytes [0, 12 + 8n) (see locationChecksum)
 *   16 + 8n     ...   zero up to byte 511
 */

/** The size of Steam's opaque `SteamNetworkPingLocation_t` (and of every encoded location). */
export const PING_LOCATION_SIZE = 512;

/** How many POPs a location holds at most: the host's nearest ones by ping. */
export const MAX_PING_LOCATION_ENTRIES = 12;

/** The largest ping (and anchor access time) a location can hold, ms; 0xFFFF marks "none". */
export const MAX_PING_MS = 0xfffe;

/** The largest anchor hub index a location can hold; 0xFFFF marks "no anchor". */
export const MAX_HUB_INDEX = 0xfffe;

/** The first magic byte, 'R'. */
export const MAGIC_0 = 0x52;
/** The second magic byte, 'L'. */
export const MAGIC_1 = 0x4c;
/** The layout version this code reads and writes. */
export const FORMAT_VERSION = 1;

/** Offset of the version byte. */
export const OFFSET_VERSION = 2;
/** Offset of the entry count byte. */
export const OFFSET_COUNT = 3;
/** Offset of the POP catalogue fingerprint (uint32). */
export const OFFSET_FINGERPRINT = 4;
/** Offset of the anchor hub index (uint16). */
export const OFFSET_HUB = 8;
/** Offset of the anchor access round trip (uint16). */
export const OFFSET_ACCESS = 10;
/** Where entry 0 starts; entry k starts at `OFFSET_ENTRIES + k * ENTRY_SIZE`. */
export const OFFSET_ENTRIES = 12;
/** The size of one entry, bytes. */
export const ENTRY_SIZE = 8;
/** Offset of the POP id (uint32) inside an entry. */
export const ENTRY_POP_ID = 0;
/** Offset of the POP's catalogue index (uint8) inside an entry. */
export const ENTRY_INDEX = 4;
/** Offset of the relay's catalogue index (uint8, {@link DIRECT} when none) inside an entry. */
export const ENTRY_VIA = 5;
/** Offset of the ping (uint16) inside an entry. */
export const ENTRY_PING = 6;

/** The 16-bit value of an absent anchor field. */
export const NO_ANCHOR = 0xffff;
/** The via byte of an entry whose POP is pinged directly. */
export const DIRECT = 0xff;

/**
 * An entry's second word (bytes 4–7, little-endian), as validated locations keep it: POP catalogue
 * index (bits 0–7), relay catalogue index (bits 8–15, {@link DIRECT} when none), ping in ms (bits
 * 16–31). These three read it.
 */
export function packedPopIndex(packed: number): number {
  return packed & 0xff;
}

/** The relay's catalogue index of a packed entry, or {@link DIRECT}. */
export function packedViaIndex(packed: number): number {
  return (packed >>> 8) & 0xff;
}

/** The ping (ms) of a packed entry. */
export function packedPingMs(packed: number): number {
  return packed >>> 16;
}

/** Where the checksum of a location with `count` entries is (the bytes before it are checked). */
export function checksumOffset(count: number): number {
  return OFFSET_ENTRIES + count * ENTRY_SIZE;
}

/** FNV-1a 32's offset basis. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;
/** FNV-1a 32's prime. */
export const FNV_PRIME = 0x01000193;

/** FNV-1a 32 of `bytes[start, end)`, an unsigned 32-bit integer. Allocates nothing. */
export function fnv1a32(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * The checksum of a location: FNV-1a 32 run over the little-endian 32-bit words of
 * `bytes[0, end)` (`end` a multiple of 4) in two lanes, even words and odd words, combined as
 * `even ^ (odd × FNV prime)`. Each step of a lane is a bijection of the lane's state for a given
 * word, and so is the combination for either lane, so any change confined to one word (every
 * single-bit or single-byte change) always changes the checksum. Two lanes halve the chain of
 * dependent multiplications, which is what an estimate pays for. `words` views the bytes.
 * Allocates nothing.
 */
export function locationChecksum(words: DataView, end: number): number {
  let even = FNV_OFFSET_BASIS;
  let odd = FNV_OFFSET_BASIS;
  let i = 0;
  for (; i + 8 <= end; i += 8) {
    even = Math.imul(even ^ words.getUint32(i, true), FNV_PRIME);
    odd = Math.imul(odd ^ words.getUint32(i + 4, true), FNV_PRIME);
  }
  if (i < end) even = Math.imul(even ^ words.getUint32(i, true), FNV_PRIME);
  return (even ^ Math.imul(odd, FNV_PRIME)) >>> 0;
}

/**
 * The little-endian 32-bit word at `offset` of `bytes`, as an int32 (`>>> 0` for the uint32),
 * read a byte at a time so any alignment works. `offset + 4` must be within `bytes`.
 */
export function wordAt(bytes: Uint8Array, offset: number): number {
  return (
    bytes[offset]! |
    (bytes[offset + 1]! << 8) |
    (bytes[offset + 2]! << 16) |
    (bytes[offset + 3]! << 24)
  );
}

/**
 * {@link locationChecksum} read straight from a byte array, for writers that have no `DataView`
 * at hand (making one per call would allocate). Same words, same lanes, same result.
 */
export function locationChecksumOfBytes(bytes: Uint8Array, end: number): number {
  let even = FNV_OFFSET_BASIS;
  let odd = FNV_OFFSET_BASIS;
  let i = 0;
  for (; i + 8 <= end; i += 8) {
    even = Math.imul(even ^ wordAt(bytes, i), FNV_PRIME);
    odd = Math.imul(odd ^ wordAt(bytes, i + 4), FNV_PRIME);
  }
  if (i < end) even = Math.imul(even ^ wordAt(bytes, i), FNV_PRIME);
  return (even ^ Math.imul(odd, FNV_PRIME)) >>> 0;
}

/** Writes a little-endian uint16. */
export function writeU16(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
}

/** Writes a little-endian uint32. */
export function writeU32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
  bytes[offset + 2] = (value >>> 16) & 0xff;
  bytes[offset + 3] = (value >>> 24) & 0xff;
}
