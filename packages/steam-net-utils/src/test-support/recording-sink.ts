/**
 * A sink that records every event a backend delivers (with the clock time of its delivery), and
 * shorthands for statuses: what backend and queue specs assert on.
 */
import { type Clock } from '@relaylane/core';

import {
  type BackendConnectionInfo,
  type BackendEventSink,
  type RelayNetworkStatus,
} from '../port/networking-utils-backend.js';

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
      readonly ipv4: number;
      readonly ports: readonly number[];
    }
  | {
      readonly kind: 'other';
      readonly atMs: number;
      readonly name: string;
      readonly args: readonly unknown[];
    };

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
  readonly #clock: Clock | undefined;

  /** @param clock stamps each event with `clock.now()` (0 without a clock). */
  constructor(clock?: Clock) {
    this.#clock = clock;
  }

  #now(): number {
    return this.#clock?.now() ?? 0;
  }

  relayNetworkStatus(status: RelayNetworkStatus): void {
    this.events.push({ kind: 'status', atMs: this.#now(), status });
  }

  connectionStatusChanged(connection: number, info: BackendConnectionInfo, oldState: number): void {
    this.#other('connectionStatusChanged', [connection, info, oldState]);
  }

  authenticationStatus(available: number, debugMessage: string): void {
    this.#other('authenticationStatus', [available, debugMessage]);
  }

  fakeIPResult(result: number, steamId: bigint, ipv4: number, ports: readonly number[]): void {
    this.events.push({ kind: 'fakeIP', atMs: this.#now(), result, steamId, ipv4, ports });
  }

  messagesSessionRequest(remoteSteamId: bigint): void {
    this.#other('messagesSessionRequest', [remoteSteamId]);
  }

  messagesSessionFailed(
    reason: number,
    remoteSteamId: bigint,
    connectionState: number,
    debugMessage: string,
  ): void {
    this.#other('messagesSessionFailed', [reason, remoteSteamId, connectionState, debugMessage]);
  }

  #other(name: string, args: readonly unknown[]): void {
    this.events.push({ kind: 'other', atMs: this.#now(), name, args });
  }

  debugOutput(type: number, message: string): void {
    this.events.push({ kind: 'debug', atMs: this.#now(), type, message });
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
