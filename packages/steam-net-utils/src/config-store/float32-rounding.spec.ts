import fc from 'fast-check';

import {
  bigintToFloat32,
  bitLength,
  FLOAT32_MAX,
  roundRationalToFloat32,
} from './float32-rounding.js';

/** The exact value of a finite double as numerator / denominator (test oracle input). */
function exactFractionOf(value: number): {
  negative: boolean;
  numerator: bigint;
  denominator: bigint;
} {
  const negative = value < 0 || Object.is(value, -0);
  let magnitude = Math.abs(value);
  let denominator = 1n;
  // Doubling a finite double is exact until it is an integer (at most 1074 + 52 steps).
  while (!Number.isInteger(magnitude)) {
    magnitude *= 2;
    denominator *= 2n;
  }
  return { negative, numerator: BigInt(magnitude), denominator };
}

describe('roundRationalToFloat32', () => {
  it('gives the float of an exact float32 value unchanged', () => {
    expect(roundRationalToFloat32(false, 3n, 2n)).toBe(1.5);
    expect(roundRationalToFloat32(true, 1n, 4n)).toBe(-0.25);
  });

  it('rounds halfway values to the even neighbour', () => {
    expect(roundRationalToFloat32(false, 2n ** 24n + 1n, 1n)).toBe(2 ** 24);
    expect(roundRationalToFloat32(false, 2n ** 24n + 3n, 1n)).toBe(2 ** 24 + 4);
  });

  it('gives signed zeros for zero', () => {
    expect(Object.is(roundRationalToFloat32(false, 0n, 7n), 0)).toBe(true);
    expect(Object.is(roundRationalToFloat32(true, 0n, 7n), -0)).toBe(true);
  });

  it('overflows to infinity exactly from the halfway point above the largest float', () => {
    // FLOAT32_MAX = (2^24 - 1) * 2^104; the next step would be 2^128, halfway is 2^128 - 2^103.
    const halfway = 2n ** 128n - 2n ** 103n;
    expect(roundRationalToFloat32(false, halfway - 1n, 1n)).toBe(FLOAT32_MAX);
    expect(roundRationalToFloat32(false, halfway, 1n)).toBe(Infinity);
    expect(roundRationalToFloat32(true, 2n ** 200n, 1n)).toBe(-Infinity);
  });

  it('rounds subnormals at their own precision', () => {
    expect(roundRationalToFloat32(false, 1n, 2n ** 149n)).toBe(2 ** -149);
    expect(roundRationalToFloat32(false, 1n, 2n ** 150n)).toBe(0); // halfway: to even (zero)
    expect(roundRationalToFloat32(false, 3n, 2n ** 151n)).toBe(2 ** -149);
    expect(roundRationalToFloat32(false, 3n, 2n ** 149n)).toBe(3 * 2 ** -149);
  });

  it('throws RangeError for a negative numerator or a non-positive denominator', () => {
    expect(() => roundRationalToFloat32(false, -1n, 1n)).toThrow(RangeError);
    expect(() => roundRationalToFloat32(false, 1n, 0n)).toThrow(RangeError);
  });

  it('agrees with Math.fround on the exact value of any double (one rounding either way)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const { negative, numerator, denominator } = exactFractionOf(value);
        expect(roundRationalToFloat32(negative, numerator, denominator)).toBe(Math.fround(value));
      }),
    );
  });
});

describe('bigintToFloat32', () => {
  it('rounds an int64 directly, where going through a double would round twice', () => {
    const value = 2n ** 60n + 2n ** 36n + 1n; // just above halfway between two floats
    expect(Math.fround(Number(value))).toBe(2 ** 60); // the double lands on halfway, then ties to even
    expect(bigintToFloat32(value)).toBe(2 ** 60 + 2 ** 37);
    expect(bigintToFloat32(-value)).toBe(-(2 ** 60 + 2 ** 37));
  });

  it('agrees with Math.fround for integers a double holds exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }), (value) => {
        expect(bigintToFloat32(value)).toBe(Math.fround(Number(value)));
      }),
    );
  });
});

describe('bitLength', () => {
  it('counts the bits of a positive bigint', () => {
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(256n)).toBe(9);
  });
});
