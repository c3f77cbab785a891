/**
 * Where Relaylane reports errors it catches so that one failure does not stop the others: a signal
 * listener that threw, a deferred call that threw, a plugin whose `process()` threw. Godot prints
 * such errors and carries on; so does Relaylane, through one replaceable hook.
 *
 * @param error - what was thrown.
 * @param context - what was running, e.g. `signal 'relay_network_status' listener 'Lobby::onStatus'`.
 */
export type ErrorHook = (error: unknown, context: string) => void;

/** The hook in place until {@link setErrorHook} installs another: one `console.error` line. */
export const defaultErrorHook: ErrorHook = (error, context) => {
  console.error(`[relaylane] ${context}:`, error);
};

let currentHook: ErrorHook = defaultErrorHook;

/**
 * Replaces the process-wide error hook (e.g. to show errors in the dev console, or to fail a test).
 * Pass `undefined` to restore {@link defaultErrorHook}.
 */
export function setErrorHook(hook: ErrorHook | undefined): void {
  currentHook = hook ?? defaultErrorHook;
}

/** The hook {@link reportError} calls now. */
export function getErrorHook(): ErrorHook {
  return currentHook;
}

/**
 * Hands `error` to the current error hook. Never throws: callers report from inside loops that
 * must go on (the next listener, the next deferred call), so a hook that itself throws is reported,
 * together with the original error, through {@link defaultErrorHook}.
 */
export function reportError(error: unknown, context: string): void {
  try {
    currentHook(error, context);
  } catch (hookError) {
    defaultErrorHook(error, context);
    defaultErrorHook(hookError, `the error hook threw while reporting "${context}"`);
  }
}
