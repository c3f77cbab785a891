import { ManualClock } from '../clock.js';
import { Engine } from '../engine.js';
import { MessageQueue } from '../message-queue.js';
import { Plugin } from '../plugin.js';
import {
  AnimationFrameUnavailableError,
  attachToAnimationFrame,
  MAX_FRAME_DELTA_SECONDS,
} from './animation-frame-loop.js';
import { captureReportedErrors } from '../test-support/errors.js';

class Recorder extends Plugin {
  readonly name = 'recorder';
  readonly deltas: number[] = [];
  onProcess: (() => void) | undefined;

  override process(deltaSeconds: number): void {
    this.deltas.push(deltaSeconds);
    this.onProcess?.();
  }
}

/** A hand-driven requestAnimationFrame: `frame(ts)` runs the callbacks requested so far. */
class ManualFrames {
  readonly cancelled: number[] = [];
  #nextId = 1;
  readonly #callbacks = new Map<number, (timestampMs: number) => void>();

  get pending(): number {
    return this.#callbacks.size;
  }

  readonly requestAnimationFrame = (callback: (timestampMs: number) => void): number => {
    const id = this.#nextId++;
    this.#callbacks.set(id, callback);
    return id;
  };

  readonly cancelAnimationFrame = (handle: number): void => {
    this.cancelled.push(handle);
    this.#callbacks.delete(handle);
  };

  frame(timestampMs: number): void {
    const callbacks = [...this.#callbacks.values()];
    this.#callbacks.clear();
    for (const callback of callbacks) callback(timestampMs);
  }
}

function setup(): { engine: Engine; recorder: Recorder; frames: ManualFrames } {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const recorder = new Recorder();
  engine.addPlugin(recorder);
  return { engine, recorder, frames: new ManualFrames() };
}

const reported = captureReportedErrors();

describe('attachToAnimationFrame', () => {
  test('ticks once per frame: delta 0 on the first frame, then the timestamp difference in seconds', () => {
    const { engine, recorder, frames } = setup();
    attachToAnimationFrame(engine, frames);
    frames.frame(5000);
    frames.frame(5016);
    frames.frame(5050);
    expect(recorder.deltas).toHaveLength(3);
    expect(recorder.deltas[0]).toBe(0);
    expect(recorder.deltas[1]).toBeCloseTo(0.016, 12);
    expect(recorder.deltas[2]).toBeCloseTo(0.034, 12);
    // The game clock moves by exactly those deltas: 0 + 16 + 34 ms.
    expect(engine.gameClock.now()).toBeCloseTo(50, 9);
  });

  test(`a huge delta (a background tab) is clamped to MAX_FRAME_DELTA_SECONDS = ${MAX_FRAME_DELTA_SECONDS} s`, () => {
    const { engine, recorder, frames } = setup();
    attachToAnimationFrame(engine, frames);
    frames.frame(0);
    frames.frame(60_000);
    expect(MAX_FRAME_DELTA_SECONDS).toBe(0.25);
    expect(recorder.deltas).toEqual([0, 0.25]);
    // Game time does not jump by the minute the tab spent in the background.
    expect(engine.gameClock.now()).toBe(250);
  });

  test('maxDeltaSeconds sets another cap', () => {
    const { engine, recorder, frames } = setup();
    attachToAnimationFrame(engine, { ...pick(frames), maxDeltaSeconds: 0.1 });
    frames.frame(0);
    frames.frame(500);
    frames.frame(550);
    expect(recorder.deltas[1]).toBe(0.1);
    expect(recorder.deltas[2]).toBeCloseTo(0.05, 12);
  });

  test('a timestamp that goes backwards gives delta 0', () => {
    const { engine, recorder, frames } = setup();
    attachToAnimationFrame(engine, frames);
    frames.frame(100);
    frames.frame(90);
    expect(recorder.deltas).toEqual([0, 0]);
  });

  test('detach cancels the requested frame; no tick runs afterwards', () => {
    const { engine, recorder, frames } = setup();
    const loop = attachToAnimationFrame(engine, frames);
    frames.frame(0);
    loop.detach();
    loop.detach();
    expect(loop.attached).toBe(false);
    expect(frames.cancelled).toHaveLength(1);
    expect(frames.pending).toBe(0);
    frames.frame(16);
    expect(recorder.deltas).toHaveLength(1);
  });

  test('detach from inside a tick requests no further frame', () => {
    const { engine, recorder, frames } = setup();
    const loop = attachToAnimationFrame(engine, frames);
    recorder.onProcess = () => loop.detach();
    frames.frame(0);
    expect(frames.pending).toBe(0);
    frames.frame(16);
    expect(recorder.deltas).toHaveLength(1);
  });

  test('when engine.tick throws, the adapter detaches and reports the error', () => {
    const { engine, frames } = setup();
    const loop = attachToAnimationFrame(engine, frames);
    engine.dispose();
    frames.frame(0);
    expect(loop.attached).toBe(false);
    expect(frames.pending).toBe(0);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.context).toContain('animation-frame loop');
    expect((reported[0]!.error as { code?: string }).code).toBe('ENGINE_DISPOSED');
  });

  test('without requestAnimationFrame in the runtime (Node) and none given, attaching throws with the fix', () => {
    const { engine } = setup();
    expect(typeof globalThis.requestAnimationFrame).toBe('undefined');
    expect(() => attachToAnimationFrame(engine)).toThrow(AnimationFrameUnavailableError);
    expect(() => attachToAnimationFrame(engine)).toThrow(
      expect.objectContaining({ code: 'LOOP_ANIMATION_FRAME_UNAVAILABLE' }),
    );
    expect(() => attachToAnimationFrame(engine)).toThrow(/startFixedRateLoop/);
  });

  test.each([-1, Number.NaN])('maxDeltaSeconds %p is refused', (maxDeltaSeconds) => {
    const { engine, frames } = setup();
    expect(() => attachToAnimationFrame(engine, { ...pick(frames), maxDeltaSeconds })).toThrow(
      RangeError,
    );
    expect(frames.pending).toBe(0);
  });
});

function pick(
  frames: ManualFrames,
): Pick<ManualFrames, 'requestAnimationFrame' | 'cancelAnimationFrame'> {
  return {
    requestAnimationFrame: frames.requestAnimationFrame,
    cancelAnimationFrame: frames.cancelAnimationFrame,
  };
}
