/**
 * `printf("%g", x)` in the C locale: how Steam turns a float argument into a string config value.
 */

/** `%g` without a precision means 6 significant digits. */
const PRECISION = 6;

/** A finite positive double as an exact fraction. */
interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The exact value of a finite positive double, read from its bits. */
function exactFraction(value: number): Fraction {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  let significand = bits & ((1n << 52n) - 1n);
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074; // subnormal: no hidden bit
  } else {
    significand |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  return exponent >= 0
    ? { numerator: significand << BigInt(exponent), denominator: 1n }
    : { numerator: significand, denominator: 1n << BigInt(-exponent) };
}

/** numerator / denominator compared with 10^power: negative, zero or positive. */
function compareWithPowerOfTen({ numerator, denominator }: Fraction, power: number): number {
  const left = power >= 0 ? numerator : numerator * 10n ** BigInt(-power);
  const right = power >= 0 ? denominator * 10n ** BigInt(power) : denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * `value` rounded to {@link PRECISION} significant digits (ties to even, on the exact binary
 * value): the digits and the decimal exponent of the first one.
 */
function significantDigits(value: number): { digits: string; exponent: number } {
  const fraction = exactFraction(value);
  // Math.log10 gives the exponent to within one; the exact comparisons settle it.
  let exponent = Math.floor(Math.log10(value));
  while (compareWithPowerOfTen(fraction, exponent) < 0) exponent--;
  while (compareWithPowerOfTen(fraction, exponent + 1) >= 0) exponent++;

  const shift = PRECISION - 1 - exponent;
  const numerator = shift >= 0 ? fraction.numerator * 10n ** BigInt(shift) : fraction.numerator;
  const denominator =
    shift >= 0 ? fraction.denominator : fraction.denominator * 10n ** BigInt(-shift);
  let units = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && (units & 1n) === 1n)) {
    units += 1n;
  }
  // Rounding up 999999.5 gives 1000000: one digit too many, one decade higher.
  if (units === 10n ** BigInt(PRECISION)) {
    units /= 10n;
    exponent++;
  }
  return { digits: units.toString(), exponent };
}

/**
 * The text `printf("%g", value)` writes for the double `value` (a float argument is promoted to
 * the same double): 6 significant digits, the shorter of the `%e` and `%f` styles by C's rule
 * (`%e` when the exponent is below -4 or at least 6), trailing zeros and a trailing decimal point
 * removed, a two-digit minimum exponent (`1e+06`, `1.5e-05`). `inf`, `-inf`, `nan`, and `-0` for
 * negative zero. Halfway cases round to even on the exact binary value, as glibc does (`1234565`
 * gives `1.23456e+06`). Never throws.
 */
export function formatPrintfG(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';

  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = significantDigits(Math.abs(value));
  if (exponent < -4 || exponent >= PRECISION) {
    const fraction = digits.slice(1).replace(/0+$/, '');
    const exponentText = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0] ?? ''}${fraction ? `.${fraction}` : ''}e${exponent < 0 ? '-' : '+'}${exponentText}`;
  }
  const whole = exponent >= 0 ? digits.slice(0, exponent + 1) : '0';
  const fraction = (
    exponent >= 0 ? digits.slice(exponent + 1) : '0'.repeat(-exponent - 1) + digits
  ).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
