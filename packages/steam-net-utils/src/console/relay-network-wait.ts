/**
 * `net.wait [seconds]`: waits until the relay network is current and no ping measurement is
 * running, so that a script piped into the terminal console (`net.wait` then `net.pops`, or
 * `net.sim.where Tokyo` then `net.wait`) reads fresh pings rather than "not measured yet" or the
 * old place's.
 *
 * Waits are measured on the engine's game clock and checked once a frame ({@link poll}, which
 * `NetConsolePlugin.process` calls): no timer of its own, so a test drives it by ticking. Every wait
 * is bounded: it fails with a message naming the status it saw when its time is up, and it is
 * cancelled when the console plugin leaves the tree.
 */
import { type Clock, type ConsoleCommand, defineCommand } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_CURRENT,
  NetworkingAvailability,
  shortConstantName,
} from '../constants/index.js';
import { type NetworkingUtils } from '../service/networking-utils.js';

/** How long `net.wait` waits without an argument, in seconds of game time. */
export const DEFAULT_WAIT_SECONDS = 10;
/** The longest wait `net.wait` accepts, in seconds. */
export const MAX_WAIT_SECONDS = 600;

interface PendingWait {
  readonly startedMs: number;
  readonly deadlineMs: number;
  readonly resolve: (line: string) => void;
  readonly reject: (error: Error) => void;
}

/** The waits in progress for one service, on one clock. */
export class RelayNetworkWaits {
  readonly #service: NetworkingUtils;
  readonly #clock: Clock;
  #pending: PendingWait[] = [];

  constructor(service: NetworkingUtils, clock: Clock) {
    this.#service = service;
    this.#clock = clock;
  }

  /** How many waits are in progress. */
  get size(): number {
    return this.#pending.length;
  }

  /**
   * Resolves with a line saying how long it took once the relay network is current (at once if it
   * is); rejects when `seconds` of game time pass first.
   */
  wait(seconds: number): Promise<string> {
    if (!(seconds > 0 && seconds <= MAX_WAIT_SECONDS)) {
      return Promise.reject(
        new RangeError(`seconds must be above 0 and at most ${MAX_WAIT_SECONDS}, got ${seconds}`),
      );
    }
    if (this.#isCurrent()) return Promise.resolve('relay network current');
    const startedMs = this.#clock.now();
    return new Promise((resolve, reject) => {
      this.#pending.push({ startedMs, deadlineMs: startedMs + seconds * 1000, resolve, reject });
    });
  }

  /** Settles the waits that are done: the network became current, or their time is up. */
  poll(): void {
    if (this.#pending.length === 0) return;
    const nowMs = this.#clock.now();
    const current = this.#isCurrent();
    const still: PendingWait[] = [];
    for (const wait of this.#pending) {
      const waitedSeconds = ((nowMs - wait.startedMs) / 1000).toFixed(1);
      if (current) {
        wait.resolve(`relay network current after ${waitedSeconds} s`);
      } else if (nowMs >= wait.deadlineMs) {
        wait.reject(
          new Error(
            `the relay network is not current after ${waitedSeconds} s ` +
              `(${this.#statusText()}); see net.status`,
          ),
        );
      } else {
        still.push(wait);
      }
    }
    this.#pending = still;
  }

  /** Fails every wait in progress with `reason` (the console is going away). */
  cancelAll(reason: string): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const wait of pending) wait.reject(new Error(reason));
  }

  /** Current, and no measurement running: after a move or a config change, the new pings are in. */
  #isCurrent(): boolean {
    const status = this.#service.getRelayNetworkStatusDetails();
    return status.available === NETWORKING_AVAILABILITY_CURRENT && status.ping_measurement === 0;
  }

  #statusText(): string {
    const status = this.#service.getRelayNetworkStatusDetails();
    return (
      `status ${shortConstantName(NetworkingAvailability, status.available)}, ` +
      `config ${shortConstantName(NetworkingAvailability, status.available_config)}` +
      (status.ping_measurement === 0 ? '' : ', pings being measured')
    );
  }
}

/** The `net.wait` command over `waits`. */
export function relayNetworkWaitCommand(waits: RelayNetworkWaits): ConsoleCommand {
  return defineCommand({
    name: 'net.wait',
    help:
      `Wait until the relay network is current and its pings measured (at most the given seconds of game time, ` +
      `default ${DEFAULT_WAIT_SECONDS}); fails with the status it saw when the time is up. ` +
      'For scripts: net.wait, then net.pops.',
    args: [
      {
        name: 'seconds',
        type: 'number',
        optional: true,
        description: `at most ${MAX_WAIT_SECONDS}`,
      },
    ],
    handler: ({ seconds }) => waits.wait(seconds ?? DEFAULT_WAIT_SECONDS),
  });
}
