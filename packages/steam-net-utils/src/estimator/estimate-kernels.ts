/**
 * The arithmetic of every estimate between ping locations, in one place: the estimator, its lobby
 * ranking and the simulated relay network all call these kernels.
 *
 *   estimate(A, B) = min over entries p of A, q of B of  routeA[p] + backbone(p, q) + routeB[q]
 *
 * with p = q allowed (both hosts meet at one POP, backbone 0). Entries whose POP the network does
 * not know are left out, except that two such entries naming the same POP still meet there
 * (backbone 0: {@link sharedUnknownRouteMs}). The kernels read indexed copies (location-record.ts)
 * that the network has written; they allocate nothing and never throw.
 */
import {
  HOT_ENTRIES,
  HOT_HEADER,
  hotCount,
  hotIndex,
  hotRoute,
  hotUnknownCount,
  RECORD_POP,
} from './location-record.js';

/**
 * The best relayed round trip between the indexed copies at `a[aBase]` and `b[bBase]` over
 * `backbone` (`size × size`), ms; Infinity when they share no route through a POP the network
 * knows.
 */
export function relayedRouteMs(
  backbone: Int32Array,
  size: number,
  a: Int32Array,
  aBase: number,
  b: Int32Array,
  bBase: number,
): number {
  const countA = hotCount(a[aBase + HOT_HEADER]!);
  const countB = hotCount(b[bBase + HOT_HEADER]!);
  if (countA === 0 || countB === 0) return Infinity;
  const entriesA = aBase + HOT_ENTRIES;
  const entriesB = bBase + HOT_ENTRIES;
  const nearestB = hotRoute(b[entriesB]!);
  let best = Infinity;
  // Routes ascend and every backbone term is ≥ 0, so once routeA + routeB alone reaches the best
  // total, no later entry of either side can improve it.
  for (let p = 0; p < countA; p++) {
    const entryA = a[entriesA + p]!;
    const toA = hotRoute(entryA);
    if (toA + nearestB >= best) break;
    const indexA = hotIndex(entryA);
    if (indexA < 0) continue;
    const row = indexA * size;
    for (let q = 0; q < countB; q++) {
      const entryB = b[entriesB + q]!;
      const toB = hotRoute(entryB);
      if (toA + toB >= best) break;
      const indexB = hotIndex(entryB);
      if (indexB < 0) continue;
      const total = toA + backbone[row + indexB]! + toB;
      if (total < best) best = total;
    }
  }
  return best;
}

/** True when both indexed copies name a POP their network lacks (then call the next kernel). */
export function bothNameUnknownPops(
  a: Int32Array,
  aBase: number,
  b: Int32Array,
  bBase: number,
): boolean {
  return hotUnknownCount(a[aBase + HOT_HEADER]!) > 0 && hotUnknownCount(b[bBase + HOT_HEADER]!) > 0;
}

/**
 * The best round trip through a POP that both locations name but the network does not know
 * (`sof` in two old strings): routeA + routeB; Infinity when there is none. Reads the indexed
 * copies for which entries are unknown, and the records (`recordA[recordABase]`, ...) for their
 * POP ids.
 */
export function sharedUnknownRouteMs(
  a: Int32Array,
  aBase: number,
  recordA: Int32Array,
  recordABase: number,
  b: Int32Array,
  bBase: number,
  recordB: Int32Array,
  recordBBase: number,
): number {
  let best = Infinity;
  const countA = hotCount(a[aBase + HOT_HEADER]!);
  const countB = hotCount(b[bBase + HOT_HEADER]!);
  for (let p = 0; p < countA; p++) {
    const entryA = a[aBase + HOT_ENTRIES + p]!;
    if (hotIndex(entryA) >= 0) continue;
    const pop = recordA[recordABase + RECORD_POP + p]!;
    for (let q = 0; q < countB; q++) {
      const entryB = b[bBase + HOT_ENTRIES + q]!;
      if (hotIndex(entryB) >= 0 || recordB[recordBBase + RECORD_POP + q] !== pop) continue;
      const total = hotRoute(entryA) + hotRoute(entryB);
      if (total < best) best = total;
    }
  }
  return best;
}

/**
 * Lowers `field[x]` to `routeMs + backbone(index, x)` wherever that is smaller, for every POP x:
 * one entry's part of a distance field, `field[x] = min over entries p of route[p] +
 * backbone(p, x)`. With a field, an estimate to any location is {@link routeByField}: one step
 * per entry instead of one per pair, and the same minimum (addition is monotonic).
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

/** Writes the distance field of the indexed copy at `a[aBase]` into `field` ({@link relaxField}). */
export function fillField(
  field: Float64Array,
  backbone: Int32Array,
  size: number,
  a: Int32Array,
  aBase: number,
): void {
  field.fill(Infinity, 0, size);
  const count = hotCount(a[aBase + HOT_HEADER]!);
  for (let p = 0; p < count; p++) {
    const entry = a[aBase + HOT_ENTRIES + p]!;
    const index = hotIndex(entry);
    if (index >= 0) relaxField(field, backbone, size, index, hotRoute(entry));
  }
}

/**
 * The best round trip from a field's owner to the indexed copy at `b[bBase]`: min over its
 * entries q of field[q] + routeB[q], ms; Infinity when none. (Shared unknown POPs are the
 * caller's.)
 */
export function routeByField(field: Float64Array, b: Int32Array, bBase: number): number {
  const count = hotCount(b[bBase + HOT_HEADER]!);
  let best = Infinity;
  for (let q = 0; q < count; q++) {
    const entry = b[bBase + HOT_ENTRIES + q]!;
    const index = hotIndex(entry);
    if (index < 0) continue;
    const total = field[index]! + hotRoute(entry);
    if (total < best) best = total;
  }
  return best;
}
