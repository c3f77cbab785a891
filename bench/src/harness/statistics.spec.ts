import { median, medianRatio } from './statistics.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses no values and values that are not finite', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, NaN])).toThrow(/finite/);
  });
});

describe('medianRatio', () => {
  it('pairs the figures of each round before taking the median', () => {
    // Per-round ratios 2, 3 and 10: the median is 3, not median(subject) / median(baseline) = 4.
    expect(medianRatio([2, 6, 40], [1, 2, 4])).toBe(3);
  });

  it('refuses rounds that do not pair up and baselines that are not positive', () => {
    expect(() => medianRatio([1, 2], [1])).toThrow(/same rounds/);
    expect(() => medianRatio([1], [0])).toThrow(RangeError);
  });
});
