/**
 * Lobby ping ranking: lobbies that carry their host's ping-location string, sorted by the
 * estimated ping from the local host.
 *
 * Order (stable: equal keys keep the order of the list given):
 * 1. lobbies with an estimate, ascending;
 * 2. lobbies whose estimate is `NETWORKING_PING_FAILED` (a networking difficulty: e.g. the local
 *    host lost the relays), ping `NETWORKING_PING_FAILED`;
 * 3. lobbies with no estimate, ping `NETWORKING_PING_UNKNOWN`: a `pingLocation` that is empty,
 *    not a string, longer than a ping location can be, or does not parse, and every estimate of
 *    `NETWORKING_PING_UNKNOWN` (e.g. before the local host has ping data) or of any other
 *    non-ping value.
 *
 * Cost: each distinct `pingLocation` string is parsed once (cached by string, bounded: see
 * `ping-location-cache.ts`; with the `NetworkingUtils` service as the source, kept as a
 * `PreparedPingLocation`, so an estimate reads no bytes) and estimated once per {@link LobbyPingRanking.rank} or
 * {@link LobbyPingRanking.rerank}, however many lobbies share it; the rest is linear in the
 * number of lobbies (a counting sort, see `ping-order.ts`) over buffers reused between calls.
 * `rerank()` allocates only its result (one array, one `{ lobby, ping }` record per lobby);
 * `rank()` also copies the list and parses the strings it has not seen. What a re-rank costs
 * against a plain sort is measured by `pnpm bench` (BENCHMARKS.md).
 */
import { describeValue } from '@relaylane/core';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { MAX_PING_LOCATION_TEXT_LENGTH } from '../port/networking-utils-backend.js';
import { preparedPingLocationOfOwnBytes } from '../port/prepared-ping-location.js';
import { NetworkingUtils } from '../service/networking-utils.js';

import { type CachedPingLocation, PingLocationCache } from './ping-location-cache.js';
import { resizedCapacity } from './buffer-capacity.js';
import { PingOrder } from './ping-order.js';

/**
 * What the ranking needs from the networking service; `NetworkingUtils` has both methods (any
 * object with GodotSteam's two methods works, e.g. a test double or a server-side estimator).
 */
export interface PingLocationSource {
  /** GodotSteam's `parsePingLocationString`: never throws for any string. */
  parsePingLocationString(location_string: string): {
    success: boolean;
    ping_location: Uint8Array;
  };
  /**
   * GodotSteam's `estimatePingTimeFromLocalHost`: ms, or `NETWORKING_PING_FAILED` /
   * `NETWORKING_PING_UNKNOWN`. It is handed the cached bytes and must not modify them
   * (`NetworkingUtils` copies them).
   */
  estimatePingTimeFromLocalHost(location: Uint8Array): number;
}

/** What a ranked lobby needs: its host's ping location in text form (`convertPingLocationToString`). */
export interface LobbyWithPingLocation {
  readonly pingLocation: string;
}

/** One row of a ranking. */
export interface RankedLobby<L> {
  /** The lobby, as given to {@link LobbyPingRanking.rank}. */
  readonly lobby: L;
  /** The estimated ping in ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN`. */
  readonly ping: number;
}

/** Options of {@link LobbyPingRanking}. */
export interface LobbyPingRankingOptions {
  /**
   * The most parsed locations the cache keeps in all (default
   * {@link DEFAULT_MAX_CACHED_PING_LOCATIONS}); those of the list last ranked are always kept,
   * even beyond it, so 0 keeps only the current list's.
   */
  readonly maxCachedLocations?: number;
}

/** The default of {@link LobbyPingRankingOptions.maxCachedLocations}. */
export const DEFAULT_MAX_CACHED_PING_LOCATIONS = 10_000;

/** The longest text that can be a ping location (Steam's buffer, less its NUL). */

/**
 * Ranks lobbies by the estimated ping to their hosts; see the file comment for the order and the
 * cost.
 *
 * ```ts
 * const ranking = new LobbyPingRanking(networkingUtils);
 * let rows = ranking.rank(lobbies);            // [{ lobby, ping }, ...] best first
 * networkingUtils.connect('relay_network_status', () => (rows = ranking.rerank()));  // the local host moved
 * ```
 */
