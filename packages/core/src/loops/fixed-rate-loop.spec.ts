import { ManualClock, SystemClock } from '../clock.js';
import { Engine } from '../engine.js';
import { MessageQueue } from '../message-queue.js';
import { Plugin } from '../plugin.js';
import { startFixedRateLoop, type TimerScheduler } from './fixed-rate-loop.js';
import { captureReportedErrors } from '../test-support/errors.js';

/** Records every delta it is processed with, and the clock time of each tick. */
class Recorder extends Plugin {
  readonly name = 'recorder';
  readonly deltas: number[] = [];
  readonly times: number[] = [];

  readonly #clock: { now(): number };

  constructor(clock: { now(): number }) {
    super();
    this.#clock = clock;
  }

  override process(deltaSeconds: number): void {
    this.deltas.push(deltaSeconds);
    this.times.push(this.#clock.now());
  }
}

/**
 * Timers on a ManualClock: `runUntil(ms)` moves the clock timer by timer, firing each one
 * `latenessMs` after its due time, as a busy event loop would.
 */
class ManualTimers implements TimerScheduler {
  readonly delays: number[] = [];
  readonly cleared: unknown[] = [];
  #nextId = 1;
  readonly #timers = new Map<number, { dueMs: number; callback: () => void }>();

  readonly #clock: ManualClock;
  readonly #latenessMs: number;

  constructor(clock: ManualClock, latenessMs = 0) {
    this.#clock = clock;
    this.#latenessMs = latenessMs;
  }

  get pending(): number {
    return this.#timers.size;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.#nextId++;
    this.delays.push(delayMs);
    this.#timers.set(id, { dueMs: this.#clock.now() + delayMs, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.cleared.push(handle);
    this.#timers.delete(handle as number);
  }

