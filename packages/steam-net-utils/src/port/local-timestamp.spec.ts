import { type Clock } from '@relaylane/core';
import fc from 'fast-check';

import {
  LOCAL_TIMESTAMP_INITIAL_US,
  LOCAL_TIMESTAMP_MIN_US,
  LocalTimestamp,
} from './local-timestamp.js';

/**
 * A clock that moves only when advanced, like core's ManualClock (kept local so this spec loads
 * nothing from the core package at run time).
 */
class SteppingClock implements Clock {
  #nowMs: number;

  constructor(startMs = 0) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  advance(ms: number): void {
    this.#nowMs += ms;
  }
}

/** A clock that returns the readings it is given, in order (the last one repeats). */
function scriptedClock(readings: readonly number[]): Clock {
  let index = 0;
  return {
    now: () => {
      const reading = readings[Math.min(index, readings.length - 1)] ?? 0;
      index++;
      return reading;
    },
  };
}

describe('LocalTimestamp', () => {
  it("uses Steam's constants: a 3e12 µs start, above the promised 30 days", () => {
    expect(LOCAL_TIMESTAMP_INITIAL_US).toBe(3_000_000_000_000n);
    expect(LOCAL_TIMESTAMP_MIN_US).toBe(2_592_000_000_000n);
    expect(LOCAL_TIMESTAMP_INITIAL_US).toBeGreaterThan(LOCAL_TIMESTAMP_MIN_US);
  });

  it('starts at 3e12 µs whatever the clock read when it was created', () => {
    expect(new LocalTimestamp(new SteppingClock(0)).now()).toBe(LOCAL_TIMESTAMP_INITIAL_US);
    expect(new LocalTimestamp(new SteppingClock(-5000)).now()).toBe(LOCAL_TIMESTAMP_INITIAL_US);
    expect(new LocalTimestamp(new SteppingClock(123_456.789)).now()).toBe(
      LOCAL_TIMESTAMP_INITIAL_US,
    );
  });

  it('adds the elapsed clock time in whole microseconds', () => {
    const clock = new SteppingClock(1000);
    const timestamp = new LocalTimestamp(clock);
    clock.advance(2.5);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 2500n);
    clock.advance(60_000);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 60_002_500n);
  });

  it('rounds a fraction of a microsecond down, never ahead of the clock', () => {
    const clock = new SteppingClock();
    const timestamp = new LocalTimestamp(clock);
    clock.advance(0.0019);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 1n);
  });

  it('shows a large clock jump in full (Steam clamps jumps over 1.1 s; a simulation jumps on purpose)', () => {
    const clock = new SteppingClock();
    const timestamp = new LocalTimestamp(clock);
    clock.advance(3_600_000);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 3_600_000_000n);
  });

  it('never decreases, even if the clock goes back', () => {
    const timestamp = new LocalTimestamp(scriptedClock([0, 10, 4, 12]));
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 10_000n);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 10_000n);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 12_000n);
  });

  it('keeps the last value when the clock reads something that is not finite, without throwing', () => {
    const timestamp = new LocalTimestamp(
      scriptedClock([0, 1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE, 2]),
    );
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 1000n);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 1000n);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 1000n);
    // Number.MAX_VALUE ms is finite but its microseconds overflow to Infinity.
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 1000n);
    expect(timestamp.now()).toBe(LOCAL_TIMESTAMP_INITIAL_US + 2000n);
  });

  it('refuses a clock that is not finite at creation', () => {
    expect(() => new LocalTimestamp(scriptedClock([Number.NaN]))).toThrow(RangeError);
    expect(() => new LocalTimestamp(scriptedClock([Number.NaN]))).toThrow(
      /clock\.now\(\) must return a finite number/,
    );
  });

  it('is monotonic and never below the start for any sequence of readings (property)', () => {
    const reading = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 30 }), (readings) => {
        const timestamp = new LocalTimestamp(scriptedClock([0, ...readings]));
        let previous = LOCAL_TIMESTAMP_INITIAL_US;
        for (let i = 0; i < readings.length; i++) {
          const value = timestamp.now();
          expect(value).toBeGreaterThanOrEqual(previous);
          previous = value;
        }
      }),
    );
  });
});
