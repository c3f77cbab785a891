/**
 * Where benchmarked listeners and loops put their results, so the optimizer cannot drop the work
 * as dead code. Reading {@link sink} at the end also proves the work ran.
 */
export const sink = { total: 0 };
