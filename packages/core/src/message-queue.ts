import { getCallableName } from './callable.js';
import { reportError } from './error-hook.js';
import { RelaylaneError } from './errors.js';

/** The number of calls a {@link MessageQueue} holds when no `capacity` is given. */
export const DEFAULT_MESSAGE_QUEUE_CAPACITY = 8192;

/** Options of a {@link MessageQueue}. */
export interface MessageQueueOptions {
  /**
   * How many calls one frame may queue (default {@link DEFAULT_MESSAGE_QUEUE_CAPACITY}). Calls
   * already run by the flush in progress count until it ends, as in Godot's fixed-size buffer.
   */
  readonly capacity?: number;
}

/**
 * The base of the errors a {@link MessageQueue} throws (codes `MESSAGE_QUEUE_*`); thrown itself
 * for an invalid capacity (`MESSAGE_QUEUE_INVALID_CAPACITY`).
 */
export class MessageQueueError extends RelaylaneError {}

/** Thrown by {@link MessageQueue.push} when the queue already holds `capacity` calls. */
export class MessageQueueOverflowError extends MessageQueueError {
  constructor(label: string, capacity: number) {
    super(
      'MESSAGE_QUEUE_OVERFLOW',
      `MessageQueue overflow: cannot queue deferred call '${label}', the queue already holds its ` +
        `capacity of ${capacity} calls for this frame. Make sure the host loop calls flush() once ` +
        `per frame (Engine.tick() does), that no deferred call queues itself again on every ` +
        `flush, or create the queue with a larger capacity: new MessageQueue({ capacity }).`,
    );
  }
}

/** Thrown by {@link MessageQueue.flush} when it is called from a call that the same queue is running. */
export class MessageQueueReentrantFlushError extends MessageQueueError {
  constructor() {
    super(
      'MESSAGE_QUEUE_REENTRANT_FLUSH',
      'MessageQueue.flush() was called from inside a deferred call while the queue was flushing. ' +
        'The flush in progress already runs every call queued during it; remove the nested flush().',
    );
  }
}

type QueuedCall = (...args: unknown[]) => void;

/**
 * Deferred calls, Godot's `MessageQueue`: `push()` stores a function with a copy of its arguments,
 * and the host loop runs them all with `flush()` once per frame (Engine.tick() does it after the
 * plugins' `process()`). Nothing here schedules a microtask or timer: a call runs only when the
 * loop flushes, so the order of work within a frame stays deterministic.
 *
 * - Calls run in the order they were pushed; calls pushed during a flush run in the same flush.
 * - `flush()` is not reentrant: calling it from a deferred call throws
 *   {@link MessageQueueReentrantFlushError}.
 * - A call that throws is reported through the error hook ({@link reportError}); the flush goes on.
 * - The queue is bounded: `push()` beyond `capacity` throws {@link MessageQueueOverflowError}. As
 *   calls run during a flush keep their slot until the flush ends, a call that re-queues itself
 *   forever overflows (and is reported) instead of hanging the frame.
 */
export class MessageQueue {
  /** The process-wide queue (Godot's `MessageQueue` singleton); signals defer to it by default. */
  static readonly main: MessageQueue = new MessageQueue();

  /** The most calls this queue holds per frame. */
  readonly capacity: number;

  // Parallel arrays of the queued calls. Slots [0, head) have run in the flush in progress and are
  // only released when it ends; slots [head, length) are pending.
  readonly #calls: QueuedCall[] = [];
  readonly #argLists: unknown[][] = [];
  readonly #labels: (string | undefined)[] = [];
  #head = 0;
  #flushing = false;

  constructor(options: MessageQueueOptions = {}) {
    const capacity = options.capacity ?? DEFAULT_MESSAGE_QUEUE_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new MessageQueueError(
        'MESSAGE_QUEUE_INVALID_CAPACITY',
        `MessageQueue capacity must be a positive integer, got ${String(capacity)}. ` +
          `Omit it to use the default of ${DEFAULT_MESSAGE_QUEUE_CAPACITY}.`,
      );
    }
    this.capacity = capacity;
  }

  /** How many calls are waiting to run. */
  get size(): number {
    return this.#calls.length - this.#head;
  }

  /** True while `flush()` is running calls. */
  get isFlushing(): boolean {
    return this.#flushing;
  }

  /**
   * Queues `fn(...args)` for the next flush. `args` is copied now, so changing the array afterwards
   * does not change the call (the values themselves are not cloned).
   *
   * @param label - names the call in overflow errors and error reports; defaults to `fn.name`.
   * @throws MessageQueueOverflowError when the queue already holds `capacity` calls.
   */
  push<A extends unknown[]>(fn: (...args: A) => void, args: A, label?: string): void {
    if (this.#calls.length >= this.capacity) {
      throw new MessageQueueOverflowError(label ?? getCallableName(fn), this.capacity);
    }
    this.#calls.push(fn as QueuedCall);
    this.#argLists.push(args.slice());
    this.#labels.push(label);
  }

  /**
   * Runs every pending call, including the ones queued while it runs, in order.
   *
   * @returns how many calls ran (a call that threw counts).
   * @throws MessageQueueReentrantFlushError when called from a call this queue is running.
   */
  flush(): number {
    if (this.#flushing) {
      throw new MessageQueueReentrantFlushError();
    }
    // Nothing queued: no call to run and nothing to release (#release() leaves the arrays empty and
    // `#head` at 0 whenever `#calls` is empty), so an idle frame costs this one length check.
    if (this.#calls.length === 0) {
      return 0;
    }
    this.#flushing = true;
    let ran = 0;
    try {
      // `#head` is a field, not a local, so clear() from inside a call restarts the scan at the
      // calls queued after it; the length is re-read each time so that calls queued now run now.
      while (this.#head < this.#calls.length) {
        const index = this.#head++;
        const fn = this.#calls[index]!;
        const args = this.#argLists[index]!;
        ran++;
        try {
          fn(...args);
        } catch (error) {
          reportError(error, `deferred call '${this.#labels[index] ?? getCallableName(fn)}'`);
        }
      }
    } finally {
      this.#release();
      this.#flushing = false;
    }
    return ran;
  }

  /** Drops every pending call without running it. Safe to call from a deferred call. */
  clear(): void {
    this.#release();
  }

  #release(): void {
    this.#calls.length = 0;
    this.#argLists.length = 0;
    this.#labels.length = 0;
    this.#head = 0;
  }
}
