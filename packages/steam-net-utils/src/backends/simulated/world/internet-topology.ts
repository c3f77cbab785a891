/**
 * The simulated internet as a graph: metro hubs joined by terrestrial and submarine links whose
 * lengths are physical route lengths, shortest paths over it, and the attachment of any point on
 * Earth to the hubs its traffic enters through.
 */
import { EARTH_MEAN_RADIUS_KM, greatCircleKm, type LatLon, pathKm } from './geo.js';
import {
  HUB_ROWS,
  type HubRow,
  LINK_ROWS,
  type LinkKind,
  type LinkRow,
  TRANSIT_ZONES,
  type TransitZone,
  WELL_PEERED_HUBS,
} from './internet-hubs.js';

/**
 * Route length over great-circle length for terrestrial fibre: conduits follow roads and
 * railways. Bozkurt et al. (arXiv 1811.10737) find the shortest conduit paths between US cities
 * about 1.3× the line-of-sight distance.
 */
export const LAND_ROUTE_FACTOR = 1.3;

/**
 * Route length over great-circle length (between landings, through any waypoints) for submarine
 * cables: published cable-system lengths run about 10–20 % over the distance between their
 * landing stations (slack, seabed relief, detours around shelves); 1.15 is the middle.
 */
export const SEA_ROUTE_FACTOR = 1.15;

/** One hub of the graph. A hub is also a {@link LatLon}. */
export interface InternetHub extends LatLon {
  /** Position in {@link InternetTopology.hubs} and in every matrix. */
  readonly index: number;
  /** Short id, e.g. `'FRA'`. */
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the hub's country. */
  readonly countryCode: string;
  /** True for hubs in mainland China, behind its border gateways. */
  readonly mainlandChina: boolean;
  /** True when most networks of the hub's market interconnect at a local exchange. */
  readonly wellPeered: boolean;
}

/** One bidirectional link of the graph. */
export interface InternetLink {
  /** Index of one end hub. */
  readonly a: number;
  /** Index of the other end hub. */
  readonly b: number;
  readonly kind: LinkKind;
  /** The physical route length: great-circle length through the waypoints × the route factor. */
  readonly lengthKm: number;
  /** True when exactly one end is in mainland China. */
  readonly crossesChinaBorder: boolean;
}

/** Where a point's traffic enters the graph: a hub and the great-circle distance to it. */
export interface HubAttachment {
  readonly hub: number;
  readonly distanceKm: number;
}

/** All-pairs shortest paths: costs and, for each pair, the next hub on the way. */
export interface ShortestPaths {
  /** `cost[i * hubCount + j]`: the cheapest total cost from hub i to hub j (0 on the diagonal). */
  readonly cost: Float64Array;
  /** `next[i * hubCount + j]`: the hub after i on the cheapest path to j (j itself when adjacent). */
  readonly next: Int32Array;
}

/**
 * A second hub is also an entry point when it is at most this much farther than the nearest one
 * (ratio or absolute margin, whichever is larger): points between two nearby hubs are multi-homed.
 */
const SECOND_ATTACHMENT_RATIO = 1.25;
const SECOND_ATTACHMENT_MARGIN_KM = 100;

/**
 * Points attach to a hub of their own country when one exists within this multiple of the
 * distance to the nearest hub (plus the margin below): national networks hand traffic to their
 * own country's exchanges (Strasbourg goes through Paris, not Frankfurt), but a border town far
 * from its capital's hub (Tijuana) uses the nearby foreign one.
 */
const SAME_COUNTRY_REACH_RATIO = 3;
const SAME_COUNTRY_REACH_MARGIN_KM = 300;