export class LobbyPingRanking<L extends LobbyWithPingLocation> {
  readonly #source: PingLocationSource;
  readonly #cache: PingLocationCache;
  readonly #order = new PingOrder();
  /** Bumped by every rank(): marks which cache entries the current list uses. */
  #generation = 0;
  /** The list last ranked (a copy of the caller's array). */
  #lobbies: readonly L[] = [];
  /** The distinct parsed locations of that list; `#rowSlot` indexes into it. */
  readonly #distinct: CachedPingLocation[] = [];
  /** Per row of `#lobbies`: its index in `#distinct`, or -1 for a text never parsed. */
  #rowSlot = new Int32Array(0);
  /** Per row: its ping, in the last ranking. */
  #rowPing = new Float64Array(0);
  /** Per distinct location: its estimate, in the last ranking. */
  #slotPing = new Float64Array(0);

  /**
   * @param source the networking service (`NetworkingUtils`), or any object with
   *   `parsePingLocationString` and `estimatePingTimeFromLocalHost`.
   * @throws TypeError when `source` lacks one of the two methods; RangeError when
   *   `maxCachedLocations` is not an integer >= 0.
   */
  constructor(source: PingLocationSource, options: LobbyPingRankingOptions = {}) {
    if (
      typeof source !== 'object' ||
      source === null ||
      typeof source.parsePingLocationString !== 'function' ||
      typeof source.estimatePingTimeFromLocalHost !== 'function'
    ) {
      throw new TypeError(
        'LobbyPingRanking: source must be the NetworkingUtils service or an object with ' +
          `parsePingLocationString and estimatePingTimeFromLocalHost methods, got ${describeValue(source)}`,
      );
    }
    const max = options.maxCachedLocations ?? DEFAULT_MAX_CACHED_PING_LOCATIONS;
    if (!Number.isSafeInteger(max) || max < 0) {
      throw new RangeError(
        `LobbyPingRanking: options.maxCachedLocations must be an integer >= 0, got ${describeValue(max)}`,
      );
    }
    this.#source = source;
    // The service estimates prepared locations without reading their bytes again (a re-rank
    // estimates every one of them); any other source gets the bytes.
    const prepare = source instanceof NetworkingUtils;
    this.#cache = new PingLocationCache((text) => {
      const parsed = source.parsePingLocationString(text);
      if (!parsed.success) return undefined;
      // The service returned a fresh array that only this cache will hold: prepared as it is.
      return prepare ? preparedPingLocationOfOwnBytes(parsed.ping_location) : parsed.ping_location;
    }, max);
  }

  /** How many ping-location strings are cached (each parsed once). */
  get cacheSize(): number {
    return this.#cache.size;
  }

  /** How many lobbies the last {@link rank} was given (what {@link rerank} ranks). */
  get lobbyCount(): number {
    return this.#lobbies.length;
  }

  /**
   * Forgets every cached parse; later {@link rank} calls parse again. The list already ranked
   * keeps its parsed locations, so {@link rerank} still parses nothing.
   */
  clearCache(): void {
    this.#cache.clear();
  }

  /**
   * Estimates and sorts `lobbies` (see the file comment for the order), and remembers them for
   * {@link rerank}. A lobby's `pingLocation` is data: whatever it holds, it is ranked, never
   * thrown on.
   *
   * @returns a new array of `{ lobby, ping }`, best first; empty for an empty list.
   * @throws TypeError when `lobbies` is not an array or one of its elements is not an object
   *   (then nothing is ranked any more: {@link rerank} returns `[]` until the next `rank`);
   *   whatever the source throws (e.g. `NetworkingUtilsError` after the service was disposed).
   */
  rank(lobbies: readonly L[]): RankedLobby<L>[] {
    if (!Array.isArray(lobbies)) {
      throw new TypeError(
        `LobbyPingRanking.rank: lobbies must be an array of objects with a pingLocation string, got ${describeValue(lobbies)}`,
      );
    }
    const count = lobbies.length;
    const generation = ++this.#generation;
    const distinct = this.#distinct;
    distinct.length = 0;
    const rowSlot = this.#reserveRows(count);
    // Until the loop completes, the buffers no longer describe the previous list.
    this.#lobbies = [];
    for (let row = 0; row < count; row++) {
      const lobby: unknown = lobbies[row];
      if (typeof lobby !== 'object' || lobby === null) {
        distinct.length = 0;
        throw new TypeError(
          `LobbyPingRanking.rank: lobbies[${row}] must be an object with a pingLocation string, got ${describeValue(lobby)}`,
        );
      }
      const text: unknown = (lobby as LobbyWithPingLocation).pingLocation;
      // Texts that cannot be a location are not parsed, nor cached (a huge one would pin memory).
      if (
        typeof text !== 'string' ||
        text.length === 0 ||
        text.length > MAX_PING_LOCATION_TEXT_LENGTH
      ) {
        rowSlot[row] = -1;
        continue;
      }
      const entry = this.#cache.lookup(text);
      // The first row of this list with this text gives the location its slot.
      if (entry.lastUsed !== generation) {
        entry.lastUsed = generation;
        entry.slot = distinct.length;
        distinct.push(entry);
      }
      rowSlot[row] = entry.slot;
    }
    this.#lobbies = lobbies.slice();
    // Only after the whole list holds its entries: those are exactly the ones eviction keeps.
    this.#cache.evict(generation);
    return this.#estimateAndSort();
  }

  /**
   * Ranks the list of the last {@link rank} again with fresh estimates, from the locations already
   * parsed (none is parsed again): call it when the local host's location or the relay status
   * changed (`relay_network_status`).
   *
   * @returns a new array of `{ lobby, ping }`, best first; empty before the first {@link rank}.
   * @throws whatever the source throws.
   */
  rerank(): RankedLobby<L>[] {
    return this.#estimateAndSort();
  }

  #estimateAndSort(): RankedLobby<L>[] {
    const lobbies = this.#lobbies;
    const count = lobbies.length;
    const distinct = this.#distinct;
    const slots = distinct.length;
    if (this.#slotPing.length < slots) this.#slotPing = new Float64Array(slots);
    const slotPing = this.#slotPing;
    const source = this.#source;
    for (let slot = 0; slot < slots; slot++) {
      const location = distinct[slot]!.location;
      slotPing[slot] =
        location === undefined
          ? NETWORKING_PING_UNKNOWN
          : normalizeEstimate(
              // Prepared only when the source is the service, which takes them (see the constructor).
              source.estimatePingTimeFromLocalHost(location as Uint8Array),
            );
    }
    const rowSlot = this.#rowSlot;
    const rowPing = this.#rowPing;
    for (let row = 0; row < count; row++) {
      const slot = rowSlot[row]!;
      rowPing[row] = slot < 0 ? NETWORKING_PING_UNKNOWN : slotPing[slot]!;
    }
    const order = this.#order.sort(rowPing, count);
    const ranked = new Array<RankedLobby<L>>(count);
    for (let position = 0; position < count; position++) {
      const row = order[position]!;
      ranked[position] = { lobby: lobbies[row]!, ping: rowPing[row]! };
    }
    return ranked;
  }

  /** The per-row buffers, large enough for `count` rows (grown or shrunk as `PingOrder` does). */
  #reserveRows(count: number): Int32Array {
    const size = resizedCapacity(count, this.#rowSlot.length);
    if (size !== undefined) {
      this.#rowSlot = new Int32Array(size);
      this.#rowPing = new Float64Array(size);
    }
    return this.#rowSlot;
  }
}

/** An estimate as the ranking reports it: a ping, FAILED, or UNKNOWN for anything else. */
function normalizeEstimate(estimate: number): number {
  if (typeof estimate === 'number' && estimate >= 0) return estimate;
  return estimate === NETWORKING_PING_FAILED ? NETWORKING_PING_FAILED : NETWORKING_PING_UNKNOWN;
}
