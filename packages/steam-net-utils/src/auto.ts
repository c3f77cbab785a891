// @relaylane/steam-net-utils/auto — `autoBackend()`, the backend a game gets when it does not want
// to choose: the beacons when the options name them, else the simulation. This is the browser's
// build; Node resolves the same entry to auto-node.ts, which tries Steam first.
import { autoBackendWith } from './compose/auto-backend.js';
import {
  beaconsBackendWith,
  type BeaconsBackendOptions,
  webSocketTransport,
} from './backends/beacons/index.js';

/**
 * The beacons (when `options.beacons` is given), then the simulation, for the `backend` option:
 *
 * ```ts
 * createNetworkingUtils({ backend: autoBackend({ beacons: { networkConfigUrl: '/network-config' } }) });
 * ```
 */
export const autoBackend = autoBackendWith<never, BeaconsBackendOptions>({
  beacons: beaconsBackendWith(webSocketTransport),
});

export { type AutoBackendOptions } from './compose/auto-backend.js';