/** The point as a unit vector from the Earth's centre. */
function unitVector(point: LatLon): [number, number, number] {
  const phi = (point.lat * Math.PI) / 180;
  const lambda = (point.lon * Math.PI) / 180;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** The graph of hubs and links, with precomputed link lengths. Immutable after construction. */
export class InternetTopology {
  readonly hubs: readonly InternetHub[];
  readonly links: readonly InternetLink[];
  readonly #hubIndexById: ReadonlyMap<string, number>;
  /** adjacency[i]: the indices (into links) of the links touching hub i. */
  readonly #adjacency: readonly (readonly number[])[];
  /** Bit z set: hub i lies inside transit zone z. */
  readonly #zoneInside: Int32Array;
  /** Bit z set: routes starting or ending at hub i may pass through transit zone z. */
  readonly #zoneAllowed: Int32Array;
  readonly #pathCache = new Map<string, ShortestPaths>();
  /** The hubs as unit vectors (x, y, z per hub), for fast nearest-hub searches. */
  readonly #hubVectors: Float64Array;

  /** Builds the graph from hub and link rows and the set of well-peered hub ids (the built-in world by default). */
  constructor(
    hubRows: readonly HubRow[] = HUB_ROWS,
    linkRows: readonly LinkRow[] = LINK_ROWS,
    wellPeeredHubs: ReadonlySet<string> = WELL_PEERED_HUBS,
    transitZones: readonly TransitZone[] = TRANSIT_ZONES,
  ) {
    const hubs = hubRows.map(([id, name, countryCode, lat, lon], index): InternetHub =>
      Object.freeze({
        index,
        id,
        name,
        countryCode,
        lat,
        lon,
        mainlandChina: countryCode === 'CN',
        wellPeered: wellPeeredHubs.has(id),
      }),
    );
    const byId = new Map<string, number>();
    for (const hub of hubs) {
      if (byId.has(hub.id)) {
        throw new Error(
          `The internet topology lists hub '${hub.id}' twice; hub ids must be unique.`,
        );
      }
      byId.set(hub.id, hub.index);
    }
    const lookUp = (id: string, link: LinkRow): InternetHub => {
      const index = byId.get(id);
      if (index === undefined) {
        throw new Error(
          `The internet topology link ${link[0]}–${link[1]} names unknown hub '${id}'; add the hub or fix the link.`,
        );
      }
      return hubs[index]!;
    };
    const adjacency: number[][] = hubs.map(() => []);
    const links = linkRows.map(([aId, bId, kind, options], linkIndex): InternetLink => {
      const a = lookUp(aId, linkRows[linkIndex]!);
      const b = lookUp(bId, linkRows[linkIndex]!);
      const factor =
        options?.routeFactor ?? (kind === 'land' ? LAND_ROUTE_FACTOR : SEA_ROUTE_FACTOR);
      // Invariant: factor ≥ 1 and the waypoint path is at least the great circle, so a link is
      // never shorter than the straight line between its ends (the fibre bound holds on paths).
      const lengthKm = pathKm([a, ...(options?.via ?? []), b]) * Math.max(1, factor);
      adjacency[a.index]!.push(linkIndex);
      adjacency[b.index]!.push(linkIndex);
      return Object.freeze({
        a: a.index,
        b: b.index,
        kind,
        lengthKm,
        crossesChinaBorder: a.mainlandChina !== b.mainlandChina,
      });
    });
    if (transitZones.length > 30) {
      throw new Error('The internet topology supports at most 30 transit zones.');
    }
    const insideMask = new Int32Array(hubs.length);
    const allowedMask = new Int32Array(hubs.length);
    transitZones.forEach((zone, z) => {
      for (const id of zone.hubs) {
        const index = byId.get(id);
        if (index === undefined) {
          throw new Error(`Transit zone '${zone.name}' names unknown hub '${id}'.`);
        }
        insideMask[index]! |= 1 << z;
      }
      for (const hub of hubs) {
        if (
          (insideMask[hub.index]! & (1 << z)) !== 0 ||
          zone.customerCountries.includes(hub.countryCode)
        ) {
          allowedMask[hub.index]! |= 1 << z;
        }
      }
    });
    this.hubs = Object.freeze(hubs);
    this.links = Object.freeze(links);
    this.#hubIndexById = byId;
    this.#adjacency = adjacency;
    this.#zoneInside = insideMask;
    this.#zoneAllowed = allowedMask;
    this.#hubVectors = new Float64Array(hubs.flatMap((hub) => unitVector(hub)));
  }

  /** The index of the hub with id `id` (`'FRA'`), or -1. */
  hubIndex(id: string): number {
    return this.#hubIndexById.get(id) ?? -1;
  }

  /**
   * The hubs through which `point`'s traffic enters the graph: the nearest hub, plus the second
   * nearest when it is almost as close. When `countryCode` is given and that country has a hub
   * within reach, only that country's hubs are considered (see {@link SAME_COUNTRY_REACH_RATIO}).
   * Nearest first.
   */
  attach(point: LatLon, countryCode?: string): readonly HubAttachment[] {
    // Hubs are compared by the dot product of unit vectors (larger = closer), one multiply-add
    // per hub instead of a haversine; the chosen hubs' distances are then computed exactly.
    const [px, py, pz] = unitVector(point);
    const count = this.hubs.length;
    const vectors = this.#hubVectors;
    const dots = new Float64Array(count);
    let nearest = 0;
    for (let i = 0; i < count; i++) {
      dots[i] = px * vectors[3 * i]! + py * vectors[3 * i + 1]! + pz * vectors[3 * i + 2]!;
      if (dots[i]! > dots[nearest]!) nearest = i;
    }
    const code = countryCode?.toUpperCase();
    const nearestKm = greatCircleKm(point, this.hubs[nearest]!);
    const reachKm = nearestKm * SAME_COUNTRY_REACH_RATIO + SAME_COUNTRY_REACH_MARGIN_KM;
    const reachDot = Math.cos(Math.min(Math.PI, reachKm / EARTH_MEAN_RADIUS_KM));
    const national = (index: number): boolean =>
      this.hubs[index]!.countryCode === code && dots[index]! >= reachDot;
    let restrictToCountry = false;
    if (code !== undefined) {
      for (let i = 0; i < count && !restrictToCountry; i++) restrictToCountry = national(i);
    }
    // One pass for the best and second-best candidate (ties keep the earlier hub).
    let first = -1;
    let second = -1;
    for (let i = 0; i < count; i++) {
      if (restrictToCountry && !national(i)) continue;
      if (first < 0 || dots[i]! > dots[first]!) {
        second = first;
        first = i;
      } else if (second < 0 || dots[i]! > dots[second]!) {
        second = i;
      }
    }
    const best: HubAttachment = { hub: first, distanceKm: greatCircleKm(point, this.hubs[first]!) };
    if (second < 0) return [best];
    const secondKm = greatCircleKm(point, this.hubs[second]!);
    const limit = Math.max(
      best.distanceKm * SECOND_ATTACHMENT_RATIO,
      best.distanceKm + SECOND_ATTACHMENT_MARGIN_KM,
    );
    return secondKm <= limit ? [best, { hub: second, distanceKm: secondKm }] : [best];
  }

  /**
   * Cheapest paths between every pair of hubs for the given link cost (Dijkstra from each hub;
   * the graph is small, so a simple O(n²) scan per source is fast). Costs must be non-negative.
   *
   * A path between two hubs passes through a transit zone only when one of the two may use that
   * zone (it lies inside, or its country buys transit there). The rule depends on both ends, so
   * each source runs one search per distinct set of zones its targets allow. The result is
   * symmetric.
   *
   * With a `cacheKey`, the result is memoized on this topology: a later call with the same key
   * returns it without searching (the key must identify the cost function).
   */
  shortestPaths(linkCost: (link: InternetLink) => number, cacheKey?: string): ShortestPaths {
    if (cacheKey !== undefined) {
      const cached = this.#pathCache.get(cacheKey);
      if (cached !== undefined) return cached;
    }
    const n = this.hubs.length;
    const costs = this.links.map(linkCost);
    const cost = new Float64Array(n * n).fill(Infinity);
    const next = new Int32Array(n * n).fill(-1);
    const search = new Float64Array(n);
    const first = new Int32Array(n);
    const done = new Uint8Array(n);
    for (let source = 0; source < n; source++) {
      const masks = new Set<number>();
      for (let target = 0; target < n; target++) {
        masks.add(this.#zoneAllowed[source]! | this.#zoneAllowed[target]!);
      }
      for (const allowed of masks) {
        this.#dijkstra(source, allowed, costs, search, first, done);
        for (let target = 0; target < n; target++) {
          if ((this.#zoneAllowed[source]! | this.#zoneAllowed[target]!) !== allowed) continue;
          cost[source * n + target] = search[target]!;
          next[source * n + target] = target === source ? source : first[target]!;
        }
      }
    }
    const paths: ShortestPaths = { cost, next };
    if (cacheKey !== undefined) this.#pathCache.set(cacheKey, paths);
    return paths;
  }

  /**
   * One Dijkstra search from `source` that never enters a hub inside a zone missing from
   * `allowedZones`. Leaves the costs in `search` and each hub's first hop in `first`.
   */
  #dijkstra(
    source: number,
    allowedZones: number,
    costs: readonly number[],
    search: Float64Array,
    first: Int32Array,
    done: Uint8Array,
  ): void {
    const n = this.hubs.length;
    search.fill(Infinity);
    first.fill(-1);
    done.fill(0);
    search[source] = 0;
    first[source] = source;
    for (;;) {
      let u = -1;
      let best = Infinity;
      for (let i = 0; i < n; i++) {
        if (done[i] === 0 && search[i]! < best) {
          best = search[i]!;
          u = i;
        }
      }
      if (u < 0) return;
      done[u] = 1;
      for (const linkIndex of this.#adjacency[u]!) {
        const link = this.links[linkIndex]!;
        const v = link.a === u ? link.b : link.a;
        if ((this.#zoneInside[v]! & ~allowedZones) !== 0) continue;
        const candidate = best + costs[linkIndex]!;
        if (candidate < search[v]!) {
          search[v] = candidate;
          // The first hop towards v is v itself when leaving the source, else u's first hop.
          first[v] = u === source ? v : first[u]!;
        }
      }
    }
  }

  /** The hubs on the cheapest path from hub `from` to hub `to` (both included) in `paths`. */
  route(paths: ShortestPaths, from: number, to: number): readonly InternetHub[] {
    const n = this.hubs.length;
    const hops: InternetHub[] = [this.hubs[from]!];
    let at = from;
    while (at !== to) {
      const step = paths.next[at * n + to]!;
      if (step < 0) return [];
      at = step;
      hops.push(this.hubs[at]!);
    }
    return hops;
  }
}

let builtInTopology: InternetTopology | undefined;

/** The built-in world's topology, built on first use and shared (it is immutable). */
export function defaultInternetTopology(): InternetTopology {
  builtInTopology ??= new InternetTopology();
  return builtInTopology;
}
