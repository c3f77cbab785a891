/**
 * What `sscanf(text, "%d" | "%lld" | "%f", &x) == 1` reads, in the C locale: Steam converts a
 * string argument into a number config value that way.
 *
 * Common to all three: leading white space (space, \t, \n, \v, \f, \r) is skipped, an optional
 * sign is read, then the longest run that forms a number; whatever follows is ignored
 * (`"12abc"` reads 12). Nothing that forms a number (`""`, `"abc"`, `"-"`, `"+ 5"`) is a failure.
 *
 * Where C leaves the result undefined or C libraries differ, this does what glibc does on 64-bit
 * Linux (checked against it; Windows' C runtime may differ in these corners):
 * - `%d` reads a 64-bit `long` (saturating at its range) and keeps its low 32 bits, so
 *   `"2147483648"` reads -2147483648 and `"99999999999999999999"` reads -1; `%lld` saturates at
 *   the int64 range;
 * - `%f` reads decimal and hexadecimal (`0x1.8p3`) forms correctly rounded to single precision,
 *   `inf`, `infinity` and `nan` in any case. An exponent marker without digits ends the number
 *   before it (`"2e"` and `"1e+x"` read the mantissa). A partial `infinity` (`"infin"`) fails, and
 *   `"0x"` must be followed by a hex digit or a point (`"0x"`, `"0xg"` fail; `"0x."` reads 0).
 */

import { bitLength, roundRationalToFloat32 } from './float32-rounding.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Where the number starts after C white space and whether a minus sign preceded it. */
interface NumberStart {
  readonly index: number;
  readonly negative: boolean;
}

/** C's `isspace` in the C locale. */
function isCSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function skipSpaceAndSign(text: string): NumberStart {
  let index = 0;
  while (index < text.length && isCSpace(text.charCodeAt(index))) index++;
  const sign = text[index];
  if (sign === '+' || sign === '-') return { index: index + 1, negative: sign === '-' };
  return { index, negative: false };
}

/** The signed decimal integer `%d`/`%lld` read, unbounded, or undefined when there are no digits. */
function scanDecimalInteger(text: string): bigint | undefined {
  const { index, negative } = skipSpaceAndSign(text);
  const digits = /^[0-9]+/.exec(text.slice(index))?.[0];
  if (digits === undefined) return undefined;
  const magnitude = BigInt(digits);
  return negative ? -magnitude : magnitude;
}

/**
 * What `sscanf(text, "%d", &x)` stores in `x` when it returns 1, or undefined when it does not
 * (no digits). Beyond the int32 range: the low 32 bits of the value saturated to the int64 range,
 * as glibc gives it. Never throws.
 */
export function scanInt32(text: string): number | undefined {
  const value = scanInt64(text);
  return value === undefined ? undefined : Number(BigInt.asIntN(32, value));
}

/**
 * What `sscanf(text, "%lld", &x)` stores in `x` when it returns 1, or undefined when it does not
 * (no digits). Values beyond the int64 range saturate to it. Never throws.
 */
export function scanInt64(text: string): bigint | undefined {
  const value = scanDecimalInteger(text);
  if (value === undefined) return undefined;
  if (value < INT64_MIN) return INT64_MIN;
  if (value > INT64_MAX) return INT64_MAX;
  return value;
}

/** An exponent's digits as a number; beyond 10^9 the value is ±Infinity or 0 anyway. */
function exponentValue(digits: string | undefined): number {
  if (digits === undefined) return 0;
  const negative = digits.startsWith('-');
  const magnitude = digits.replace(/^[+-]/, '').replace(/^0+/, '');
  const value = magnitude.length > 9 ? 1e9 : Number(magnitude || '0');
  return negative ? -value : value;
}

const DECIMAL_FLOAT = /^(?:([0-9]+)(?:\.([0-9]*))?|\.([0-9]+))(?:[eE]([+-]?[0-9]+))?/;
/** After `0x` there must be a hex digit or a point; then digits on either side are optional. */
const HEX_FLOAT = /^0[xX](?=[0-9a-fA-F.])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?/;
const HEX_PREFIX = /^0[xX]/;
const INFINITY = /^inf(inity)?/i;
const NOT_A_NUMBER = /^nan/i;

/**
 * Decimal digits times 10^exponent, as a float32. Magnitudes far outside the float32 range are
 * decided without big arithmetic: a value of 10^39 or more overflows, one below 10^-46 is less
 * than half the smallest subnormal (2^-149 ≈ 1.4e-45) and rounds to zero.
 */
function decimalToFloat32(negative: boolean, digits: string, exponent: number): number {
  const significant = digits.replace(/^0+/, '');
  if (significant === '') return negative ? -0 : 0;
  const leadingPower = significant.length - 1 + exponent;
  if (leadingPower >= 39) return negative ? -Infinity : Infinity;
  if (leadingPower <= -47) return negative ? -0 : 0;
  const mantissa = BigInt(significant);
  return exponent >= 0
    ? roundRationalToFloat32(negative, mantissa * 10n ** BigInt(exponent), 1n)
    : roundRationalToFloat32(negative, mantissa, 10n ** BigInt(-exponent));
}

/** Hex digits times 2^exponent, as a float32 (same shortcuts as the decimal form). */
function hexToFloat32(negative: boolean, digits: string, exponent: number): number {
  const significant = digits.replace(/^0+/, '');
  if (significant === '') return negative ? -0 : 0;
  const mantissa = BigInt(`0x${significant}`);
  const leadingBit = bitLength(mantissa) - 1 + exponent;
  if (leadingBit >= 128) return negative ? -Infinity : Infinity;
  if (leadingBit < -151) return negative ? -0 : 0;
  return exponent >= 0
    ? roundRationalToFloat32(negative, mantissa << BigInt(exponent), 1n)
    : roundRationalToFloat32(negative, mantissa, 1n << BigInt(-exponent));
}

/**
 * What `sscanf(text, "%f", &x)` stores in the float `x` when it returns 1, or undefined when it
 * does not (nothing that forms a number). The result is the float32 nearest to the exact value
 * read (ties to even), ±Infinity beyond the float32 range, NaN for `nan`. Never throws.
 */
export function scanFloat32(text: string): number | undefined {
  const { index, negative } = skipSpaceAndSign(text);
  const rest = text.slice(index);
  const infinity = INFINITY.exec(rest);
  if (infinity) {
    // glibc commits to "infinity" once an 'i' follows "inf": "infin" is a failure.
    if (infinity[1] === undefined && /^i/i.test(rest.slice(3))) return undefined;
    return negative ? -Infinity : Infinity;
  }
  // Whatever follows "nan" (glibc does not read a "(chars)" suffix) is left unread.
  if (NOT_A_NUMBER.test(rest)) return NaN;
  if (HEX_PREFIX.test(rest)) {
    const hex = HEX_FLOAT.exec(rest);
    if (!hex) return undefined;
    const whole = hex[1] ?? '';
    const fraction = hex[2] ?? '';
    return hexToFloat32(negative, whole + fraction, exponentValue(hex[3]) - 4 * fraction.length);
  }
  const decimal = DECIMAL_FLOAT.exec(rest);
  if (!decimal) return undefined;
  const whole = decimal[1] ?? '';
  const fraction = decimal[2] ?? decimal[3] ?? '';
  return decimalToFloat32(negative, whole + fraction, exponentValue(decimal[4]) - fraction.length);
}
