/**
 * Ranking lobbies for a player on a game's backend: each lobby carries its host's ping-location
 * text (the string the host put in the lobby's metadata), and `rank(player, lobbies)` orders the
 * lobbies by the estimated round trip from the player.
 *
 * Built for a backend that serves many players from one lobby list: `LobbyLocations` parses every
 * lobby string once, into one flat array; `rank` then costs one distance field for the player
 * (POPs × the player's entries), one step per lobby entry and one numeric sort, and allocates
 * nothing per lobby when it is handed the result of the previous ranking to refill.
 *
 * Order: lobbies with an estimate, best first (ties by their position in the list); then those
 * whose estimate is `NETWORKING_PING_FAILED` (a location that shares no route with the player);
 * then those that are not locations at all, `NETWORKING_PING_UNKNOWN`.
 */
import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import {
  bothNameUnknownPops,
  fillField,
  routeByField,
  sharedUnknownRouteMs,
} from './estimate-kernels.js';
import { indexedHot, type LocationInput, locationOf, networkOf } from './estimate.js';
import {
  HOT_HEADER,
  HOT_NOT_A_LOCATION,
  HOT_SIZE,
  hotCount,
  hotUnknownCount,
  RECORD_SIZE,
} from './location-record.js';
import { scanPingLocationText } from './ping-location-text.js';
import { recordOf } from './ping-location.js';
import { type RelayNetwork } from './relay-network.js';

/** The most lobbies one `LobbyLocations` holds (a ranking packs a lobby's index in 24 bits). */
export const MAX_RANKED_LOBBIES = 1 << 24;

/** Sort keys: ping × KEY_SCALE + lobby index, exact in a double. */
const KEY_SCALE = MAX_RANKED_LOBBIES;
/** The sort rank of a FAILED and of an UNKNOWN lobby: after every real estimate (< 2^20 ms). */
const FAILED_RANK = 1 << 20;
const UNKNOWN_RANK = FAILED_RANK + 1;

/** The lobby strings of one list, parsed once into flat arrays for one network. */
export class LobbyLocations {
  /** The network the lobbies are estimated over. */
  readonly network: RelayNetwork;
  /** Number of lobbies. */
  readonly size: number;
  /**
   * @internal Lobby i's indexed copy (what an estimate reads) at `i * HOT_SIZE`, indexed in
   * {@link network}; its header is HOT_NOT_A_LOCATION when its text is not a location.
   */
  readonly hot: Int32Array;
  /**
   * @internal The whole record of each lobby that names a POP the network lacks (by lobby
   * index): their POP ids, for two such entries that meet at the same unknown POP. Old strings
   * only (`sof`); usually empty.
   */
  readonly unknownPopRecords: ReadonlyMap<number, Int32Array>;

  /**
   * Parses `lobbies` (each lobby's ping-location text; anything that is not a string counts as
   * "not a location"). Throws a RangeError for more than {@link MAX_RANKED_LOBBIES} lobbies and
   * a TypeError when `lobbies` is not an array or `network` not a `RelayNetwork`.
   */
  constructor(lobbies: readonly unknown[], network?: RelayNetwork) {
    if (!Array.isArray(lobbies)) {
      throw new TypeError('LobbyLocations: lobbies must be an array of ping-location strings.');
    }
    if (lobbies.length > MAX_RANKED_LOBBIES) {
      throw new RangeError(
        `LobbyLocations: ${lobbies.length} lobbies; at most ${MAX_RANKED_LOBBIES} can be ranked at once.`,
      );
    }
    this.network = networkOf(network, 'LobbyLocations');
    this.size = lobbies.length;
    const hot = new Int32Array(lobbies.length * HOT_SIZE);
    const unknownPopRecords = new Map<number, Int32Array>();
    let scratch = new Int32Array(RECORD_SIZE);
    for (let i = 0; i < lobbies.length; i++) {
      const text: unknown = lobbies[i];
      const base = i * HOT_SIZE;
      if (typeof text !== 'string' || !scanPingLocationText(text, scratch, 0)) {
        hot[base + HOT_HEADER] = HOT_NOT_A_LOCATION;
        continue;
      }
      this.network.indexRecord(scratch, 0, hot, base);
      if (hotUnknownCount(hot[base + HOT_HEADER]!) > 0) {
        unknownPopRecords.set(i, scratch);
        scratch = new Int32Array(RECORD_SIZE);
      }
    }
    this.hot = hot;
    this.unknownPopRecords = unknownPopRecords;
  }

