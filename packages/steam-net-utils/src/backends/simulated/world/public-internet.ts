/**
 * The deterministic round-trip time of the public internet between any two points: traffic leaves
 * each point over a regional backhaul to its hub, crosses the hub graph along the cheapest route,
 * and pays a small fixed cost at every router hop and exchange on the way.
 *
 *   rtt(a, b) = min over entry hubs (ha, hb) of
 *               access(a, ha) + route(ha, hb) + access(b, hb)
 *   access(p, h) = metroRttMs (+ poorPeeringRttMs where h is not well peered)
 *                  + distance(p, h) × backhaulRouteFactor / 100
 *   route(ha, hb) = Σ over links (length_km × stretch / 100 + hopRttMs
 *                                  + chinaBorderRttMs if the link crosses into mainland China)
 *
 * Every term is non-negative and every length is at least a great-circle length, so by the
 * triangle inequality rtt(a, b) ≥ distance(a, b) / 100: never below the fibre bound.
 */
import { FIBER_RTT_MS_PER_KM, type LatLon } from './geo.js';
import {
  type HubAttachment,
  type InternetHub,
  type InternetLink,
  type InternetTopology,
  type ShortestPaths,
} from './internet-topology.js';

/** The tunable constants of the public internet; see docs/simulation-model.md for where each comes from. */
export interface PublicInternetParameters {
  /**
   * Public IP routes over terrestrial links run longer than the conduits themselves (traffic
   * follows provider rings and peering points, not the shortest fibre): a multiplier on land
   * link lengths.
   */
  readonly landRouteStretch: number;
  /** The same multiplier for submarine links (cables are point to point: close to 1). */
  readonly seaRouteStretch: number;
  /** Round-trip cost of each hub-to-hub link besides propagation (routers, exchanges, queues), ms. */
  readonly hopRttMs: number;
  /** Route length over great-circle distance for the regional backhaul from a point to its hub. */
  readonly backhaulRouteFactor: number;
  /** Round-trip cost of entering the graph at a hub (metro network, exchange port), ms. */
  readonly metroRttMs: number;
  /** Extra round-trip cost of entering the graph at a hub that is not well peered, ms. */
  readonly poorPeeringRttMs: number;
  /** Extra round-trip cost of a link crossing into mainland China (border gateways), ms. */
  readonly chinaBorderRttMs: number;
}

/** A point together with the hubs it enters the graph through. */
export interface AttachedPoint {
  readonly position: LatLon;
  readonly attachments: readonly HubAttachment[];
}

/** The public internet over a topology: hub-to-hub costs precomputed once. */
export class PublicInternet {
  readonly topology: InternetTopology;
  readonly parameters: PublicInternetParameters;
  readonly #paths: ShortestPaths;
  readonly #hubCount: number;

  constructor(topology: InternetTopology, parameters: PublicInternetParameters) {
    this.topology = topology;
    this.parameters = parameters;
    this.#hubCount = topology.hubs.length;
    this.#paths = topology.shortestPaths(
      (link) => this.linkRttMs(link),
      `public:${parameters.landRouteStretch}/${parameters.seaRouteStretch}/${parameters.hopRttMs}/${parameters.chinaBorderRttMs}`,
    );
  }

  /** The round-trip cost of one link on the public internet, in ms. */
  linkRttMs(link: InternetLink): number {
    return (
      link.lengthKm *
        (link.kind === 'land'
          ? this.parameters.landRouteStretch
          : this.parameters.seaRouteStretch) *
        FIBER_RTT_MS_PER_KM +
      this.parameters.hopRttMs +
      (link.crossesChinaBorder ? this.parameters.chinaBorderRttMs : 0)
    );
  }

  /** Attaches a point to its entry hubs (see {@link InternetTopology.attach}). */
  locate(position: LatLon, countryCode?: string): AttachedPoint {
    return { position, attachments: this.topology.attach(position, countryCode) };
  }

  /** The round trip from a point to one of its entry hubs, in ms. */
  accessRttMs(attachment: HubAttachment): number {
    const hub = this.topology.hubs[attachment.hub]!;
    return (
      this.parameters.metroRttMs +
      (hub.wellPeered ? 0 : this.parameters.poorPeeringRttMs) +
      attachment.distanceKm * this.parameters.backhaulRouteFactor * FIBER_RTT_MS_PER_KM
    );
  }

  /** The round trip between two hubs along the cheapest route, in ms (0 from a hub to itself). */
  hubRttMs(from: number, to: number): number {
    return this.#paths.cost[from * this.#hubCount + to]!;
  }

  /** The deterministic round trip between two attached points, in ms (formula above). */
  rttMs(a: AttachedPoint, b: AttachedPoint): number {
    let best = Infinity;
    for (const ea of a.attachments) {
      const fromA = this.accessRttMs(ea);
      for (const eb of b.attachments) {
        const total = fromA + this.hubRttMs(ea.hub, eb.hub) + this.accessRttMs(eb);
        if (total < best) best = total;
      }
    }
    return best;
  }

  /** The hubs the cheapest route between two attached points passes, in order. */
  route(a: AttachedPoint, b: AttachedPoint): readonly InternetHub[] {
    let best = Infinity;
    let hubs: readonly InternetHub[] = [];
    for (const ea of a.attachments) {
      for (const eb of b.attachments) {
        const total = this.accessRttMs(ea) + this.hubRttMs(ea.hub, eb.hub) + this.accessRttMs(eb);
        if (total < best) {
          best = total;
          hubs = this.topology.route(this.#paths, ea.hub, eb.hub);
        }
      }
    }
    return hubs;
  }
}
