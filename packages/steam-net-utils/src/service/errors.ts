import { RelaylaneError } from '@relaylane/core';

/**
 * The stable codes of {@link NetworkingUtilsError}:
 * - `NETWORKING_UTILS_DISPOSED`: a method was called after `dispose()`;
 * - `RUN_CALLBACKS_REENTRANT`: `runCallbacks()` was called while it was already delivering
 *   callbacks (from a signal listener);
 * - `BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS`: a backend delivered an event to the sink of a
 *   `runCallbacks()` call that had already returned (a backend bug: events must only reach the game
 *   from inside `runCallbacks()`).
 */
export type NetworkingUtilsErrorCode =
  'NETWORKING_UTILS_DISPOSED' | 'RUN_CALLBACKS_REENTRANT' | 'BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS';

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
