/** Sizes for the smoke runs of the benchmarks: one round, one short timed call. */
import path from 'node:path';

import { type MeasureOptions } from '../harness/measure.js';
import { STEAM_DOUBLE_SOURCE } from '../fixtures/steam-double.js';

/** One round of at least one timed call, no warm-up. */
export const TINY_MEASURE: MeasureOptions = Object.freeze({
  rounds: 1,
  timeMs: 1,
  warmupMs: 0,
  minIterations: 1,
});

/** The Steam double's source, from a spec file two folders below `bench/`. */
export function steamDoubleSourceFrom(specDirectory: string): string {
  return path.resolve(specDirectory, '..', '..', '..', STEAM_DOUBLE_SOURCE);
}
