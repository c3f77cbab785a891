import { type Clock, RelaylaneError } from '@relaylane/core';

import { type NetworkingUtilsBackend } from '../port/networking-utils-backend.js';
import { type BackendSelectionInfo } from '../service/networking-utils.js';
import { type HostLocation } from '../backends/simulated/host-location.js';
import { createSimulatedBackend } from '../backends/simulated/create-simulated-backend.js';
import { type SimulatedWorld } from '../backends/simulated/simulated-world.js';
import { type ConnectionType, type Seed } from '../backends/simulated/world/index.js';

/** Which backend to use: a name, or a backend object you built yourself. */
export type BackendChoice = 'simulated' | 'steam' | 'auto' | NetworkingUtilsBackend;

/**
 * What the Node-only entry `@relaylane/steam-net-utils/steam` provides to pick the Steam backend.
 * The main entry never imports it (a browser bundle must not contain the native binding): pass it
 * as the `steam` option.
 */
export interface SteamBackendProvider {
  /** Makes the Steam backend; nothing is loaded until its `init()`. */
  createSteamBackend(options: Record<string, unknown>): NetworkingUtilsBackend & {
    /** Loads the Steam client library and initialises Steam; throws a typed error when it cannot. */
    init(): void;
  };
}

/** Options shared by `createNetworkingUtils` and `NetworkingUtilsPlugin`. */
export interface BackendSelectionOptions {
  /**
   * `'simulated'` (the default): the simulated relay network, no Steam and no network needed.
   * `'steam'`: the real Steam client library (Node and Electron; needs the `steam` option).
   * `'auto'`: Steam when it loads and initialises, otherwise the simulation, saying why (a log
   * line and `backendSelection.fallbackReason`, which the dev console's `net.status` shows).
   * Or a backend object.
   */
  readonly backend?: BackendChoice;
  /** Where the simulated player is: a catalogue city (`'Frankfurt'`) or `{ lat, lon }` (default `'Frankfurt'`, `DEFAULT_SIMULATED_HOST_LOCATION`). */
  readonly location?: HostLocation;
  /** The simulated player's access technology (default `'fiber'`). */
  readonly connection?: ConnectionType;
  /** Seeds the simulation (default 0): the same seed gives the same pings. */
  readonly seed?: Seed;
  /** The simulation's clock (default a `SystemClock`; tests pass a `ManualClock`). */
  readonly clock?: Clock;
  /** A world shared with other simulated hosts (lobbies, a second player); default a new world from `seed`. */
  readonly world?: SimulatedWorld;
  /** The Steam backend's provider: `import { steamBackendProvider } from '@relaylane/steam-net-utils/steam'`. */
  readonly steam?: SteamBackendProvider;
  /** Options for `createSteamBackend` (library path, app id...). */
  readonly steamOptions?: Record<string, unknown>;
  /** Where the fallback of `'auto'` is announced (default `console.warn`). */
  readonly log?: (line: string) => void;
}

/** Thrown when `backend: 'steam'` cannot be used; the message says why and what to do. */
export class BackendSelectionError extends RelaylaneError {}

/**
 * Builds the backend the options ask for.
 *
 * @throws BackendSelectionError `STEAM_BACKEND_NOT_PROVIDED` for `'steam'` without the `steam`
 *   option, `STEAM_BACKEND_FAILED` (with Steam's reason as `cause`) when it cannot start;
 *   `TypeError` for an unknown `backend` value; the simulation's RangeError for an unknown city.
 */
export function selectBackend(options: BackendSelectionOptions): {
  backend: NetworkingUtilsBackend;
  selection: BackendSelectionInfo;
} {
  const choice = options.backend ?? 'simulated';
  if (typeof choice === 'object' && choice !== null) {
    return { backend: choice, selection: { requested: 'custom', kind: choice.kind } };
  }
  switch (choice) {
    case 'simulated':
      return {
        backend: createSimulatedNetwork(options),
        selection: { requested: 'simulated', kind: 'simulated' },
      };
    case 'steam': {
      const backend = startSteam(options);
      return { backend, selection: { requested: 'steam', kind: backend.kind } };
    }
    case 'auto': {
      let backend: NetworkingUtilsBackend;
      try {
        backend = startSteam(options);
      } catch (error) {
        const fallbackReason = error instanceof Error ? error.message : String(error);
        (options.log ?? console.warn)(
          `[relaylane] Steam is not available, using the simulated relay network instead: ${fallbackReason}`,
        );
        return {
          backend: createSimulatedNetwork(options),
          selection: { requested: 'auto', kind: 'simulated', fallbackReason },
        };
      }
      return { backend, selection: { requested: 'auto', kind: backend.kind } };
    }
    default:
      throw new TypeError(
        `createNetworkingUtils: backend must be 'simulated', 'steam', 'auto' or a ` +
          `NetworkingUtilsBackend object, got ${JSON.stringify(choice) ?? String(choice)}`,
      );
  }
}

function createSimulatedNetwork(options: BackendSelectionOptions): NetworkingUtilsBackend {
  return createSimulatedBackend({
    ...(options.world === undefined ? {} : { world: options.world }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.location === undefined ? {} : { location: options.location }),
    ...(options.connection === undefined ? {} : { connection: options.connection }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
}

function startSteam(options: BackendSelectionOptions): NetworkingUtilsBackend {
  if (options.steam === undefined) {
    throw new BackendSelectionError(
      'STEAM_BACKEND_NOT_PROVIDED',
      'The Steam backend was requested but not provided. In Node or Electron, import { ' +
        "steamBackendProvider } from '@relaylane/steam-net-utils/steam' and pass it as the " +
        "`steam` option; in a browser, use backend: 'simulated'.",
    );
  }
  try {
    const backend = options.steam.createSteamBackend(options.steamOptions ?? {});
    // init() leaves nothing half-initialised when it throws (the Steam backend's contract).
    backend.init();
    return backend;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackendSelectionError(
      'STEAM_BACKEND_FAILED',
      `The Steam backend could not start: ${reason}`,
      {
        cause: error,
      },
    );
  }
}
