import { ManualClock, SystemClock } from './clock.js';

describe('ManualClock', () => {
  test('starts at 0 by default, or at the given start', () => {
    expect(new ManualClock().now()).toBe(0);
    expect(new ManualClock(1500).now()).toBe(1500);
  });

  test('moves only when advanced, by exactly the amount given', () => {
    const clock = new ManualClock(10);
    expect(clock.now()).toBe(10);
    clock.advance(16.5);
    clock.advance(0);
    expect(clock.now()).toBe(26.5);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'advance(%p) is refused: a clock cannot go back',
    (ms) => {
      const clock = new ManualClock(100);
      expect(() => clock.advance(ms)).toThrow(RangeError);
      expect(() => clock.advance(ms)).toThrow(/ManualClock\.advance\(ms\)/);
      expect(clock.now()).toBe(100);
    },
  );

  test('a non-finite start is refused', () => {
    expect(() => new ManualClock(Number.NaN)).toThrow(RangeError);
  });
});

describe('SystemClock', () => {
  test('reads performance.now()', () => {
    const spy = jest.spyOn(performance, 'now').mockReturnValue(1234.5);
    try {
      expect(new SystemClock().now()).toBe(1234.5);
    } finally {
      spy.mockRestore();
    }
  });
});
