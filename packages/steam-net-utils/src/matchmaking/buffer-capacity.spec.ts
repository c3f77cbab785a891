import { resizedCapacity } from './buffer-capacity.js';

describe('resizedCapacity', () => {
  it.each([
    [5, 0, 8],
    [8, 0, 8],
    [9, 8, 16],
    [1000, 1024, undefined],
    [128, 1024, undefined],
    [127, 1024, 128],
    [0, 16, 0],
    [0, 0, undefined],
  ])('%p rows in a capacity of %p: %p', (count, capacity, expected) => {
    expect(resizedCapacity(count, capacity)).toBe(expected);
  });
});
