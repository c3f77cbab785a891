/**
 * Valve's relay backbone between POPs, as the simulation models it: the relays are joined by
 * private capacity along the same physical routes as the public internet, but traffic-engineered
 * onto the shortest conduits (no IP-routing stretch, no peering detours, only a small forwarding
 * cost per relay), so it is never slower than the public internet between the same two POPs.
 *
 *   backbone(p, q) = 0 when p = q, else
 *   min( public(p, q),
 *        min over entry hubs (hp, hq) of d(p, hp) × LAND_ROUTE_FACTOR / 100
 *            + path(hp, hq) + d(q, hq) × LAND_ROUTE_FACTOR / 100 + relayForwardingRttMs )
 *   path(hp, hq) = Σ over links (length_km × backboneRouteStretch / 100 + relayHopRttMs
 *                                  + chinaBorderRttMs if the link crosses into mainland China)
 *
 * The whole POP×POP matrix is computed once, at construction.
 */
import { FIBER_RTT_MS_PER_KM } from './geo.js';
import { type InternetLink, LAND_ROUTE_FACTOR } from './internet-topology.js';
import { type AttachedPoint, type PublicInternet } from './public-internet.js';

/** The tunable constants of the backbone; see docs/simulation-model.md. */
export interface RelayBackboneParameters {
  /**
   * Backbone circuit length over conduit length (provisioning slack, circuits that follow the
   * leased waves' actual paths): a multiplier on every link, smaller than the public internet's
   * IP-routing stretch.
   */
  readonly backboneRouteStretch: number;
  /** Round-trip cost of each hub-to-hub link on the backbone besides propagation, ms. */
  readonly relayHopRttMs: number;
  /** Round-trip cost of the two relays a relayed packet passes through, ms. */
  readonly relayForwardingRttMs: number;
}

/** The POP×POP round-trip matrix of the relay backbone. */
export class RelayBackbone {
  /** Number of POPs (the matrix is `popCount × popCount`). */
  readonly popCount: number;
  readonly #rtt: Float64Array;

  /**
   * Computes the matrix for `pops` (attached points, in POP-table order) over `internet`'s
   * topology.
   */
  constructor(
    internet: PublicInternet,
    pops: readonly AttachedPoint[],
    parameters: RelayBackboneParameters,
  ) {
    const topology = internet.topology;
    const n = topology.hubs.length;
    const borderRttMs = internet.parameters.chinaBorderRttMs;
    const linkRttMs = (link: InternetLink): number =>
      link.lengthKm * parameters.backboneRouteStretch * FIBER_RTT_MS_PER_KM +
      parameters.relayHopRttMs +
      (link.crossesChinaBorder ? borderRttMs : 0);
    const paths = topology.shortestPaths(
      linkRttMs,
      `backbone:${parameters.backboneRouteStretch}/${parameters.relayHopRttMs}/${borderRttMs}`,
    );
    const p = pops.length;
    const rtt = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        let best = internet.rttMs(pops[i]!, pops[j]!);
        for (const ea of pops[i]!.attachments) {
          for (const eb of pops[j]!.attachments) {
            const total =
              (ea.distanceKm + eb.distanceKm) * LAND_ROUTE_FACTOR * FIBER_RTT_MS_PER_KM +
              paths.cost[ea.hub * n + eb.hub]! +
              parameters.relayForwardingRttMs;
            if (total < best) best = total;
          }
        }
        // Invariant: best ≤ public(p, q), and symmetric by construction.
        rtt[i * p + j] = best;
        rtt[j * p + i] = best;
      }
    }
    this.popCount = p;
    this.#rtt = rtt;
  }

  /** The backbone round trip between the POPs at table indices `i` and `j`, in ms (0 when equal). */
  rttMs(i: number, j: number): number {
    return this.#rtt[i * this.popCount + j]!;
  }
}
