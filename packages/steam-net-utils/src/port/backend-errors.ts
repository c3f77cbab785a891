/**
 * The errors every backend throws for the same misuse of the port, with the same codes whichever
 * backend it is, so a game (or the service) can branch on them once.
 */
import { RelaylaneError } from '@relaylane/core';

/**
 * The stable codes of {@link BackendStateError}:
 * - `BACKEND_SHUT_DOWN`: a backend was used after `shutdown()`;
 * - `BACKEND_RUN_CALLBACKS_REENTRANT`: `runCallbacks()` was called while it was delivering events (from
 *   an event listener). The service throws the same code for its own `runCallbacks()`.
 */
export type BackendStateErrorCode = 'BACKEND_SHUT_DOWN' | 'BACKEND_RUN_CALLBACKS_REENTRANT';

/** Thrown when a backend is used in a way its state does not allow. */
export class BackendStateError extends RelaylaneError {
  declare readonly code: BackendStateErrorCode;

  constructor(code: BackendStateErrorCode, message: string) {
    super(code, message);
  }
}

/** `BACKEND_RUN_CALLBACKS_REENTRANT` for `<where>.runCallbacks`. */
export function runCallbacksReentrantError(where: string): BackendStateError {
  return new BackendStateError(
    'BACKEND_RUN_CALLBACKS_REENTRANT',
    `${where}.runCallbacks: already delivering events (it was called from an event listener). ` +
      'The host loop calls it once a frame; do not call it from a listener.',
  );
}

/** `BACKEND_SHUT_DOWN` for `<where>.<method>`. */
export function backendShutDownError(where: string, method: string): BackendStateError {
  return new BackendStateError(
    'BACKEND_SHUT_DOWN',
    `${where}.${method} was called after shutdown(). A backend is not reused: create a new one ` +
      '(a new service, or reload the plugin).',
  );
}
