/**
 * A relay network as estimates need it: its POPs, and the backbone round trip between every two
 * of them, whole ms. Built from Valve's published SDR network config (`readRelayNetworkConfig(json).network`,
 * the JSON that `GetSDRConfig` serves) or from Valve's copy built in (`valveRelayNetwork()`).
 *
 * The backbone: pairs the config lists (`typical_pings`) keep the published value; every other
 * pair is filled by `fillBackbone` (the model in docs/relay-network.md). Aliases (`tyo1` for
 * `tyo`) name their POP's row, so a location that lists an alias is estimated through its POP.
 */
import { fillBackbone } from './backbone-fill.js';
import { isValidLatLon, type LatLon } from './geo.js';
import {
  HOT_ENTRIES,
  HOT_HEADER,
  MAX_INDEXED_POPS,
  MAX_PING_LOCATION_ENTRIES,
  MAX_ROUTE_MS,
  RECORD_COUNT,
  RECORD_POP,
  RECORD_ROUTE,
} from './location-record.js';
import { isPopCode, popIdFromCode } from './pop-id.js';

/** One POP of a network. */
export interface RelayPop extends LatLon {
  /** Valve's code, e.g. `'fra'`. */
  readonly code: string;
  /** The packed `SteamNetworkingPOPID` of {@link code}. */
  readonly id: number;
  /** Valve's description, e.g. `'Frankfurt (Germany)'`. */
  readonly description: string;
  /** 0 for Valve's large hubs, 1 for the rest (2 marks third-party sites without relays). */
  readonly tier: number;
  /** Bitmask: 1 Valve's global network, 2 the China network; 0 when the config gives none. */
  readonly partners: number;
  /** Other codes that name this POP. */
  readonly aliases: readonly string[];
  /** How many relay addresses the config lists; 0 for a server-only site (reached via others). */
  readonly relayCount: number;
}

/** One published backbone round trip. */
export interface TypicalPing {
  readonly a: string;
  readonly b: string;
  readonly ms: number;
}

/** What a network is built from (the config's content, read and checked). */
export interface RelayNetworkData {
  readonly revision?: number | undefined;
  readonly pops: readonly RelayPop[];
  readonly typicalPings: readonly TypicalPing[];
}

function checkNetworkData(data: RelayNetworkData): void {
  if (data.pops.length > MAX_INDEXED_POPS) {
    throw new RangeError(
      `A relay network has at most ${MAX_INDEXED_POPS} POPs; this one has ${data.pops.length}.`,
    );
  }
  const codes = new Set<string>();
  for (const pop of data.pops) {
    const what = `RelayNetwork: POP '${String(pop.code)}'`;
    if (!isPopCode(pop.code) || codes.has(pop.code)) {
      throw new RangeError(`${what} is not a POP code, or is listed twice.`);
    }
    codes.add(pop.code);
    if (pop.id !== popIdFromCode(pop.code)) throw new RangeError(`${what} has another code's id.`);
    if (!isValidLatLon(pop)) throw new RangeError(`${what} is not at a place on Earth.`);
    if (!pop.aliases.every((alias) => isPopCode(alias))) {
      throw new RangeError(`${what} has an alias that is not a POP code.`);
    }
  }
  for (const { a, b, ms } of data.typicalPings) {
    if (
      !(typeof ms === 'number' && ms >= 0 && ms <= MAX_ROUTE_MS) ||
      !isPopCode(a) ||
      !isPopCode(b)
    ) {
      throw new RangeError(
        `RelayNetwork: the round trip ${String(a)}–${String(b)} of ${String(ms)} ms is not two POP codes and a number of ms from 0 to ${MAX_ROUTE_MS}.`,
      );
    }
  }
}

/** See the file comment. Immutable. */
export class RelayNetwork {
  /** The config's revision, when it has one. */
  readonly revision: number | undefined;
  /** The POPs, sorted by code; a POP's index is its position here. */
  readonly pops: readonly RelayPop[];
  /** How many published pairs the backbone keeps as published. */
  readonly publishedPairCount: number;
  /**
   * @internal `backbone[i * size + j]`: the round trip between POPs i and j, whole ms (0 on the
   * diagonal). Never written after construction.
   */
  readonly backbone: Int32Array;
  /** @internal `published[i * size + j]` is 1 when the pair's value is Valve's. */
  readonly published: Uint8Array;
  readonly #indexById: Map<number, number>;

