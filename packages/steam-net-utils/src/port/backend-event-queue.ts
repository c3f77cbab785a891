/**
 * The one queue every backend keeps its events in until `runCallbacks(sink)` hands them over.
 * Events arrive at awkward times (Steam's global callbacks run inside Steam calls, its debug output
 * comes from another thread, the simulation produces events inside queries); the game sees them
 * only on the host loop's frame, in the order they arrived.
 *
 * Invariants:
 * - events come out in the order they were pushed, each at most once, even when the sink throws
 *   part-way (the events after the failing one stay queued, ahead of newer ones);
 * - one delivery hands over only what waited when it started: events pushed while it runs (a
 *   listener's call that produces one) wait for the next frame, so a delivery always ends;
 * - `clear()` during a delivery ends that delivery;
 * - at most {@link MAX_QUEUED_DEBUG_MESSAGES} debug messages wait; beyond that new ones are
 *   counted and dropped, and the next delivery starts with one WARNING saying how many (relay
 *   statuses and the other events are never dropped).
 */
import { runCallbacksReentrantError } from './backend-errors.js';
import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING } from '../constants/index.js';
import { type BackendEvent, deliverBackendEvent } from './backend-events.js';
import { type BackendEventSink } from './networking-utils-backend.js';

/**
 * How many debug messages may wait for `runCallbacks`. At the most detailed level a backend can be
 * chatty and a game may stop pumping (paused, minimised).
 */
export const MAX_QUEUED_DEBUG_MESSAGES = 1000;

/** The events waiting for `runCallbacks`, oldest first. */
export class BackendEventQueue {
  #events: BackendEvent[] = [];
  // Debug messages among #events (the bound applies to them only).
  #debugMessages = 0;
  #droppedDebugMessages = 0;
  // Bumped by clear(): a delivery that started under another generation stops.
  #generation = 0;
  // True while deliver() runs: a listener that calls its backend's runCallbacks is refused.
  #delivering = false;

  /**
   * Throws `BACKEND_RUN_CALLBACKS_REENTRANT` for `<where>.runCallbacks` while a delivery runs (a
   * listener called it). A backend calls this first in its `runCallbacks`.
   */
  refuseReentry(where: string): void {
    if (this.#delivering) throw runCallbacksReentrantError(where);
  }

  /** How many events wait. */
  get length(): number {
    return this.#events.length;
  }

  /** Debug messages dropped since the last delivery because too many waited. */
  get droppedDebugMessages(): number {
    return this.#droppedDebugMessages;
  }

  /** Queues an event (a debug message beyond the bound is counted and dropped instead). */
  push(event: BackendEvent): void {
    if (event.kind === 'debugOutput') {
      if (this.#debugMessages >= MAX_QUEUED_DEBUG_MESSAGES) {
        this.#droppedDebugMessages++;
        return;
      }
      this.#debugMessages++;
    }
    this.#events.push(event);
  }

  /** Counts debug messages dropped before they reached this queue; the next delivery reports them. */
  countDroppedDebugMessages(count: number): void {
    this.#droppedDebugMessages += count;
  }

  /**
   * Hands the events that wait now to `sink`, oldest first (see the invariants above).
   *
   * @returns how many events were handed over.
   * @throws what the sink throws; the events after the failing one stay queued.
   */
  deliver(sink: BackendEventSink): number {
    // Most frames have nothing to deliver: return before allocating anything.
    if (this.#events.length === 0 && this.#droppedDebugMessages === 0) return 0;
    const batch = this.#events;
    this.#events = [];
    this.#debugMessages = 0;
    if (this.#droppedDebugMessages > 0) {
      batch.unshift(droppedMessagesWarning(this.#droppedDebugMessages));
      this.#droppedDebugMessages = 0;
    }
    const generation = this.#generation;
    let next = 0;
    this.#delivering = true;
    try {
      while (next < batch.length && generation === this.#generation) {
        // Counted as delivered before the sink runs: an event whose listener throws is not
        // delivered twice.
        deliverBackendEvent(batch[next++]!, sink);
      }
    } finally {
      this.#delivering = false;
      if (next < batch.length && generation === this.#generation) {
        this.#events = batch.slice(next).concat(this.#events);
        this.#debugMessages = this.#events.filter((event) => event.kind === 'debugOutput').length;
      }
    }
    return next;
  }

  /** Forgets every waiting event and the drop count; a delivery in progress stops. */
  clear(): void {
    this.#events = [];
    this.#debugMessages = 0;
    this.#droppedDebugMessages = 0;
    this.#generation++;
  }
}

function droppedMessagesWarning(dropped: number): BackendEvent {
  return {
    kind: 'debugOutput',
    type: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    message:
      `[relaylane] ${dropped} debug message${dropped === 1 ? ' was' : 's were'} dropped: more ` +
      `than ${MAX_QUEUED_DEBUG_MESSAGES} waited for runCallbacks(). Pump callbacks every frame ` +
      'or lower the debug output level.',
  };
}
