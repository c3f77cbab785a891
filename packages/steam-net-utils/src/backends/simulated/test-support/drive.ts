/**
 * Drives simulated networks the way a host loop does: advance a `ManualClock` by one frame, then
 * run every network's callbacks into its sink.
 */
import { type ManualClock } from '@relaylane/core';

import { type BackendEventSink } from '../../../port/networking-utils-backend.js';
import { type SimulatedRelayNetwork } from '../simulated-relay-network.js';

/** A network and where its events go. */
export interface Driven {
  readonly network: SimulatedRelayNetwork;
  readonly sink: BackendEventSink;
}

/** Runs `durationMs` of frames of `frameMs` (the last one shorter if needed). */
export function runFrames(
  clock: ManualClock,
  driven: readonly Driven[],
  durationMs: number,
  frameMs = 50,
): void {
  let left = durationMs;
  while (left > 0) {
    const step = Math.min(frameMs, left);
    clock.advance(step);
    left -= step;
    for (const { network, sink } of driven) network.runCallbacks(sink);
  }
}

/**
 * Runs frames until `done()` is true or `limitMs` has passed; returns the clock time when it
 * became true, or undefined.
 */
export function runUntil(
  clock: ManualClock,
  driven: readonly Driven[],
  done: () => boolean,
  limitMs: number,
  frameMs = 50,
): number | undefined {
  const end = clock.now() + limitMs;
  while (clock.now() < end) {
    clock.advance(frameMs);
    for (const { network, sink } of driven) network.runCallbacks(sink);
    if (done()) return clock.now();
  }
  return undefined;
}
