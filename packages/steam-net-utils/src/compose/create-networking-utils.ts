import { type MessageQueue } from '@relaylane/core';

import { NetworkingUtils } from '../service/networking-utils.js';
import { type BackendSelectionOptions, selectBackend } from './select-backend.js';

/** Options of {@link createNetworkingUtils}. */
export interface CreateNetworkingUtilsOptions extends BackendSelectionOptions {
  /** Where `DEFERRED` signal connections queue their calls (default `MessageQueue.main`). */
  readonly messageQueue?: MessageQueue;
}

/**
 * Builds a ready `NetworkingUtils` service without an engine or a container, for scripts and tests:
 *
 * ```ts
 * const steam = createNetworkingUtils({ location: 'Sydney', seed: 7, clock: new ManualClock() });
 * steam.initRelayNetworkAccess();
 * ```
 *
 * The caller drives it: call `steam.runCallbacks()` once a frame to receive its signals (the
 * plugin does it from `process`). See {@link BackendSelectionOptions} for the backends; the choice
 * and any fallback reason are in `steam.backendSelection`.
 */
export function createNetworkingUtils(options: CreateNetworkingUtilsOptions = {}): NetworkingUtils {
  const { backend, selection } = selectBackend(options);
  return new NetworkingUtils(backend, {
    selection,
    ...(options.messageQueue === undefined ? {} : { queue: options.messageQueue }),
  });
}
