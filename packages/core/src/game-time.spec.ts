import { GameTime } from './game-time.js';

function ticks(time: GameTime, count: number, deltaMs: number): void {
  for (let i = 0; i < count; i++) time.advance(deltaMs);
}

describe('GameTime', () => {
  it('starts at 0, or at the given start, and moves only by advance', () => {
    expect(new GameTime().clock.now()).toBe(0);
    const time = new GameTime(1000);
    expect(time.clock.now()).toBe(1000);
    time.advance(250);
    expect(time.clock.now()).toBe(1250);
  });

  it.each([
    [30, 150],
    [60, 300],
    [120, 600],
    [90, 450],
  ])('sums %d Hz frame deltas without drift: %d ticks read exactly 5000 ms', (hz, count) => {
    const time = new GameTime();
    ticks(time, count, (1 / hz) * 1000);
    expect(time.clock.now()).toBe(5000);
  });

  it('keeps an hour of 60 Hz ticks within a picosecond, where a plain sum drifts 10 ns', () => {
    const time = new GameTime();
    ticks(time, 60 * 3600, (1 / 60) * 1000);
    expect(Math.abs(time.clock.now() - 3_600_000)).toBeLessThan(1e-9);
    let plain = 0;
    for (let i = 0; i < 60 * 3600; i++) plain += (1 / 60) * 1000;
    expect(Math.abs(plain - 3_600_000)).toBeGreaterThan(1e-6);
  });

  it('never goes back, even when the compensation would round the sum down', () => {
    const time = new GameTime();
    // 0.1 + 0.3 rounds up; a zero delta then takes the residue back, and the plain compensated
    // sum would read less than before.
    time.advance(0.1);
    time.advance(0.3);
    const before = time.clock.now();
    time.advance(0);
    expect(time.clock.now()).toBeGreaterThanOrEqual(before);
    time.advance(1);
    expect(time.clock.now()).toBeGreaterThan(before);
  });

  it('gives out a frozen clock with now() only: nothing but its owner can move the time', () => {
    const { clock } = new GameTime();
    expect(Object.keys(clock)).toEqual(['now']);
    expect(Object.isFrozen(clock)).toBe(true);
    expect('advance' in clock).toBe(false);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses to start at %p', (start) => {
    expect(() => new GameTime(start)).toThrow(RangeError);
  });
});
