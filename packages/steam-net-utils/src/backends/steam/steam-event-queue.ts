/**
 * The Steam backend's pending events. Steam produces them at awkward times: the global callbacks run
 * inside Steam calls, the debug output messages arrive from a worker thread (see
 * `debug-output-relay.ts`) and are moved here on the main thread, and manual dispatch hands out structs that are freed
 * at once. Each is decoded into a plain object on arrival and queued here; `runCallbacks` hands them
 * to the sink in arrival order. Nothing here touches native memory.
 */
import {
  type BackendConnectionInfo,
  type BackendEventSink,
  type RelayNetworkStatus,
} from '../../port/networking-utils-backend.js';
import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING } from '../../constants/index.js';

/** One decoded event, as the sink takes it. */
export type SteamEvent =
  | { readonly kind: 'relayNetworkStatus'; readonly status: RelayNetworkStatus }
  | {
      readonly kind: 'connectionStatusChanged';
      readonly connection: number;
      readonly info: BackendConnectionInfo;
      readonly oldState: number;
    }
  | {
      readonly kind: 'authenticationStatus';
      readonly available: number;
      readonly debugMessage: string;
    }
  | {
      readonly kind: 'fakeIPResult';
      readonly result: number;
      readonly steamId: bigint;
      readonly ipv4: number;
      readonly ports: readonly number[];
    }
  | { readonly kind: 'messagesSessionRequest'; readonly remoteSteamId: bigint }
  | {
      readonly kind: 'messagesSessionFailed';
      readonly reason: number;
      readonly remoteSteamId: bigint;
      readonly connectionState: number;
      readonly debugMessage: string;
    }
  | { readonly kind: 'debugOutput'; readonly type: number; readonly message: string };

/** Hands one event to the sink method of its kind. */
export function deliverSteamEvent(event: SteamEvent, sink: BackendEventSink): void {
  switch (event.kind) {
    case 'relayNetworkStatus':
      sink.relayNetworkStatus(event.status);
      return;
    case 'connectionStatusChanged':
      sink.connectionStatusChanged(event.connection, event.info, event.oldState);
      return;
    case 'authenticationStatus':
      sink.authenticationStatus(event.available, event.debugMessage);
      return;
    case 'fakeIPResult':
      sink.fakeIPResult(event.result, event.steamId, event.ipv4, event.ports);
      return;
    case 'messagesSessionRequest':
      sink.messagesSessionRequest(event.remoteSteamId);
      return;
    case 'messagesSessionFailed':
      sink.messagesSessionFailed(
        event.reason,
        event.remoteSteamId,
        event.connectionState,
        event.debugMessage,
      );
      return;
    case 'debugOutput':
      sink.debugOutput(event.type, event.message);
      return;
  }
}

/**
 * How many debug messages may wait for `runCallbacks`. Steam at level EVERYTHING can be chatty and
 * a game may stop pumping (paused, minimised): beyond this, messages are counted and dropped, and
 * the next delivery says how many were lost.
 */
export const MAX_QUEUED_DEBUG_MESSAGES = 1000;

/** The events waiting for `runCallbacks`, in arrival order. */
export class SteamEventQueue {
  readonly #events: SteamEvent[] = [];
  #debugMessages = 0;
  #droppedDebugMessages = 0;

  /** How many events wait. */
  get length(): number {
    return this.#events.length;
  }

  /** Debug messages dropped since the last delivery because {@link MAX_QUEUED_DEBUG_MESSAGES} were waiting. */
  get droppedDebugMessages(): number {
    return this.#droppedDebugMessages;
  }

  /** Queues an event (a debug message beyond the bound is dropped and counted). */
  push(event: SteamEvent): void {
    if (event.kind === 'debugOutput') {
      if (this.#debugMessages >= MAX_QUEUED_DEBUG_MESSAGES) {
        this.#droppedDebugMessages++;
        return;
      }
      this.#debugMessages++;
    }
    this.#events.push(event);
  }

  /** Counts debug messages dropped before they reached this queue (reported at the next delivery). */
  countDroppedDebugMessages(count: number): void {
    this.#droppedDebugMessages += count;
  }

  /**
   * Delivers the waiting events to `sink` one by one, oldest first, including events queued while
   * delivering (a listener's Steam call may produce debug output), while `keepGoing()` is true.
   * If the sink throws, the events not yet delivered stay queued for the next call.
   *
   * @param refill called before each event is taken (and before the first), to queue events that
   *   arrived elsewhere meanwhile (the debug output relay's messages).
   * @returns how many events were delivered.
   */
  deliver(sink: BackendEventSink, keepGoing: () => boolean, refill: () => void = () => {}): number {
    let delivered = 0;
    refill();
    if (this.#droppedDebugMessages > 0) {
      const dropped = this.#droppedDebugMessages;
      this.#droppedDebugMessages = 0;
      this.#events.unshift({
        kind: 'debugOutput',
        type: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
        message:
          `[relaylane] ${dropped} Steam debug message${dropped === 1 ? ' was' : 's were'} ` +
          `dropped: more than ${MAX_QUEUED_DEBUG_MESSAGES} waited for runCallbacks(). Pump ` +
          'callbacks every frame or lower the debug output level.',
      });
      this.#debugMessages++;
    }
    for (;;) {
      refill();
      if (this.#events.length === 0 || !keepGoing()) {
        break;
      }
      // Taken off before delivery: an event whose listener throws is not delivered twice.
      const event = this.#events.shift()!;
      if (event.kind === 'debugOutput') {
        this.#debugMessages--;
      }
      delivered++;
      deliverSteamEvent(event, sink);
    }
    return delivered;
  }

  /** Forgets every waiting event. */
  clear(): void {
    this.#events.length = 0;
    this.#debugMessages = 0;
    this.#droppedDebugMessages = 0;
  }
}
