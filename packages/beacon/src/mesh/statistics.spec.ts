import { quantile, rounded } from './statistics.js';

describe('quantile (linear between the closest ranks)', () => {
  it('gives the median of odd and even counts', () => {
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([1, 2, 9], 0.5)).toBe(2);
    expect(quantile([1, 2, 4, 9], 0.5)).toBe(3);
  });

  it('interpolates the 90th percentile and keeps the ends', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(ten, 0.9)).toBeCloseTo(9.1, 10);
    expect(quantile(ten, 0)).toBe(1);
    expect(quantile(ten, 1)).toBe(10);
  });

  it('is robust to an outlier: one spike moves the median by at most one rank', () => {
    const steady = Array.from({ length: 59 }, () => 20);
    expect(
      quantile(
        [...steady, 900].sort((x, y) => x - y),
        0.5,
      ),
    ).toBe(20);
  });

  it('rounds to a number of decimals', () => {
    expect([rounded(160.649, 1), rounded(0.12345, 3), rounded(2.5, 0)]).toEqual([160.6, 0.123, 3]);
  });
});
