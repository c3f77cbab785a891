/**
 * The Steam backend over the test double, for the specs: the double built and loaded as Steam's
 * library (through the real loader and koffi binding), reset to a fresh small Steam, and a backend
 * started on it.
 */
import { NetworkingUtils } from '../../../service/networking-utils.js';
import { type NetworkingUtilsHarness } from '../../../test-support/harness.js';
import { createSteamBackend } from '../create-steam-backend.js';
import { loadSteamApi } from '../native/load-steam-api.js';
import { type SteamApi } from '../native/steam-api.js';
import {
  type SteamApiTestDouble,
  loadSteamApiTestDouble,
} from '../test-double/test-double-control.js';
import { type SteamBackend } from '../steam-backend.js';

/** The double and the binding that loads it as Steam's library. */
export interface SteamDouble {
  readonly double: SteamApiTestDouble;
  readonly api: SteamApi;
}

/** Builds (once) and loads the double: its control functions, and the Steam binding of it. */
export function loadSteamDouble(): SteamDouble {
  const double = loadSteamApiTestDouble();
  return { double, api: loadSteamApi({ libraryPath: double.path, env: {} }) };
}

/** A backend on a freshly reset double, initialised, with the double's log cleared after init. */
export function startBackendOnDouble({ double, api }: SteamDouble): SteamBackend {
  double.reset();
  const backend = createSteamBackend({ api, env: {} });
  backend.init();
  double.clearLog();
  return backend;
}

/**
 * A `NetworkingUtils` harness over the Steam backend on the double, for the shared suites: its time
 * is the double's clock. Steam is one per process, so each new harness shuts the previous
 * service's backend down first (the suites are told so with `oneServiceAtATime`).
 */
export function steamDoubleHarness(steam: SteamDouble): NetworkingUtilsHarness {
  const backend = startBackendOnDouble(steam);
  return { service: new NetworkingUtils(backend), advance: (ms) => steam.double.advanceTime(ms) };
}
