/**
 * A ping location as Steam's text carries it: for each of up to 12 POPs, the host's direct route
 * and the route through another POP that Steam takes instead when it is as good, each a round trip
 * in whole milliseconds with Steam's `+extra` figure. Made by `parsePingLocation` or from measured
 * routes (`PingLocation.fromEntries`), then read many times by the estimate kernels.
 *
 * Invariants, whatever made the location:
 * - 0 to {@link MAX_PING_LOCATION_ENTRIES} entries, each naming a different POP whose code fits
 *   Steam's grammar (`[a-z][a-z0-9]{2,3}`), so its text always parses back;
 * - every entry has a direct route, a via route or both; each route is whole ms in
 *   [0, {@link MAX_ROUTE_MS}] with an extra in the same range;
 * - an entry's route is its via route when it has one, else its direct route (Steam writes the
 *   via part exactly when it routes that way), and entries are sorted by it, ties in the order
 *   they were given.
 * Nothing can change a location after it is made.
 */
import {
  HOT_SIZE,
  insertEntry,
  MAX_PING_LOCATION_ENTRIES,
  MAX_ROUTE_MS,
  RECORD_COUNT,
  RECORD_DIRECT,
  RECORD_DIRECT_EXTRA,
  RECORD_POP,
  RECORD_ROUTE,
  RECORD_SIZE,
  RECORD_VIA,
  RECORD_VIA_EXTRA,
  RECORD_RELAY_POP,
  recordHasPop,
} from './location-record.js';
import { isPopCode, popCodeFromId, popIdFromCode } from './pop-id.js';

export { MAX_PING_LOCATION_ENTRIES, MAX_ROUTE_MS };

/** Steam's grammar for a POP code in a location: 3 or 4 characters, a letter first. */
const LOCATION_POP_CODE = /^[a-z][a-z0-9]{2,3}$/;

/** True when `code` can name a POP in a location (`fra`, `sto2`; not `FRA`, `ab`, `fra12`). */
export function isLocationPopCode(code: string): boolean {
  return typeof code === 'string' && LOCATION_POP_CODE.test(code);
}

function isCodeLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isCodeCharacter(c: number): boolean {
  return isCodeLetter(c) || (c >= 0x30 && c <= 0x39);
}

/**
 * True when `id` is the `SteamNetworkingPOPID` of a code that can name a POP in a location (the
 * same codes as {@link isLocationPopCode}), read from its bytes without making the code.
 */
export function isLocationPopId(id: number): boolean {
  const c3 = id >>> 24;
  return (
    isCodeLetter((id >>> 16) & 0xff) &&
    isCodeCharacter((id >>> 8) & 0xff) &&
    isCodeCharacter(id & 0xff) &&
    (c3 === 0 || isCodeCharacter(c3))
  );
}

/** One route to a POP: its round trip and Steam's `+extra` figure, both whole ms. */
export interface PingRoute {
  readonly ms: number;
  readonly extra: number;
}

/** One entry of a location, as {@link PingLocation.entries} returns it. */
export interface PingLocationEntry {
  /** The POP's code, e.g. `'fra'` (POPs a network does not know are carried through). */
  readonly code: string;
  /** The packed `SteamNetworkingPOPID` of {@link code}. */
  readonly popId: number;
  /** The direct route: the host's ping to the POP's relays. Absent in `atl=/246+22`. */
  readonly direct?: PingRoute | undefined;
  /** The route through another POP (front + back) that Steam takes instead. */
  readonly via?: PingRoute | undefined;
  /**
   * The POP that {@link via} enters the relay network at, when the writer knew it (a simulated
   * host's own location); Steam's text does not carry it, so parsed locations never have it.
   */
  readonly relayPopId?: number | undefined;
  /** The route taken, ms: `via.ms` when there is a via route, else `direct.ms`. */
  readonly routeMs: number;
}

/** What {@link PingLocation.fromEntries} takes for one entry. */
export interface PingLocationEntryInput {
  readonly popId: number;
  readonly direct?: PingRoute | undefined;
  readonly via?: PingRoute | undefined;
  readonly relayPopId?: number | undefined;
}

