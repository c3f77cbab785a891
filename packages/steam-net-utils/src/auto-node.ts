// @relaylane/steam-net-utils/auto, as Node resolves it: Steam when the Steam client runs, then the
// beacons when the options name them (over UDP), then the simulation.
import { autoBackendWith } from './compose/auto-backend.js';
import { type BeaconsBackendOptions } from './backends/beacons/index.js';
import { steamBackend, type SteamBackendOptions } from './backends/steam/create-steam-backend.js';
import { nodeBeaconsBackend } from './node-transports/node-beacons-backend.js';

/**
 * Steam, then the beacons (when `options.beacons` is given), then the simulation, for the `backend`
 * option:
 *
 * ```ts
 * createNetworkingUtils({ backend: autoBackend({ steam: { appId: 480 } }) });
 * ```
 */
export const autoBackend = autoBackendWith<SteamBackendOptions, BeaconsBackendOptions>({
  steam: (options) => steamBackend(options),
  beacons: nodeBeaconsBackend,
});

export { type AutoBackendOptions } from './compose/auto-backend.js';
