/**
 * The parsed ping locations of a lobby ranking, by their text: each distinct string is parsed
 * once and kept while it is in use.
 *
 * Bound: after every ranking ({@link PingLocationCache.evict}), the cache keeps every location of
 * the list just ranked (the next re-rank needs them all) and, of the others, the most recently
 * ranked ones up to `maxEntries` entries in all; the least recently ranked go first (LRU counted
 * in rankings, oldest insertion first among equals). So the cache never holds more than
 * `max(maxEntries, distinct strings of the current list)` entries.
 */

import { type PreparedPingLocation } from '../port/prepared-ping-location.js';

/** One cached text and what parsing it gave. */
export class CachedPingLocation {
  /**
   * The parsed location (the 512 bytes, or those bytes prepared); undefined when the text is not a
   * ping location (cached all the same).
   */
  readonly location: Uint8Array | PreparedPingLocation | undefined;
  /** The ranking generation that last used this entry; -1 before any. */
  lastUsed = -1;
  /** Its index among the distinct locations of the ranking `lastUsed`. */
  slot = 0;

  constructor(location: Uint8Array | PreparedPingLocation | undefined) {
    this.location = location;
  }
}

/**
 * Parses a ping location's text: the 512 bytes (or those bytes prepared), or undefined when it is
 * not a ping location.
 */
export type PingLocationParser = (text: string) => Uint8Array | PreparedPingLocation | undefined;

/** See the file comment. */
export class PingLocationCache {
  readonly maxEntries: number;
  readonly #parse: PingLocationParser;
  readonly #entries = new Map<string, CachedPingLocation>();

  /**
   * @param parse called once per distinct text (until the text is evicted or the cache cleared).
   * @param maxEntries the most entries to keep in all; the current list's are always kept (see
   *   the file comment).
   */
  constructor(parse: PingLocationParser, maxEntries: number) {
    this.#parse = parse;
    this.maxEntries = maxEntries;
  }

  /** How many texts are cached. */
  get size(): number {
    return this.#entries.size;
  }

  /** The entry for `text`, parsing it on a miss. */
  lookup(text: string): CachedPingLocation {
    let entry = this.#entries.get(text);
    if (entry === undefined) {
      entry = new CachedPingLocation(this.#parse(text));
      this.#entries.set(text, entry);
    }
    return entry;
  }

  /**
   * Trims the cache to its bound after the ranking `generation`: entries used by it stay, the
   * others go least recently used first until at most `maxEntries` remain (or none of them).
   */
  evict(generation: number): void {
    let excess = this.#entries.size - this.maxEntries;
    if (excess <= 0) return;
    const stale: [string, CachedPingLocation][] = [];
    for (const pair of this.#entries) {
      if (pair[1].lastUsed !== generation) stale.push(pair);
    }
    // Stable sort: among entries last used by the same ranking, the oldest insertion goes first.
    stale.sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (let i = 0; i < stale.length && excess > 0; i++, excess--) {
      this.#entries.delete(stale[i]![0]);
    }
  }

  /** Forgets every text; the next lookups parse again. */
  clear(): void {
    this.#entries.clear();
  }
}
