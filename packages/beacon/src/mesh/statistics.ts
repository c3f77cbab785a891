/**
 * The statistics of round trips: quantiles by linear interpolation between the closest ranks (the
 * usual "type 7" definition: the median of an even count is the mean of the two middle values).
 */

/**
 * The `q` quantile (0 to 1) of `ascending`, a non-empty array sorted in ascending order.
 */
export function quantile(ascending: readonly number[], q: number): number {
  const position = (ascending.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = ascending[below]!;
  return low + (ascending[above]! - low) * (position - below);
}

/** `value` rounded to `decimals` decimal places. */
export function rounded(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
