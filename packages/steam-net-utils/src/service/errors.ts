import { RelaylaneError } from '@relaylane/core';

/**
 * The stable codes of {@link NetworkingUtilsError}:
 * - `SERVICE_DISPOSED`: a method was called after `dispose()`;
 * - `BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS`: a backend delivered an event to the sink of a
 *   `runCallbacks()` call that had already returned (a backend bug: events must only reach the game
 *   from inside `runCallbacks()`).
 *
 * (`runCallbacks()` called from a listener throws `BackendStateError` `BACKEND_RUN_CALLBACKS_REENTRANT`,
 * the same as any backend.)
 */
export type NetworkingUtilsErrorCode = 'SERVICE_DISPOSED' | 'BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS';

/**
 * Thrown on misuse of the `NetworkingUtils` service's lifecycle (not of its arguments: a bad
 * argument is a native `TypeError` or `RangeError`). `code` says which misuse.
 */
export class NetworkingUtilsError extends RelaylaneError {
  declare readonly code: NetworkingUtilsErrorCode;

  constructor(code: NetworkingUtilsErrorCode, message: string) {
    super(code, message);
  }
}
