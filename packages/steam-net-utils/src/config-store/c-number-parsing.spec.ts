import { scanFloat32, scanInt32, scanInt64 } from './c-number-parsing.js';
import { FLOAT32_MAX } from './float32-rounding.js';

// Expected values are what glibc's sscanf gives for the same text on 64-bit Linux.

describe('scanInt32 (sscanf "%d")', () => {
  it.each<[string, number | undefined]>([
    ['42', 42],
    ['  \t\n\v\f\r-7', -7],
    ['+5', 5],
    ['007', 7],
    ['12abc', 12],
    ['3.9', 3],
    ['0x10', 0],
    ['abc', undefined],
    ['', undefined],
    ['-', undefined],
    ['+ 5', undefined],
    ['- 1', undefined],
    ['\u00a05', undefined], // no-break space is not C white space
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
  ])('reads %j as %p', (text, expected) => {
    expect(scanInt32(text)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2147483648', -2147483648],
    ['4294967295', -1],
    ['4294967296', 0],
    ['-2147483649', 2147483647],
    ['-99999999999', -1215752191],
    ['99999999999999999999', -1], // saturates at the int64 maximum first, whose low 32 bits are -1
    ['-99999999999999999999', 0],
  ])('keeps the low 32 bits of the out-of-range %j, as glibc does: %p', (text, expected) => {
    expect(scanInt32(text)).toBe(expected);
  });
});

describe('scanInt64 (sscanf "%lld")', () => {
  it.each<[string, bigint | undefined]>([
    [' 123x', 123n],
    ['-99999999999', -99999999999n],
    ['9223372036854775807', 9223372036854775807n],
    ['9223372036854775808', 9223372036854775807n],
    ['99999999999999999999', 9223372036854775807n],
    ['-9223372036854775809', -9223372036854775808n],
    ['x1', undefined],
    ['', undefined],
  ])('reads %j as %p', (text, expected) => {
    expect(scanInt64(text)).toBe(expected);
  });
});

describe('scanFloat32 (sscanf "%f")', () => {
  it.each<[string, number | undefined]>([
    ['1.5', 1.5],
    [' -2.25e2xyz', -225],
    ['.5', 0.5],
    ['  +.5', 0.5],
    ['5.', 5],
    ['1.e5', 100000],
    ['12abc', 12],
    ['1.2.3', Math.fround(1.2)],
    ['0.1', Math.fround(0.1)],
    ['3.9', Math.fround(3.9)],
    ['-0', -0],
    ['1e', 1],
    ['1e-', 1],
    ['1e+x', 1],
    ['2ex', 2],
    ['1.5e', 1.5],
    ['0.0000000000000000000000000000000000000000000000000000001e55', 1],
  ])('reads the decimal form %j as %p', (text, expected) => {
    expect(scanFloat32(text)).toBe(expected);
  });

  it.each<[string, number | undefined]>([
    ['0x1.8p1', 3],
    ['0X1', 1],
    ['0x1P-2', 0.25],
    ['0x.8', 0.5],
    ['0x1.', 1],
    ['0x1p', 1],
    ['0x1p+', 1],
    ['0x.', 0],
    ['-0x.', -0],
    ['0x.g', 0],
    ['00x1', 0],
    ['0x1.fffffep127', FLOAT32_MAX],
    ['0x1.ffffffp127', Infinity],
    ['0x1p-1074', 0],
    ['0x', undefined],
    ['-0x', undefined],
    ['0xg', undefined],
    ['0xp1', undefined],
  ])('reads the hexadecimal form %j as %p', (text, expected) => {
    expect(scanFloat32(text)).toBe(expected);
  });

  it.each<[string, number | undefined]>([
    ['inf', Infinity],
    ['-INFINITY', -Infinity],
    ['INFINITYx', Infinity],
    ['infx', Infinity],
    ['inf(', Infinity],
    ['infi', undefined],
    ['infin', undefined],
    ['INFINITE', undefined],
    ['nan', NaN],
    ['+nan', NaN],
    ['nAn', NaN],
    ['NaN(123)', NaN],
    ['nanx', NaN],
  ])('reads the special form %j as %p', (text, expected) => {
    expect(scanFloat32(text)).toBe(expected);
  });

  it.each<[string]>([[''], ['.'], ['-.'], ['.e1'], ['e5'], ['abc'], ['- 1'], ['\u00a01']])(
    'fails on %j, which holds no number',
    (text) => {
      expect(scanFloat32(text)).toBeUndefined();
    },
  );

  it.each<[string, number]>([
    ['1e39', Infinity],
    ['3.4028235e38', FLOAT32_MAX],
    ['3.4028236e38', Infinity],
    ['-1e999999999999', -Infinity],
    ['1e-46', 0],
    ['1e-45', 2 ** -149],
    ['7.006492321624085e-46', 0], // just below half the smallest subnormal
    ['7.006492321624086e-46', 2 ** -149], // just above it
    ['0e999999999', 0],
    ['-1e-999999999', -0],
    ['1e-5000', 0],
  ])('rounds %j at the edges of the float range to %p', (text, expected) => {
    expect(scanFloat32(text)).toBe(expected);
  });

  it('rounds the exact decimal once, not through a double first', () => {
    // 1 + 2^-24 (halfway between two floats) plus about 6e-19: the nearest double is the halfway
    // point itself, which would then round down to 1; the exact value is above it and rounds up.
    const text = '1.000000059604644776';
    expect(Math.fround(Number.parseFloat(text))).toBe(1);
    expect(scanFloat32(text)).toBe(1 + 2 ** -23);
  });
});
