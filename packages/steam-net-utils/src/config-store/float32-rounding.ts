/**
 * Correct rounding to IEEE 754 single precision of exact values (integers of any size and
 * fractions of them), which is what C's `(float)int64` and `strtof` do. Going through a double
 * first (`Math.fround(Number(x))`) is not the same: the first rounding can land exactly halfway
 * between two floats and the second then picks the wrong one.
 */

/** The largest finite float32, (2 - 2^-23) * 2^127. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Bits of precision of a float32 significand, the hidden bit included. */
const SIGNIFICAND_BITS = 24;
/** Exponent of the smallest normal float32 (2^-126). */
const MIN_NORMAL_EXPONENT = -126;
/** Exponent of the largest finite float32. */
const MAX_EXPONENT = 127;

/** The number of bits of `value` (> 0n). */
export function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/**
 * The float32 nearest to `numerator / denominator` (ties to even), negated when `negative`;
 * `±Infinity` when that is beyond {@link FLOAT32_MAX} after rounding, `±0` when it rounds to zero.
 * Subnormal results are rounded at their own (coarser) precision, as IEEE 754 requires.
 * Throws RangeError if `numerator` is negative or `denominator` is not positive.
 */
export function roundRationalToFloat32(
  negative: boolean,
  numerator: bigint,
  denominator: bigint,
): number {
  if (numerator < 0n || denominator <= 0n) {
    throw new RangeError(
      `roundRationalToFloat32: expected numerator >= 0 and denominator > 0, got ${numerator} / ${denominator}.`,
    );
  }
  const sign = negative ? -1 : 1;
  if (numerator === 0n) return sign * 0;

  // The binary exponent k of the value: 2^k <= numerator / denominator < 2^(k+1).
  let exponent = bitLength(numerator) - bitLength(denominator);
  const belowPowerOfTwo =
    exponent >= 0
      ? numerator < denominator << BigInt(exponent)
      : numerator << BigInt(-exponent) < denominator;
  if (belowPowerOfTwo) exponent--;
  if (exponent > MAX_EXPONENT) return sign * Infinity;

  // The weight of the last significand bit: 24 bits below the leading one for normal numbers,
  // fixed at 2^-149 for subnormals.
  const ulpExponent = Math.max(exponent, MIN_NORMAL_EXPONENT) - (SIGNIFICAND_BITS - 1);
  const scaledNumerator = ulpExponent <= 0 ? numerator << BigInt(-ulpExponent) : numerator;
  const scaledDenominator = ulpExponent <= 0 ? denominator : denominator << BigInt(ulpExponent);
  let units = scaledNumerator / scaledDenominator;
  const twiceRemainder = (scaledNumerator % scaledDenominator) * 2n;
  if (
    twiceRemainder > scaledDenominator ||
    (twiceRemainder === scaledDenominator && (units & 1n) === 1n)
  ) {
    units += 1n;
  }
  // units <= 2^24, so both factors and the product are exact doubles.
  const magnitude = Number(units) * 2 ** ulpExponent;
  return sign * (magnitude > FLOAT32_MAX ? Infinity : magnitude);
}

/** The float32 nearest to the integer `value` (ties to even), as C's `(float)` cast of an int64. */
export function bigintToFloat32(value: bigint): number {
  return value < 0n
    ? roundRationalToFloat32(true, -value, 1n)
    : roundRationalToFloat32(false, value, 1n);
}
