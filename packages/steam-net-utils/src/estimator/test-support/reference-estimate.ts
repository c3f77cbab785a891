/**
 * A brute-force reference for estimates, written from the definition rather than from the kernels:
 *
 *   estimate(A, B) = min over entries p of A, q of B of  route(p) + backbone(p, q) + route(q)
 *
 * where an entry's route is its via ms when it has a via part, else its direct ms; the backbone
 * comes from `network.backboneMs` (aliases resolve to their POP); and a POP the network does not
 * know meets only an entry naming the very same code (backbone 0), nothing else.
 */
import { NETWORKING_PING_FAILED } from '../../constants/networking-ping.js';
import { type PingLocation, type PingLocationEntry } from '../ping-location.js';
import { type RelayNetwork } from '../relay-network.js';

/** An entry's route, read from its parts (not from `routeMs`). */
export function routeOf(entry: PingLocationEntry): number {
  if (entry.via !== undefined) return entry.via.ms;
  if (entry.direct !== undefined) return entry.direct.ms;
  throw new Error(`entry '${entry.code}' has no route`);
}

/** The backbone between two entries' POPs, or undefined when they cannot meet. */
export function referenceBackboneMs(
  network: RelayNetwork,
  codeA: string,
  codeB: string,
): number | undefined {
  const known = network.backboneMs(codeA, codeB);
  if (known !== undefined) return known;
  const unknownA = network.pop(codeA) === undefined;
  const unknownB = network.pop(codeB) === undefined;
  return unknownA && unknownB && codeA === codeB ? 0 : undefined;
}

/** The estimate by brute force over every pair of entries; -1 when no pair meets. */
export function referenceEstimate(a: PingLocation, b: PingLocation, network: RelayNetwork): number {
  let best = Infinity;
  for (const p of a.entries()) {
    for (const q of b.entries()) {
      const backbone = referenceBackboneMs(network, p.code, q.code);
      if (backbone === undefined) continue;
      best = Math.min(best, routeOf(p) + backbone + routeOf(q));
    }
  }
  return best === Infinity ? NETWORKING_PING_FAILED : best;
}
