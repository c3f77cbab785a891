/**
 * The one validator of the binary form, and a small cache of the locations it has validated.
 * Decoding, formatting and estimating all read locations through it, so they agree on which byte
 * arrays are locations (decoding and formatting also require the padding to be zero; estimating
 * does not read it).
 */
import { isUint8Array } from '../../../port/typed-arrays.js';
import {
  checksumOffset,
  DIRECT,
  ENTRY_INDEX,
  ENTRY_SIZE,
  FNV_OFFSET_BASIS,
  FNV_PRIME,
  FORMAT_VERSION,
  MAGIC_0,
  MAGIC_1,
  MAX_PING_LOCATION_ENTRIES,
  MAX_PING_MS,
  NO_ANCHOR,
  OFFSET_COUNT,
  OFFSET_ENTRIES,
  OFFSET_FINGERPRINT,
  OFFSET_HUB,
  PING_LOCATION_SIZE,
  packedPingMs,
  packedPopIndex,
  packedViaIndex,
  wordAt,
} from './layout.js';
import { type PopTable } from './pop-table.js';

/** The first three header bytes (magic, version) as the low 24 bits of word 0. */
const MAGIC_AND_VERSION = MAGIC_0 | (MAGIC_1 << 8) | (FORMAT_VERSION << 16);
/** The 32-bit words of the longest used region: header (3), entries (2 each), checksum (1). */
const MAX_USED_WORDS = 3 + 2 * MAX_PING_LOCATION_ENTRIES + 1;
/** Each content hash picks a set of this many slots. */
const WAYS = 4;

/**
 * Validated locations, decoded into flat typed arrays, one slot per location. {@link load}
 * returns the slot of a byte array, validating it unless a slot already holds exactly the same
 * used bytes (the cache is content-addressed: a slot is found by the location's checksum and
 * confirmed by comparing every used word, so a hit gives exactly what validating would give).
 * Nothing is allocated after construction.
 *
 * Entry k of slot s is `packed[s * MAX_PING_LOCATION_ENTRIES + k]`.
 */
export class PingLocationSlots {
  /** Number of slots. */
  readonly slotCount: number;
  /** `count[s]`: number of entries of the location in slot s. */
  readonly count: Int32Array;
  /**
   * Each entry as one word, as the bytes hold it (read it with `packedPopIndex`,
   * `packedViaIndex`, `packedPingMs`): one load per entry. Pings ascend within a slot (ties
   * ordered by POP id).
   */
  readonly packed: Int32Array;
  /** `hubIndex[s]`: the anchor's hub index, or -1 when the location has no anchor. */
  readonly hubIndex: Int32Array;
  /** `accessMs[s]`: the anchor's access round trip, ms, or -1 when there is no anchor. */
  readonly accessMs: Int32Array;
  /**
   * `fills[s]` increases whenever slot s receives another location, so that a user can keep
   * data derived from a slot and know when it is stale.
   */
  readonly fills: Uint32Array;

  readonly #table: PopTable;
  /**
   * The used words of the location being loaded, read straight from its bytes (little-endian,
   * whatever the input's alignment): nothing else of the input is read, and it is read once.
   */
  readonly #incoming = new Int32Array(MAX_USED_WORDS);
  /** `words[s * MAX_USED_WORDS + i]`: used word i of the location in slot s. */
  readonly #words: Int32Array;
  /** `valid[s]`: slot s holds a validated location. */
  readonly #valid: Uint8Array;
  /** Per set, the way the next new location replaces. */
  readonly #nextWay: Uint8Array;
  readonly #setMask: number;
  /** `seenIn[i] === generation`: catalogue POP i already appeared in the current validation. */
  readonly #seenIn: Uint32Array;
  #generation = 0;

  /** `sets` (a power of two) sets of four slots each, over the catalogue `table`. */
  constructor(table: PopTable, sets: number) {
    if (!Number.isInteger(sets) || sets < 1 || (sets & (sets - 1)) !== 0) {
      throw new RangeError(`PingLocationSlots: 'sets' must be a power of two; got ${sets}.`);
    }
    const slots = sets * WAYS;
    this.slotCount = slots;
    this.count = new Int32Array(slots);
    this.packed = new Int32Array(slots * MAX_PING_LOCATION_ENTRIES);
    this.hubIndex = new Int32Array(slots);
    this.accessMs = new Int32Array(slots);
    this.fills = new Uint32Array(slots);
    this.#table = table;
    this.#words = new Int32Array(slots * MAX_USED_WORDS);
    this.#valid = new Uint8Array(slots);
    this.#nextWay = new Uint8Array(sets);
    this.#setMask = sets - 1;
    this.#seenIn = new Uint32Array(table.size);
  }