  /** Fires the earliest timer at exactly `atMs` (before or after its due time), if any. */
  fireNextAt(atMs: number): void {
    const [id, timer] =
      [...this.#timers.entries()].sort((a, b) => a[1].dueMs - b[1].dueMs)[0] ?? [];
    if (id === undefined || timer === undefined) throw new Error('no timer pending');
    this.#clock.advance(Math.max(0, atMs - this.#clock.now()));
    this.#timers.delete(id);
    timer.callback();
  }

  runUntil(targetMs: number): void {
    for (;;) {
      const next = [...this.#timers.values()].reduce<number | undefined>(
        (min, t) => (min === undefined || t.dueMs < min ? t.dueMs : min),
        undefined,
      );
      if (next === undefined || next + this.#latenessMs > targetMs) break;
      this.fireNextAt(next + this.#latenessMs);
    }
    this.#clock.advance(Math.max(0, targetMs - this.#clock.now()));
  }
}

function setup(latenessMs = 0): {
  engine: Engine;
  clock: ManualClock;
  timers: ManualTimers;
  recorder: Recorder;
} {
  const clock = new ManualClock(1000);
  const engine = new Engine({ realTimeClock: clock, messageQueue: new MessageQueue() });
  const recorder = new Recorder(clock);
  engine.addPlugin(recorder);
  return { engine, clock, timers: new ManualTimers(clock, latenessMs), recorder };
}

const reported = captureReportedErrors();

describe('startFixedRateLoop', () => {
  test('ticks hz times per second, with the clock time since the previous tick as delta', () => {
    const { engine, timers, recorder } = setup();
    startFixedRateLoop(engine, { hz: 20, scheduler: timers });
    timers.runUntil(2000);
    expect(recorder.deltas).toHaveLength(20);
    for (const delta of recorder.deltas) expect(delta).toBeCloseTo(0.05, 9);
  });

  test("paces by the engine's realTimeClock when no clock is given; the first tick comes one period after start", () => {
    const { engine, timers, recorder } = setup();
    startFixedRateLoop(engine, { hz: 4, scheduler: timers });
    expect(timers.delays).toEqual([250]);
    timers.runUntil(1249);
    expect(recorder.deltas).toEqual([]);
    timers.runUntil(1250);
    expect(recorder.times).toEqual([1250]);
    expect(recorder.deltas).toEqual([0.25]);
  });

  test('late timers do not make the loop drift: ticks stay on the start + n * period grid', () => {
    const { engine, timers, recorder } = setup(3);
    startFixedRateLoop(engine, { hz: 50, scheduler: timers });
    timers.runUntil(1000 + 1000 + 3);
    expect(recorder.deltas).toHaveLength(50);
    expect(recorder.times.at(-1)).toBe(2003);
    // After the first tick, each timer is asked for the rest of the period, not a full period.
    expect(timers.delays.slice(1).every((delay) => Math.abs(delay - 17) < 1e-9)).toBe(true);
  });

  test('after a stall, missed ticks are not replayed: one tick carries the whole gap, then the grid resumes', () => {
    const { engine, clock, timers, recorder } = setup();
    startFixedRateLoop(engine, { hz: 10, scheduler: timers });
    timers.runUntil(1100);
    clock.advance(950); // the process was blocked: the next timer fires at 2050, not at 1200
    timers.fireNextAt(2050);
    expect(recorder.deltas).toHaveLength(2);
    expect(recorder.deltas[1]).toBeCloseTo(0.95, 9);
    timers.runUntil(2300);
    expect(recorder.times).toEqual([1100, 2050, 2100, 2200, 2300]);
    const total = recorder.deltas.reduce((sum, d) => sum + d, 0);
    expect(total).toBeCloseTo(1.3, 9);
  });

  test('passes real deltas to tick, so the game clock keeps pace with the real one, stalls included', () => {
    const { engine, clock, timers } = setup();
    startFixedRateLoop(engine, { hz: 10, scheduler: timers });
    timers.runUntil(1500);
    clock.advance(700);
    timers.fireNextAt(2200);
    timers.runUntil(2400);
    // The real clock started at 1000; the game clock at 0 and moved by every real delta.
    expect(engine.gameClock.now()).toBeCloseTo(clock.now() - 1000, 9);
  });

  test('a timer that fires early does not tick ahead of time; it waits for the due time', () => {
    const { engine, timers, recorder } = setup();
    startFixedRateLoop(engine, { hz: 10, scheduler: timers });
    timers.fireNextAt(1090);
    expect(recorder.deltas).toEqual([]);
    expect(timers.delays.at(-1)).toBeCloseTo(10, 9);
    timers.runUntil(1100);
    expect(recorder.times).toEqual([1100]);
  });

  test('stop() cancels the pending timer and no tick runs afterwards', () => {
    const { engine, timers, recorder } = setup();
    const loop = startFixedRateLoop(engine, { hz: 10, scheduler: timers });
    timers.runUntil(1100);
    expect(loop.running).toBe(true);
    loop.stop();
    loop.stop();
    expect(loop.running).toBe(false);
    expect(timers.cleared).toHaveLength(1);
    expect(timers.pending).toBe(0);
    timers.runUntil(5000);
    expect(recorder.deltas).toHaveLength(1);
  });

  test('stop() from inside a tick schedules nothing more', () => {
    const { engine, timers, recorder } = setup();
    const loop = startFixedRateLoop(engine, { hz: 10, scheduler: timers });
    engine.addPlugin(
      new (class extends Plugin {
        readonly name = 'stopper';
        override process(): void {
          loop.stop();
        }
      })(),
    );
    timers.runUntil(2000);
    expect(recorder.deltas).toHaveLength(1);
    expect(timers.pending).toBe(0);
  });

  test('when engine.tick throws, the loop stops and reports the error', () => {
    const { engine, timers } = setup();
    const loop = startFixedRateLoop(engine, { hz: 10, scheduler: timers });
    engine.dispose();
    timers.runUntil(1100);
    expect(loop.running).toBe(false);
    expect(timers.pending).toBe(0);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.context).toContain('fixed-rate loop');
    expect((reported[0]!.error as { code?: string }).code).toBe('ENGINE_DISPOSED');
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'hz %p is refused with a RangeError',
    (hz) => {
      const { engine, timers } = setup();
      expect(() => startFixedRateLoop(engine, { hz, scheduler: timers })).toThrow(
        /startFixedRateLoop\(engine, \{ hz \}\)/,
      );
      expect(timers.pending).toBe(0);
    },
  );

  test('uses the global setTimeout when no scheduler is given (driven by fake timers)', () => {
    jest.useFakeTimers();
    try {
      const clock = new SystemClock();
      const engine = new Engine({ realTimeClock: clock, messageQueue: new MessageQueue() });
      const recorder = new Recorder(clock);
      engine.addPlugin(recorder);
      const loop = startFixedRateLoop(engine, { hz: 10 });
      jest.advanceTimersByTime(1000);
      loop.stop();
      jest.advanceTimersByTime(1000);
      expect(recorder.deltas).toHaveLength(10);
      for (const delta of recorder.deltas) expect(delta).toBeCloseTo(0.1, 6);
    } finally {
      jest.useRealTimers();
    }
  });
});
