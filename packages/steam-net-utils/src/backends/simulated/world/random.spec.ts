import { hashLabel, mix32, SeededRandom } from './random.js';
import { WorldRangeError } from './world-errors.js';

function draws(random: SeededRandom, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(new SeededRandom(42), 20)).toEqual(draws(new SeededRandom(42), 20));
    expect(draws(new SeededRandom('world'), 20)).toEqual(draws(new SeededRandom('world'), 20));
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(new SeededRandom(1), 5)).not.toEqual(draws(new SeededRandom(2), 5));
    expect(draws(new SeededRandom('a'), 5)).not.toEqual(draws(new SeededRandom('b'), 5));
    expect(draws(new SeededRandom(2 ** 40), 5)).not.toEqual(draws(new SeededRandom(0), 5));
  });

  it('derives a fork from the seed and label only, not from draws already made', () => {
    const fresh = new SeededRandom(7);
    const used = new SeededRandom(7);
    draws(used, 100);
    expect(draws(used.fork('probe'), 10)).toEqual(draws(fresh.fork('probe'), 10));
  });

  it('gives different forks for different labels, and forks unlike the parent', () => {
    const root = new SeededRandom(7);
    expect(draws(root.fork('a'), 5)).not.toEqual(draws(root.fork('b'), 5));
    expect(draws(root.fork('a'), 5)).not.toEqual(draws(new SeededRandom(7), 5));
  });

  it('draws floats in [0, 1) with a mean near 1/2', () => {
    const random = new SeededRandom(3);
    const values = Array.from({ length: 20000 }, () => random.nextFloat());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const sum = values.reduce((a, b) => a + b, 0);
    expect(sum / 20000).toBeGreaterThan(0.49);
    expect(sum / 20000).toBeLessThan(0.51);
  });

  it('draws integers in [0, n) covering every value about equally', () => {
    const random = new SeededRandom(5);
    const counts = new Array<number>(7).fill(0);
    let nonIntegers = 0;
    for (let i = 0; i < 70000; i++) {
      const value = random.nextInt(7);
      if (!Number.isInteger(value)) nonIntegers++;
      counts[value]! += 1;
    }
    expect(nonIntegers).toBe(0);
    for (const count of counts) {
      expect(count).toBeGreaterThan(9500);
      expect(count).toBeLessThan(10500);
    }
  });

  it('rejects a bound that is not an integer in [1, 2^32]', () => {
    const random = new SeededRandom(5);
    expect(() => random.nextInt(0)).toThrow(RangeError);
    expect(() => random.nextInt(2.5)).toThrow(WorldRangeError);
    expect(() => random.nextInt(2 ** 32 + 1)).toThrow(/nextInt/);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => new SeededRandom(1.5)).toThrow(RangeError);
    expect(() => new SeededRandom(Number.NaN)).toThrow(/seed/);
  });

  it('samples normal values with the requested mean and standard deviation', () => {
    const random = new SeededRandom(11);
    const values = Array.from({ length: 20000 }, () => random.nextNormal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(mean).toBeGreaterThan(9.95);
    expect(mean).toBeLessThan(10.05);
    expect(Math.sqrt(variance)).toBeGreaterThan(1.95);
    expect(Math.sqrt(variance)).toBeLessThan(2.05);
  });

  it('samples non-negative exponential values with the requested mean', () => {
    const random = new SeededRandom(13);
    const values = Array.from({ length: 20000 }, () => random.nextExponential(4));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(3.9);
    expect(mean).toBeLessThan(4.1);
  });

  it('returns true from chance(p) about p of the time', () => {
    const random = new SeededRandom(17);
    let hits = 0;
    for (let i = 0; i < 20000; i++) if (random.chance(0.25)) hits++;
    expect(hits / 20000).toBeGreaterThan(0.24);
    expect(hits / 20000).toBeLessThan(0.26);
  });
});

describe('hash helpers', () => {
  it('mix32 avalanches: one flipped input bit changes about half the output bits', () => {
    let changed = 0;
    for (let bit = 0; bit < 32; bit++) {
      const difference = (mix32(0x12345678) ^ mix32(0x12345678 ^ (1 << bit))) >>> 0;
      changed += difference
        .toString(2)
        .split('')
        .filter((c) => c === '1').length;
    }
    expect(changed / 32).toBeGreaterThan(12);
    expect(changed / 32).toBeLessThan(20);
  });

  it('hashLabel gives unsigned 32-bit values that differ for different labels', () => {
    expect(hashLabel('fra')).not.toBe(hashLabel('fra2'));
    expect(hashLabel('')).toBeGreaterThanOrEqual(0);
    expect(hashLabel('x')).toBeLessThan(2 ** 32);
  });
});