  /**
   * A network from data (see `readRelayNetworkConfig` for Valve's JSON, which skips what is
   * malformed instead). Pairs naming a POP the data lacks are left out. Throws a RangeError for
   * more than 254 POPs, a POP whose code is not one or is listed twice, whose id is not its
   * code's or whose coordinates are not a place, an alias that is not a code, and a round trip
   * that is not a number of ms from 0 to 65534: the kernels rely on all of them.
   */
  constructor(data: RelayNetworkData) {
    checkNetworkData(data);
    const pops = [...data.pops].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    this.revision = data.revision;
    this.pops = Object.freeze(pops.map((pop) => Object.freeze({ ...pop })));
    const indexById = new Map<number, number>();
    pops.forEach((pop, index) => indexById.set(pop.id, index));
    pops.forEach((pop, index) => {
      for (const alias of pop.aliases) {
        const id = popIdFromCode(alias);
        if (!indexById.has(id)) indexById.set(id, index);
      }
    });
    this.#indexById = indexById;
    const n = pops.length;
    const listed = new Float64Array(n * n).fill(NaN);
    let publishedPairCount = 0;
    for (const { a, b, ms } of data.typicalPings) {
      const i = indexById.get(popIdFromCode(a));
      const j = indexById.get(popIdFromCode(b));
      if (i === undefined || j === undefined || i === j) continue;
      if (Number.isNaN(listed[i * n + j]!)) publishedPairCount++;
      listed[i * n + j] = ms;
      listed[j * n + i] = ms;
    }
    this.publishedPairCount = publishedPairCount;
    const { backbone, published } = fillBackbone(pops, listed);
    this.backbone = backbone;
    this.published = published;
  }

  /** Number of POPs. */
  get size(): number {
    return this.pops.length;
  }

  /** The index of the POP with this id or alias id, or -1 when the network lacks it. */
  indexOf(popId: number): number {
    return this.#indexById.get(popId) ?? -1;
  }

  /** The POP with this code (or alias), or undefined. Never throws. */
  pop(code: string): RelayPop | undefined {
    if (typeof code !== 'string' || !isPopCode(code)) return undefined;
    const index = this.indexOf(popIdFromCode(code));
    return index < 0 ? undefined : this.pops[index];
  }

  /**
   * The backbone round trip between two POPs (codes or aliases), whole ms; undefined when the
   * network lacks either.
   */
  backboneMs(a: string, b: string): number | undefined {
    const x = this.pop(a);
    const y = this.pop(b);
    if (x === undefined || y === undefined) return undefined;
    return this.backbone[this.indexOf(x.id) * this.size + this.indexOf(y.id)];
  }

  /** True when the round trip between two POPs is the one Valve published (not filled). */
  isPublished(a: string, b: string): boolean {
    const x = this.pop(a);
    const y = this.pop(b);
    if (x === undefined || y === undefined) return false;
    return this.published[this.indexOf(x.id) * this.size + this.indexOf(y.id)] === 1;
  }

  /**
   * @internal Writes the indexed copy of the record at `record[base]` into `hot[hotBase]` (see
   * location-record.ts): each entry's route and its POP's index in this network (aliases give
   * their POP's), and how many entries name a POP this network lacks.
   */
  indexRecord(record: Int32Array, base: number, hot: Int32Array, hotBase: number): void {
    const count = record[base + RECORD_COUNT]!;
    let unknown = 0;
    for (let k = 0; k < count; k++) {
      const index = this.#indexById.get(record[base + RECORD_POP + k]! >>> 0) ?? -1;
      if (index < 0) unknown++;
      hot[hotBase + HOT_ENTRIES + k] = (record[base + RECORD_ROUTE + k]! << 8) | (index + 1);
    }
    for (let k = count; k < MAX_PING_LOCATION_ENTRIES; k++) hot[hotBase + HOT_ENTRIES + k] = 0;
    hot[hotBase + HOT_HEADER] = count | (unknown << 8);
  }
}
