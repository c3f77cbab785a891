/**
 * Test helpers for the simulated relay network: a sink that records every delivered event with
 * the clock time of its delivery, and shorthands for statuses.
 */
import { type Clock } from '@relaylane/core';

import {
  type BackendConnectionInfo,
  type BackendEventSink,
  type RelayNetworkStatus,
} from '../../../port/networking-utils-backend.js';

/** One delivered event. */
export type RecordedEvent =
  | { readonly kind: 'status'; readonly atMs: number; readonly status: RelayNetworkStatus }
  | {
      readonly kind: 'debug';
      readonly atMs: number;
      readonly type: number;
      readonly message: string;
    }
  | {
      readonly kind: 'fakeIP';
      readonly atMs: number;
      readonly result: number;
      readonly steamId: bigint;
      readonly ip: number;
      readonly ports: readonly number[];
    }
  | { readonly kind: 'other'; readonly atMs: number; readonly name: string };

/** A status as a compact tuple: `[available, measuring, config, anyRelay]`. */
export type StatusTuple = readonly [number, number, number, number];

/** The tuple of a status. */
export function tupleOf(status: RelayNetworkStatus): StatusTuple {
  return [
    status.available,
    status.pingMeasurementInProgress,
    status.availableNetworkConfig,
    status.availableAnyRelay,
  ];
}

/** A `BackendEventSink` that records what it is given. */
export class RecordingSink implements BackendEventSink {
  readonly events: RecordedEvent[] = [];
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  relayNetworkStatus(status: RelayNetworkStatus): void {
    this.events.push({ kind: 'status', atMs: this.#clock.now(), status });
  }

  connectionStatusChanged(_connection: number, _info: BackendConnectionInfo, _old: number): void {
    this.events.push({ kind: 'other', atMs: this.#clock.now(), name: 'connectionStatusChanged' });
  }

  authenticationStatus(_available: number, _debugMessage: string): void {
    this.events.push({ kind: 'other', atMs: this.#clock.now(), name: 'authenticationStatus' });
  }

  fakeIPResult(result: number, steamId: bigint, ip: number, ports: readonly number[]): void {
    this.events.push({ kind: 'fakeIP', atMs: this.#clock.now(), result, steamId, ip, ports });
  }

  messagesSessionRequest(_remoteSteamId: bigint): void {
    this.events.push({ kind: 'other', atMs: this.#clock.now(), name: 'messagesSessionRequest' });
  }

  messagesSessionFailed(_reason: number, _remote: bigint, _state: number, _debug: string): void {
    this.events.push({ kind: 'other', atMs: this.#clock.now(), name: 'messagesSessionFailed' });
  }

  debugOutput(type: number, message: string): void {
    this.events.push({ kind: 'debug', atMs: this.#clock.now(), type, message });
  }

  /** The delivered statuses as tuples, in order. */
  statusTuples(): StatusTuple[] {
    return this.statuses().map(tupleOf);
  }

  /** The delivered statuses, in order. */
  statuses(): RelayNetworkStatus[] {
    return this.events.flatMap((event) => (event.kind === 'status' ? [event.status] : []));
  }

  /** The delivered debug messages, in order. */
  debugMessages(): { type: number; message: string }[] {
    return this.events.flatMap((event) =>
      event.kind === 'debug' ? [{ type: event.type, message: event.message }] : [],
    );
  }

  /** Forgets what was recorded. */
  clear(): void {
    this.events.length = 0;
  }
}
