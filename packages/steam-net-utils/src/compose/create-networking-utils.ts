/**
 * The service without an engine: for scripts, tools and tests that drive `runCallbacks()`
 * themselves. In an engine, `NetworkingUtilsPlugin` does the same through the container.
 */
import { type Clock, type MessageQueue, SystemClock } from '@relaylane/core';

import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { NetworkingUtils } from '../service/networking-utils.js';
import { type BackendChoice, selectBackend } from './select-backend.js';

/** Options of {@link createNetworkingUtils}; all optional. */
export interface CreateNetworkingUtilsOptions {
  /** The backend (see `BackendChoice`; default `simulatedBackend()`, the simulated network in Frankfurt). */
  readonly backend?: BackendChoice | undefined;
  /**
   * Game time, which the simulation runs on. Without an engine there is no tick to advance it, so
   * the default is real time (a `SystemClock`); a script that steps time itself passes a
   * `ManualClock` and advances it.
   */
  readonly gameClock?: Clock | undefined;
  /** Real time, for backends that measure real round trips (default a `SystemClock`). */
  readonly realTimeClock?: Clock | undefined;
  /** Where a fallback between listed backends is announced (default `console.warn`). */
  readonly log?: ((line: string) => void) | undefined;
  /** Where `DEFERRED` signal connections queue their calls (default `MessageQueue.main`). */
  readonly messageQueue?: MessageQueue | undefined;
}

/**
 * Builds a ready `NetworkingUtils`:
 *
 * ```ts
 * const gameClock = new ManualClock();
 * const networkingUtils = createNetworkingUtils({
 *   backend: simulatedBackend({ location: 'Sydney', seed: 7 }),
 *   gameClock,
 * });
 * networkingUtils.initRelayNetworkAccess();
 * gameClock.advance(5000);
 * networkingUtils.runCallbacks(); // relay_network_status ... CURRENT
 * ```
 *
 * The caller drives it: call `runCallbacks()` once a frame to receive its signals. How the
 * backend was chosen, and why any listed backend was passed over, is in `backendSelection`.
 *
 * @throws what `selectBackend` throws: BackendSelectionError when no backend starts, TypeError for
 *   a `backend` value that is not a choice.
 */
export function createNetworkingUtils(options: CreateNetworkingUtilsOptions = {}): NetworkingUtils {
  const { backend, info } = selectBackend(options.backend ?? simulatedBackend(), {
    gameClock: options.gameClock ?? new SystemClock(),
    realTimeClock: options.realTimeClock ?? new SystemClock(),
    log: options.log ?? ((line) => console.warn(line)),
  });
  return new NetworkingUtils(backend, { selection: info, messageQueue: options.messageQueue });
}
