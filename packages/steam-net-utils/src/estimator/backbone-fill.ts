/**
 * The backbone between POPs that Valve's config does not pair. Valve publishes about one pair in
 * seven (200 of 1,431 in the built-in revision) and its client knows a fuller table, so a pair
 * that is not published gets
 *
 *   fill(p, q) = max( ceil(fibre(p, q)), round( min( BACKBONE_ROUTE_FACTOR × fibre(p, q),
 *                                                    shortest path over published pairs ) ) )
 *
 * where fibre(p, q) is the great-circle fibre bound (distance / 100 ms). So a filled value is
 * never below physics, and never longer than a route the published pairs already give. Published
 * pairs keep Valve's value as it is (one, sto–sto2, 0 ms for 7 km, is below the fibre bound by
 * rounding; see docs/relay-network.md).
 */
import { fiberBoundRttMs, type LatLon } from './geo.js';

/**
 * Valve's backbone round trip over the fibre bound: the median over the published pairs that are
 * more than 500 km apart (the 140 such pairs of the built-in revision, with its corrected
 * coordinates, give 1.96; a spec recomputes it).
 */
export const BACKBONE_ROUTE_FACTOR = 1.96;

/**
 * The full backbone of `pops` from the published round trips `listed` (`listed[i * n + j]`, NaN
 * where not published, symmetric): whole ms, 0 on the diagonal, and which pairs are published.
 */
export function fillBackbone(
  pops: readonly LatLon[],
  listed: Float64Array,
): { backbone: Int32Array; published: Uint8Array } {
  const n = pops.length;
  // Shortest paths over the published pairs (Floyd–Warshall; n is at most a few hundred).
  const path = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    path[i * n + i] = 0;
    for (let j = 0; j < n; j++) {
      const ms = listed[i * n + j]!;
      if (!Number.isNaN(ms) && i !== j) path[i * n + j] = ms;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const ik = path[i * n + k]!;
      if (ik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const through = ik + path[k * n + j]!;
        if (through < path[i * n + j]!) path[i * n + j] = through;
      }
    }
  }
  const backbone = new Int32Array(n * n);
  const published = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ms = listed[i * n + j]!;
      let value: number;
      if (!Number.isNaN(ms)) {
        value = Math.round(ms);
        published[i * n + j] = 1;
        published[j * n + i] = 1;
      } else {
        const fibre = fiberBoundRttMs(pops[i]!, pops[j]!);
        const modelled = Math.min(BACKBONE_ROUTE_FACTOR * fibre, path[i * n + j]!);
        value = Math.max(Math.ceil(fibre), Math.round(modelled));
      }
      backbone[i * n + j] = value;
      backbone[j * n + i] = value;
    }
  }
  return { backbone, published };
}
