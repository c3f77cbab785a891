/**
 * The plain sort the ranking rows compare with: `Float64Array.prototype.sort` (numeric, no
 * comparator) of `count` seeded random doubles in [0, 1), on a fresh copy every call, so every
 * call sorts unsorted data (the copy is part of the baseline's time: a memcpy, small beside the
 * sort).
 */
import { SeededStream } from './random.js';

/** A function that sorts a fresh copy of the same `count` random doubles and returns its median. */
export function freshCopySort(count: number, seed: number): () => number {
  const random = new SeededStream(seed);
  const doubles = Float64Array.from({ length: count }, () => random.next());
  const middle = count >> 1;
  return () => {
    const copy = doubles.slice();
    copy.sort();
    return copy[middle]!;
  };
}
