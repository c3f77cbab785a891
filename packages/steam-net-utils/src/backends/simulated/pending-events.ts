/**
 * Events the simulated relay network has produced and not yet handed to the game. They wait
 * here until the host loop's frame calls `runCallbacks(sink)`; nothing is ever delivered from a
 * timer, a microtask or inside another call.
 */
import {
  type BackendEventSink,
  type RelayNetworkStatus,
} from '../../port/networking-utils-backend.js';
import { isDelivered } from './debug-messages.js';

/** One event waiting for delivery. */
export type PendingEvent =
  | { readonly kind: 'relayNetworkStatus'; readonly status: RelayNetworkStatus }
  | { readonly kind: 'debugOutput'; readonly type: number; readonly message: string }
  | {
      readonly kind: 'fakeIPResult';
      readonly result: number;
      readonly steamId: bigint;
      readonly ip: number;
      readonly ports: readonly number[];
    };

/**
 * The most debug messages kept waiting: when the game never runs callbacks, older messages are
 * dropped first (statuses and FakeIP results are never dropped).
 */
export const MAX_PENDING_DEBUG_MESSAGES = 1000;

/**
 * A first-in, first-out queue of events with at-most-one delivery each.
 *
 * Invariant: events come out in the order they were pushed, and each is delivered at most once,
 * even when the sink throws part-way (the rest stay queued for the next delivery).
 */
export class PendingEvents {
  #events: PendingEvent[] = [];
  #debugCount = 0;

  /** How many events wait. */
  get size(): number {
    return this.#events.length;
  }

  /** The waiting events, oldest first (a copy). */
  peek(): PendingEvent[] {
    return [...this.#events];
  }

  /** Queues an event. */
  push(event: PendingEvent): void {
    if (event.kind === 'debugOutput') {
      if (this.#debugCount >= MAX_PENDING_DEBUG_MESSAGES) {
        const oldest = this.#events.findIndex((waiting) => waiting.kind === 'debugOutput');
        this.#events.splice(oldest, 1);
        this.#debugCount--;
      }
      this.#debugCount++;
    }
    this.#events.push(event);
  }

  /** Drops every waiting event. */
  clear(): void {
    this.#events = [];
    this.#debugCount = 0;
  }

  /**
   * Hands every event queued before the call to `sink`, oldest first; debug messages only when
   * their type passes `debugOutputLevel`. Events queued while delivering wait for the next call.
   * If the sink throws, the events after the failing one stay queued and the error propagates.
   */
  deliver(sink: BackendEventSink, debugOutputLevel: number): void {
    // Most frames have nothing to deliver: return without replacing the (empty) array.
    if (this.#events.length === 0) return;
    const batch = this.#events;
    this.#events = [];
    this.#debugCount = 0;
    let next = 0;
    try {
      while (next < batch.length) {
        const event = batch[next++]!;
        switch (event.kind) {
          case 'relayNetworkStatus':
            sink.relayNetworkStatus(event.status);
            break;
          case 'debugOutput':
            if (isDelivered(event.type, debugOutputLevel)) {
              sink.debugOutput(event.type, event.message);
            }
            break;
          case 'fakeIPResult':
            sink.fakeIPResult(event.result, event.steamId, event.ip, event.ports);
            break;
        }
      }
    } finally {
      if (next < batch.length) {
        // Put the undelivered rest back in front of anything queued meanwhile.
        const rest = batch.slice(next);
        this.#events = [...rest, ...this.#events];
        this.#debugCount = this.#events.filter((event) => event.kind === 'debugOutput').length;
      }
    }
  }
}
