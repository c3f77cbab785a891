/**
 * `autoBackend()`: the backend a game gets when it does not want to choose. Steam when the Steam
 * client runs (in Node and Electron), then the game's beacons when the options name them, then the
 * simulation, which always starts. Every backend passed over is visible with its reason: a log line
 * when the service starts, `backendSelection.fallbacks`, and `net.status` in the dev console.
 *
 * Each platform's entry (`@relaylane/steam-net-utils/auto`) gives this the providers it has:
 * browsers have no Steam backend.
 */
import { type BackendProvider } from '../port/backend-provider.js';
import {
  simulatedBackend,
  type SimulatedBackendOptions,
} from '../backends/simulated/simulated-backend-provider.js';

/** Options of `autoBackend`, one object per backend it may try. */
export interface AutoBackendOptions<SteamOptions, BeaconsOptions> {
  /** The Steam backend's options (Node only; default: its defaults). */
  readonly steam?: SteamOptions | undefined;
  /** The beacons backend's options; without them the beacons are not tried. */
  readonly beacons?: BeaconsOptions | undefined;
  /** The simulation's options, for the last fallback. */
  readonly simulated?: SimulatedBackendOptions | undefined;
}

/** The providers one platform offers to {@link autoBackendWith}. */
export interface AutoBackendProviders<SteamOptions, BeaconsOptions> {
  readonly steam?: ((options: SteamOptions | undefined) => BackendProvider) | undefined;
  readonly beacons: (options: BeaconsOptions) => BackendProvider;
}

/** The `autoBackend` of a platform: the list of providers, in the order above. */
export function autoBackendWith<SteamOptions, BeaconsOptions>(
  providers: AutoBackendProviders<SteamOptions, BeaconsOptions>,
): (options?: AutoBackendOptions<SteamOptions, BeaconsOptions>) => readonly BackendProvider[] {
  return (options = {}) => {
    const list: BackendProvider[] = [];
    if (providers.steam !== undefined) list.push(providers.steam(options.steam));
    if (options.beacons !== undefined) list.push(providers.beacons(options.beacons));
    list.push(simulatedBackend(options.simulated));
    return list;
  };
}