  /**
   * The slot holding `bytes` as a location, or -1 when `bytes` is not a valid location of this
   * catalogue: not a 512-byte `Uint8Array`, wrong magic or version, more than 12 entries,
   * another catalogue's fingerprint, an index that does not match its POP id, a relay that is
   * not a catalogue POP or is the entry's own POP, a duplicate POP, entries out of order, a
   * ping of 0xFFFF, a half-present anchor, or a bad checksum. Only the used bytes are read (at
   * most 112), each once; {@link PingLocationSlots.paddingIsZero} checks the rest. Never replaces slot `keep` (the slot of
   * another location still in use). Never throws.
   */
  load(bytes: Uint8Array, keep = -1): number {
    if (!isUint8Array(bytes) || bytes.length !== PING_LOCATION_SIZE) return -1;
    const head = wordAt(bytes, 0);
    if ((head & 0xffffff) !== MAGIC_AND_VERSION) return -1;
    const count = head >>> 24;
    if (count > MAX_PING_LOCATION_ENTRIES) return -1;
    const usedWords = 3 + 2 * count + 1;
    const incoming = this.#incoming;
    incoming[0] = head;
    for (let i = 1, at = 4; i < usedWords; i++, at += 4) incoming[i] = wordAt(bytes, at);
    const first = (incoming[usedWords - 1]! & this.#setMask) * WAYS;
    for (let slot = first; slot < first + WAYS; slot++) {
      if (this.#valid[slot] === 1 && this.#holds(slot, usedWords)) return slot;
    }
    // Replace the set's ways in turn, skipping `keep`.
    const set = first / WAYS;
    let slot = first + this.#nextWay[set]!;
    if (slot === keep) slot = first + ((slot - first + 1) % WAYS);
    this.#nextWay[set] = (slot - first + 1) % WAYS;
    this.#valid[slot] = 0;
    if (!this.#validate(slot, count)) return -1;
    const words = this.#words;
    const base = slot * MAX_USED_WORDS;
    for (let i = 0; i < usedWords; i++) words[base + i] = incoming[i]!;
    this.#valid[slot] = 1;
    this.fills[slot] = (this.fills[slot]! + 1) >>> 0;
    return slot;
  }

  /**
   * True when every byte of `bytes` after the checksum is zero (the padding that makes a
   * location's bytes canonical); `bytes` is a location {@link load} has just accepted.
   */
  static paddingIsZero(bytes: Uint8Array): boolean {
    const start = checksumOffset(bytes[OFFSET_COUNT]!) + 4;
    let padding = 0;
    for (let i = start; i < PING_LOCATION_SIZE; i++) padding |= bytes[i]!;
    return padding === 0;
  }

  /** True when slot `slot` holds exactly the first `usedWords` incoming words. */
  #holds(slot: number, usedWords: number): boolean {
    const words = this.#words;
    const incoming = this.#incoming;
    const base = slot * MAX_USED_WORDS;
    // The checksum word (the last) tells most locations apart at once.
    const last = usedWords - 1;
    if (words[base + last] !== incoming[last]) return false;
    for (let i = 0; i < last; i++) {
      if (words[base + i] !== incoming[i]) return false;
    }
    return true;
  }

  /**
   * Validates the incoming words (header already checked up to the count) and decodes them into
   * `slot`.
   * One pass: each used word is read once, for the checks and for the checksum, whose two
   * lanes are the same as `locationChecksum`'s (words 0, 2, 4... and 1, 3, 5...).
   */
  #validate(slot: number, count: number): boolean {
    const words = this.#incoming;
    const table = this.#table;
    const head = words[0]!;
    const fingerprint = words[OFFSET_FINGERPRINT / 4]! >>> 0;
    if (fingerprint !== table.fingerprint) return false;
    // The anchor word: hub index (low half), access round trip (high half).
    const anchor = words[OFFSET_HUB / 4]! >>> 0;
    const hub = anchor & 0xffff;
    const access = anchor >>> 16;
    // The anchor is all or nothing: both fields are NO_ANCHOR, or neither is.
    if ((hub === NO_ANCHOR) !== (access === NO_ANCHOR)) return false;
    let even = Math.imul(Math.imul(FNV_OFFSET_BASIS ^ head, FNV_PRIME) ^ anchor, FNV_PRIME);
    let odd = Math.imul(FNV_OFFSET_BASIS ^ fingerprint, FNV_PRIME);

    // A new generation marks every POP unseen without clearing the array.
    let generation = (this.#generation + 1) >>> 0;
    if (generation === 0) {
      this.#seenIn.fill(0);
      generation = 1;
    }
    this.#generation = generation;
    const seenIn = this.#seenIn;
    const ids = table.ids;
    const size = table.size;
    const packedEntries = this.packed;
    const base = slot * MAX_PING_LOCATION_ENTRIES;
    let previousPing = -1;
    let previousId = -1;
    for (let k = 0, at = OFFSET_ENTRIES / 4; k < count; k++, at += ENTRY_SIZE / 4) {
      const popId = words[at]! >>> 0;
      // The entry's second word: index (bits 0–7), via (bits 8–15), ping (bits 16–31).
      const packed = words[at + ENTRY_INDEX / 4]! >>> 0;
      odd = Math.imul(odd ^ popId, FNV_PRIME);
      even = Math.imul(even ^ packed, FNV_PRIME);
      const entryIndex = packedPopIndex(packed);
      const entryVia = packedViaIndex(packed);
      const entryPing = packedPingMs(packed);
      if (entryIndex >= size || ids[entryIndex] !== popId || entryPing > MAX_PING_MS) return false;
      if (entryVia !== DIRECT && (entryVia >= size || entryVia === entryIndex)) return false;
      if (seenIn[entryIndex] === generation) return false;
      seenIn[entryIndex] = generation;
      // Canonical order: ascending ping, ties by ascending POP id (distinct, checked above).
      if (entryPing < previousPing || (entryPing === previousPing && popId < previousId)) {
        return false;
      }
      previousPing = entryPing;
      previousId = popId;
      packedEntries[base + k] = packed;
    }
    const checksum = (even ^ Math.imul(odd, FNV_PRIME)) >>> 0;
    if (words[checksumOffset(count) / 4]! >>> 0 !== checksum) return false;
    this.count[slot] = count;
    this.hubIndex[slot] = hub === NO_ANCHOR ? -1 : hub;
    this.accessMs[slot] = access === NO_ANCHOR ? -1 : access;
    return true;
  }
}
