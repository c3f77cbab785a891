/** The small statistics the benchmarks report: medians of rounds and ratios between figures. */

/**
 * The median of `values` (the mean of the two middle values for an even count).
 *
 * @throws RangeError when `values` is empty or holds a value that is not a finite number.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values; measure at least one round.');
  for (const value of values) {
    if (!Number.isFinite(value)) {
      throw new RangeError(`median: every value must be a finite number, got ${String(value)}.`);
    }
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median over rounds of `subject[i] / baseline[i]`: each round's ratio pairs figures measured
 * moments apart in the same process, so a drift of the machine's speed between rounds cancels out.
 *
 * @throws RangeError when the two lists differ in length, are empty, or a baseline is not > 0.
 */
export function medianRatio(subject: readonly number[], baseline: readonly number[]): number {
  if (subject.length !== baseline.length) {
    throw new RangeError(
      `medianRatio: ${subject.length} subject rounds but ${baseline.length} baseline rounds; ` +
        'measure both in the same rounds.',
    );
  }
  return median(
    subject.map((value, round) => {
      const base = baseline[round]!;
      if (!(base > 0)) {
        throw new RangeError(`medianRatio: baseline of round ${round} is ${base}, not > 0.`);
      }
      return value / base;
    }),
  );
}
