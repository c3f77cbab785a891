/** @jest-environment jsdom */
import { ManualClock } from '../clock.js';
import { Engine } from '../engine.js';
import { MessageQueue } from '../message-queue.js';
import { Plugin } from '../plugin.js';
import { attachToAnimationFrame } from './animation-frame-loop.js';

class Recorder extends Plugin {
  readonly name = 'recorder';
  readonly deltas: number[] = [];

  override process(deltaSeconds: number): void {
    this.deltas.push(deltaSeconds);
  }
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('attachToAnimationFrame in a browser', () => {
  test("uses the page's requestAnimationFrame and cancelAnimationFrame by default", () => {
    const engine = new Engine({
      realTimeClock: new ManualClock(),
      messageQueue: new MessageQueue(),
    });
    const recorder = new Recorder();
    engine.addPlugin(recorder);
    const cancel = jest.spyOn(window, 'cancelAnimationFrame');
    const loop = attachToAnimationFrame(engine);
    jest.advanceTimersToNextFrame();
    jest.advanceTimersToNextFrame();
    jest.advanceTimersToNextFrame();
    expect(recorder.deltas).toHaveLength(3);
    expect(recorder.deltas[0]).toBe(0);
    expect(recorder.deltas[1]).toBeGreaterThan(0);
    loop.detach();
    expect(cancel).toHaveBeenCalledTimes(1);
    jest.advanceTimersToNextFrame();
    expect(recorder.deltas).toHaveLength(3);
  });
});
