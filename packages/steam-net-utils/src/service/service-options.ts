/** The options of the `NetworkingUtils` service, and the record of how its backend was chosen. */
import { type MessageQueue } from '@relaylane/core';

/** A backend passed over when the `backend` option listed several, and why it did not start. */
export interface BackendFallback {
  readonly kind: string;
  readonly reason: string;
}

/**
 * How a service's backend was chosen, for the dev console and diagnostics. Backend selection
 * fills it in; a service given a backend directly reports `{ requested: ['custom'], kind,
 * fallbacks: [] }`.
 */
export interface BackendSelectionInfo {
  /** The kinds asked for, in the order they were tried (`'custom'` for a backend object). */
  readonly requested: readonly string[];
  /** The kind of the backend that answers. */
  readonly kind: string;
  /** The providers passed over before it, in order, each with its reason (empty when none). */
  readonly fallbacks: readonly BackendFallback[];
}

/** Options of {@link NetworkingUtils}. */
export interface NetworkingUtilsOptions {
  /** Where `DEFERRED` signal connections queue their calls (default `MessageQueue.main`). */
  readonly messageQueue?: MessageQueue | undefined;
  /** How the backend was chosen (default: a backend given directly, `requested: ['custom']`). */
  readonly selection?: BackendSelectionInfo | undefined;
}
