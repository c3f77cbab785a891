/**
 * Beacons backends for the specs: over emulated beacons on 127.0.0.1, on a manual game clock and
 * the real-time clock, with Node's transport unless another is given.
 */
import { ManualClock, SystemClock } from '@relaylane/core';

import { NodeProbeTransport } from '../../../node-transports/node-probe-transport.js';
import { type ProbeTransport } from '../../../port/probe-transport.js';
import { type RecordingSink } from '../../../test-support/recording-sink.js';
import { type BeaconsBackendOptions, createBeaconsNetwork } from '../beacons-backend-provider.js';
import { type BeaconsRelayNetwork } from '../beacons-relay-network.js';

/** A backend, its game clock, and a way to run frames until something holds. */
export interface BeaconsHarness {
  readonly network: BeaconsRelayNetwork;
  readonly clock: ManualClock;
  /**
   * Runs frames (advance `stepMs` of game time, wait for the replies in flight, `runCallbacks`)
   * until `done()` holds or `maxFrames` have run; returns whether it held.
   */
  runUntil(
    sink: RecordingSink,
    done: () => boolean,
    stepMs?: number,
    maxFrames?: number,
  ): Promise<boolean>;
}

/** Quick probes, so that specs finish fast: 3 per beacon, 300 ms to answer. */
export const SPEC_PROBE_SETTINGS = { probesPerBeacon: 3, probeTimeoutMs: 300 } as const;

export function beaconsHarness(
  options: BeaconsBackendOptions,
  transport: (now: () => number) => ProbeTransport = (now) => new NodeProbeTransport(now),
): BeaconsHarness {
  const clock = new ManualClock();
  const network = createBeaconsNetwork(
    { ...SPEC_PROBE_SETTINGS, ...options },
    { gameClock: clock, realTimeClock: new SystemClock(), log: () => undefined },
    transport,
  );
  return {
    network,
    clock,
    async runUntil(sink, done, stepMs = 100, maxFrames = 200) {
      for (let frame = 0; frame < maxFrames; frame++) {
        if (done()) return true;
        clock.advance(stepMs);
        await network.whenIdle();
        network.runCallbacks(sink);
      }
      return done();
    },
  };
}