  /** True when lobby `i`'s text is a location. */
  isLocation(i: number): boolean {
    return i >= 0 && i < this.size && this.hot[i * HOT_SIZE + HOT_HEADER]! !== HOT_NOT_A_LOCATION;
  }
}

/** A ranking: lobby indices best first, with their pings. Refilled in place by `rank(…, into)`. */
export class RankedLobbies {
  /** Number of rows (the number of lobbies ranked). */
  length = 0;
  /** How many rows, from the first, have an estimate (the rest are FAILED, then UNKNOWN). */
  estimatedCount = 0;
  /** `order[k]`: the index (in the list ranked) of the lobby in row k. Valid in [0, length). */
  order = new Uint32Array(0);
  /** `pings[k]`: row k's estimate, ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN`. */
  pings = new Int32Array(0);
  /** @internal Sort keys, reused between rankings. */
  keys = new Float64Array(0);
  /** @internal The player's distance field, reused between rankings. */
  field = new Float64Array(0);

  /** @internal Makes room for `length` rows and a field of `popCount` POPs (grows, never shrinks). */
  reserve(length: number, popCount: number): void {
    if (this.keys.length < length) {
      const capacity = Math.max(length, Math.min(MAX_RANKED_LOBBIES, this.keys.length * 2));
      this.keys = new Float64Array(capacity);
      this.order = new Uint32Array(capacity);
      this.pings = new Int32Array(capacity);
    }
    if (this.field.length < popCount) this.field = new Float64Array(popCount);
    this.length = length;
  }
}

/**
 * Ranks `lobbies` for the player at `player` (see the file comment for the order). `lobbies` is
 * a `LobbyLocations` (parsed once, for ranking again and again) or an array of strings (parsed
 * now, over `network`, default Valve's). Pass the previous result as `into` to refill it: a
 * re-rank then allocates nothing. A `player` that is not a location ranks every lobby UNKNOWN.
 * Throws a TypeError for arguments of the wrong type.
 */
export function rank(
  player: LocationInput,
  lobbies: LobbyLocations | readonly unknown[],
  options: { readonly network?: RelayNetwork; readonly into?: RankedLobbies } = {},
): RankedLobbies {
  const pool =
    lobbies instanceof LobbyLocations ? lobbies : new LobbyLocations(lobbies, options.network);
  const into = options.into ?? new RankedLobbies();
  if (!(into instanceof RankedLobbies)) {
    throw new TypeError("rank: 'into' must be a RankedLobbies from an earlier rank().");
  }
  const network = pool.network;
  const location = locationOf(player, 'rank', 'player');
  const size = network.size;
  into.reserve(pool.size, size);
  const { keys, field } = into;
  const hot = pool.hot;
  const lobbyCount = pool.size;
  if (location === undefined) {
    for (let i = 0; i < lobbyCount; i++) keys[i] = UNKNOWN_RANK * KEY_SCALE + i;
  } else {
    const playerHot = indexedHot(location, network);
    const playerRecord = recordOf(location);
    fillField(field, network.backbone, size, playerHot, 0);
    const playerReachedNothing = hotCount(playerHot[HOT_HEADER]!) === 0;
    for (let i = 0, base = 0; i < lobbyCount; i++, base += HOT_SIZE) {
      let sortRank: number;
      if (hot[base + HOT_HEADER] === HOT_NOT_A_LOCATION) {
        sortRank = UNKNOWN_RANK;
      } else if (playerReachedNothing) {
        sortRank = FAILED_RANK;
      } else {
        let best = routeByField(field, hot, base);
        if (bothNameUnknownPops(playerHot, 0, hot, base)) {
          const lobbyRecord = pool.unknownPopRecords.get(i)!;
          best = Math.min(
            best,
            sharedUnknownRouteMs(playerHot, 0, playerRecord, 0, hot, base, lobbyRecord, 0),
          );
        }
        sortRank = best === Infinity ? FAILED_RANK : best;
      }
      keys[i] = sortRank * KEY_SCALE + i;
    }
  }
  const sorted = keys.subarray(0, lobbyCount).sort();
  const { order, pings } = into;
  let estimatedCount = 0;
  for (let k = 0; k < lobbyCount; k++) {
    const key = sorted[k]!;
    const sortRank = Math.floor(key / KEY_SCALE);
    order[k] = key - sortRank * KEY_SCALE;
    if (sortRank < FAILED_RANK) {
      pings[k] = sortRank;
      estimatedCount++;
    } else {
      pings[k] = sortRank === FAILED_RANK ? NETWORKING_PING_FAILED : NETWORKING_PING_UNKNOWN;
    }
  }
  into.estimatedCount = estimatedCount;
  return into;
}