/** Thrown by {@link PingLocation.fromEntries} for entries that break an invariant. */
export class PingLocationError extends RangeError {
  readonly code = 'ESTIMATOR_LOCATION_INVALID' as const;

  constructor(message: string) {
    super(message);
    this.name = 'PingLocationError';
  }
}

/**
 * A location's indexed copy (location-record.ts) and the relay network it was indexed for (the
 * one it was last estimated over; another network indexes it again).
 */
export interface IndexedCopy {
  readonly hot: Int32Array;
  indexedFor: object | undefined;
}

let recordOfLocation: (location: PingLocation) => Int32Array;
let indexedCopyOfLocation: (location: PingLocation) => IndexedCopy;
let makeLocation: (record: Int32Array) => PingLocation;
let isLocation: (value: unknown) => boolean;

/** See the file comment. */
export class PingLocation {
  static {
    recordOfLocation = (location) => location.#record;
    indexedCopyOfLocation = (location) => location.#indexed;
    makeLocation = (record) => new PingLocation(record);
    // A private-field brand check: runs no Proxy trap and no getter.
    isLocation = (value) => typeof value === 'object' && value !== null && #record in value;
  }

  /** A location with no entries: the host measured and reached no POP. */
  static readonly EMPTY: PingLocation = new PingLocation(new Int32Array(RECORD_SIZE));

  /**
   * A location from entries in any order (sorted here by route, ties in the order given). Throws
   * a {@link PingLocationError} for more than 12 entries, a POP named twice or whose code does
   * not fit Steam's grammar, an entry without a route, a route that is not `{ ms, extra }`, a
   * route or extra that is not whole ms in [0, 65534], or a `relayPopId` that is not a uint32.
   * (A location with no entries has no text: `''` is not a location.)
   */
  static fromEntries(entries: readonly PingLocationEntryInput[]): PingLocation {
    if (!Array.isArray(entries)) {
      throw new PingLocationError('PingLocation.fromEntries: entries must be an array.');
    }
    if (entries.length > MAX_PING_LOCATION_ENTRIES) {
      throw new PingLocationError(
        `PingLocation.fromEntries: ${entries.length} entries; a location holds at most ${MAX_PING_LOCATION_ENTRIES}.`,
      );
    }
    const record = new Int32Array(RECORD_SIZE);
    entries.forEach((entry: PingLocationEntryInput, k) => {
      const where = `PingLocation.fromEntries: entry ${k}`;
      if (typeof entry !== 'object' || entry === null) {
        throw new PingLocationError(`${where} is not an object.`);
      }
      const { popId, direct, via, relayPopId } = entry;
      if (!isUint32(popId) || !isLocationPopId(popId)) {
        throw new PingLocationError(
          `${where}: POP id ${String(popId)} is not a code of 3 or 4 lowercase letters or digits, a letter first.`,
        );
      }
      if (recordHasPop(record, 0, popId)) {
        throw new PingLocationError(`${where} names POP '${popCodeFromId(popId)}' again.`);
      }
      if ((direct === undefined || direct === null) && (via === undefined || via === null)) {
        throw new PingLocationError(`${where} has neither a direct nor a via route.`);
      }
      for (const [name, route] of [
        ['direct', direct],
        ['via', via],
      ] as const) {
        if (route !== undefined && (typeof route !== 'object' || route === null)) {
          throw new PingLocationError(`${where}: ${name} is not a { ms, extra } route.`);
        }
      }
      if (relayPopId !== undefined && !isUint32(relayPopId)) {
        throw new PingLocationError(`${where}: relayPopId ${String(relayPopId)} is not a POP id.`);
      }
      insertEntry(
        record,
        0,
        popId,
        direct === undefined ? -1 : checkedMs(direct.ms, `${where}: direct.ms`),
        direct === undefined ? 0 : checkedMs(direct.extra, `${where}: direct.extra`),
        via === undefined ? -1 : checkedMs(via.ms, `${where}: via.ms`),
        via === undefined ? 0 : checkedMs(via.extra, `${where}: via.extra`),
        via === undefined || relayPopId === undefined ? 0 : relayPopId,
      );
    });
    return new PingLocation(record);
  }

