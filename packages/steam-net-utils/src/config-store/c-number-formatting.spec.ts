import { formatPrintfG } from './c-number-formatting.js';
import { FLOAT32_MAX } from './float32-rounding.js';

// Expected texts are what glibc's printf("%g", (double)f) writes for the same float.

describe('formatPrintfG (printf "%g")', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [-2.5, '-2.5'],
    [0.5, '0.5'],
    [100000, '100000'],
    [Math.fround(0.1), '0.1'],
    [Math.fround(1 / 3), '0.333333'],
    [Math.fround(12345.6789), '12345.7'],
    [Math.fround(123456.7), '123457'],
    [0.0001, '0.0001'],
    [Math.fround(0.000123456), '0.000123456'],
  ])('writes %p in the fixed style as %j', (value, expected) => {
    expect(formatPrintfG(Math.fround(value))).toBe(expected);
  });

  it.each<[number, string]>([
    [1000000, '1e+06'],
    [1234567, '1.23457e+06'],
    [Math.fround(0.00001), '1e-05'],
    [Math.fround(5e-5), '5e-05'],
    [FLOAT32_MAX, '3.40282e+38'],
    [2 ** -149, '1.4013e-45'],
    [1e100, '1e+100'],
  ])('writes %p in the exponent style as %j', (value, expected) => {
    expect(formatPrintfG(value)).toBe(expected);
  });

  it.each<[number, string]>([
    [1234565, '1.23456e+06'],
    [1234575, '1.23458e+06'],
    [999998.5, '999998'],
    [999999.5, '1e+06'],
  ])('rounds the exact halfway value %p to even: %j', (value, expected) => {
    expect(formatPrintfG(value)).toBe(expected);
  });

  it('differs from toPrecision, which rounds halfway values up', () => {
    expect((1234565).toPrecision(6)).toBe('1.23457e+6');
    expect(formatPrintfG(1234565)).toBe('1.23456e+06');
  });

  it.each<[number, string]>([
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('writes %p as %j', (value, expected) => {
    expect(formatPrintfG(value)).toBe(expected);
  });
});
