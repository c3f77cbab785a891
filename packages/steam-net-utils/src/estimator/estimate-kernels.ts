/**
 * The arithmetic of every estimate between ping locations, in one place: the estimator, the lobby
 * ranking and the simulated relay network all call these kernels.
 *
 *   estimate(A, B) = min over entries p of A, q of B of  routeA[p] + backbone(p, q) + routeB[q]
 *
 * with p = q allowed (both hosts meet at one POP, backbone 0). Entries whose POP the network does
 * not know are left out, except that two such entries naming the same POP still meet there
 * (backbone 0). The kernels read records (location-record.ts) whose RECORD_INDEX the network has
 * written; they allocate nothing and never throw.
 */
import {
  RECORD_COUNT,
  RECORD_INDEX,
  RECORD_POP,
  RECORD_ROUTE,
  RECORD_UNKNOWN,
} from './location-record.js';

/**
 * The best relayed round trip between the records at `a[aBase]` and `b[bBase]` over `backbone`
 * (`size × size`), ms; Infinity when they share no route.
 */
export function relayedRouteMs(
  backbone: Int32Array,
  size: number,
  a: Int32Array,
  aBase: number,
  b: Int32Array,
  bBase: number,
): number {
  const countA = a[aBase + RECORD_COUNT]!;
  const countB = b[bBase + RECORD_COUNT]!;
  if (countA === 0 || countB === 0) return Infinity;
  const routesA = aBase + RECORD_ROUTE;
  const routesB = bBase + RECORD_ROUTE;
  const indicesA = aBase + RECORD_INDEX;
  const indicesB = bBase + RECORD_INDEX;
  const nearestB = b[routesB]!;
  let best = Infinity;
  // Routes ascend and every backbone term is ≥ 0, so once routeA + routeB alone reaches the best
  // total, no later entry of either side can improve it.
  for (let p = 0; p < countA; p++) {
    const toA = a[routesA + p]!;
    if (toA + nearestB >= best) break;
    const indexA = a[indicesA + p]!;
    if (indexA < 0) continue;
    const row = indexA * size;
    for (let q = 0; q < countB; q++) {
      const toB = b[routesB + q]!;
      if (toA + toB >= best) break;
      const indexB = b[indicesB + q]!;
      if (indexB < 0) continue;
      const total = toA + backbone[row + indexB]! + toB;
      if (total < best) best = total;
    }
  }
  if (a[aBase + RECORD_UNKNOWN]! > 0 && b[bBase + RECORD_UNKNOWN]! > 0) {
    const shared = sharedUnknownRouteMs(a, aBase, b, bBase);
    if (shared < best) best = shared;
  }
  return best;
}

/**
 * The best round trip through a POP that both records name but the network does not know
 * (`sof` in two old strings): routeA + routeB; Infinity when there is none.
 */
export function sharedUnknownRouteMs(
  a: Int32Array,
  aBase: number,
  b: Int32Array,
  bBase: number,
): number {
  let best = Infinity;
  const countA = a[aBase + RECORD_COUNT]!;
  const countB = b[bBase + RECORD_COUNT]!;
  for (let p = 0; p < countA; p++) {
    if (a[aBase + RECORD_INDEX + p]! >= 0) continue;
    const pop = a[aBase + RECORD_POP + p]!;
    for (let q = 0; q < countB; q++) {
      if (b[bBase + RECORD_INDEX + q]! >= 0 || b[bBase + RECORD_POP + q] !== pop) continue;
      const total = a[aBase + RECORD_ROUTE + p]! + b[bBase + RECORD_ROUTE + q]!;
      if (total < best) best = total;
    }
  }
  return best;
}

/**
 * Lowers `field[x]` to `routeMs + backbone(index, x)` wherever that is smaller, for every POP x:
 * one entry's part of a distance field, `field[x] = min over entries p of route[p] +
 * backbone(p, x)`. With a field, an estimate to any record is {@link routeByField}: one step per
 * entry instead of one per pair, and the same minimum (addition is monotonic).
 */
export function relaxField(
  field: Float64Array,
  backbone: Int32Array,
  size: number,
  index: number,
  routeMs: number,
): void {
  const row = index * size;
  for (let x = 0; x < size; x++) {
    const total = routeMs + backbone[row + x]!;
    if (total < field[x]!) field[x] = total;
  }
}

/** Writes the distance field of the record at `a[aBase]` into `field` (see {@link relaxField}). */
export function fillFieldFromRecord(
  field: Float64Array,
  backbone: Int32Array,
  size: number,
  a: Int32Array,
  aBase: number,
): void {
  field.fill(Infinity, 0, size);
  const count = a[aBase + RECORD_COUNT]!;
  for (let p = 0; p < count; p++) {
    const index = a[aBase + RECORD_INDEX + p]!;
    if (index >= 0) relaxField(field, backbone, size, index, a[aBase + RECORD_ROUTE + p]!);
  }
}

/**
 * The best round trip from a field's owner to the record at `b[bBase]`: min over its entries q
 * of field[q] + routeB[q], ms; Infinity when none. (Shared unknown POPs are the caller's.)
 */
export function routeByField(field: Float64Array, b: Int32Array, bBase: number): number {
  const count = b[bBase + RECORD_COUNT]!;
  let best = Infinity;
  for (let q = 0; q < count; q++) {
    const index = b[bBase + RECORD_INDEX + q]!;
    if (index < 0) continue;
    const total = field[index]! + b[bBase + RECORD_ROUTE + q]!;
    if (total < best) best = total;
  }
  return best;
}