  // Written only while the location is made.
  readonly #record: Int32Array;
  // Derived from the record for one network at a time; no answer depends on which.
  readonly #indexed: IndexedCopy = { hot: new Int32Array(HOT_SIZE), indexedFor: undefined };
  #text: string | undefined = undefined;

  private constructor(record: Int32Array) {
    this.#record = record;
  }

  /** Always true: tells a location from a `NotAPingLocation` (whose `ok` is false). */
  get ok(): true {
    return true;
  }

  /** Number of entries (0 to 12). */
  get size(): number {
    return this.#record[RECORD_COUNT]!;
  }

  /** The entries, best route first (a new array each call). */
  entries(): PingLocationEntry[] {
    const r = this.#record;
    const entries: PingLocationEntry[] = [];
    for (let k = 0; k < r[RECORD_COUNT]!; k++) {
      const popId = r[RECORD_POP + k]! >>> 0;
      const directMs = r[RECORD_DIRECT + k]!;
      const viaMs = r[RECORD_VIA + k]!;
      const relayPopId = r[RECORD_RELAY_POP + k]! >>> 0;
      entries.push({
        code: popCodeFromId(popId),
        popId,
        direct: directMs < 0 ? undefined : { ms: directMs, extra: r[RECORD_DIRECT_EXTRA + k]! },
        via: viaMs < 0 ? undefined : { ms: viaMs, extra: r[RECORD_VIA_EXTRA + k]! },
        relayPopId: relayPopId === 0 ? undefined : relayPopId,
        routeMs: r[RECORD_ROUTE + k]!,
      });
    }
    return entries;
  }

  /** The route to the POP with this code or id, ms, or undefined when the location lacks it. */
  routeMsTo(pop: string | number): number | undefined {
    const popId = typeof pop === 'string' ? (isPopCode(pop) ? popIdFromCode(pop) : -1) : pop;
    const r = this.#record;
    for (let k = 0; k < r[RECORD_COUNT]!; k++) {
      if (r[RECORD_POP + k]! >>> 0 === popId) return r[RECORD_ROUTE + k];
    }
    return undefined;
  }

  /** Steam's text form: `pop=ms+extra[/ms+extra]`, comma-separated, best route first. */
  toString(): string {
    this.#text ??= formatRecord(this.#record);
    return this.#text;
  }
}

/** @internal The record of `location`, for the kernels and codecs of this package. */
export function recordOf(location: PingLocation): Int32Array {
  return recordOfLocation(location);
}

/** @internal The indexed copy of `location` (see `indexedHot` in estimate.ts). */
export function indexedCopyOf(location: PingLocation): IndexedCopy {
  return indexedCopyOfLocation(location);
}

/** @internal A location over `record` (a complete, checked record nothing else will write). */
export function locationOfRecord(record: Int32Array): PingLocation {
  return makeLocation(record);
}

/** True when `value` is a {@link PingLocation} (a brand check: no Proxy trap or getter runs). */
export function isPingLocation(value: unknown): value is PingLocation {
  return isLocation(value);
}

/** Steam's text of a record (the grammar in docs/ping-location-text.md). */
function formatRecord(r: Int32Array): string {
  let text = '';
  for (let k = 0; k < r[RECORD_COUNT]!; k++) {
    if (k > 0) text += ',';
    text += `${popCodeFromId(r[RECORD_POP + k]! >>> 0)}=`;
    if (r[RECORD_DIRECT + k]! >= 0) text += `${r[RECORD_DIRECT + k]}+${r[RECORD_DIRECT_EXTRA + k]}`;
    if (r[RECORD_VIA + k]! >= 0) text += `/${r[RECORD_VIA + k]}+${r[RECORD_VIA_EXTRA + k]}`;
  }
  return text;
}

function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

function checkedMs(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_ROUTE_MS) {
    throw new PingLocationError(
      `${what} is ${String(value)}; it must be whole ms from 0 to ${MAX_ROUTE_MS}.`,
    );
  }
  return value;
}
