/**
 * The simulated relay network as a backend choice: `simulatedBackend(options)` is what a game
 * passes as the `backend` option. The host joins a world (new unless given) at a location
 * (Frankfurt unless given) and runs on the environment's game clock unless given another.
 */
import { type Clock } from '@relaylane/core';

import { type BackendEnvironment, type BackendProvider } from '../../port/backend-provider.js';
import { type HostLocation } from './host-location.js';
import {
  SimulatedRelayNetwork,
  type SimulatedRelayNetworkOptions,
} from './simulated-relay-network.js';
import {
  DEFAULT_SIMULATION_SEED,
  SimulatedWorld,
  type SimulatedWorldOptions,
} from './simulated-world.js';
import { type Seed } from './world/index.js';

/** Where the simulated host is when the options do not say. */
export const DEFAULT_SIMULATED_HOST_LOCATION = 'Frankfurt';

export { DEFAULT_SIMULATION_SEED };

/** Options of {@link simulatedBackend}: those of the network, all optional, plus the world's. */
export interface SimulatedBackendOptions extends Partial<
  Omit<SimulatedRelayNetworkOptions, 'world' | 'clock' | 'location' | 'seed'>
> {
  /** The world to join (default: a new world from `seed` and `worldOptions`). */
  readonly world?: SimulatedWorld | undefined;
  /** Options of the new world when `world` is not given (its `seed` defaults to `seed`). */
  readonly worldOptions?: SimulatedWorldOptions | undefined;
  /**
   * The clock the simulation runs on (default: the environment's game clock, which the engine
   * advances with `tick(delta)`; a script without an engine passes a `ManualClock` it advances).
   */
  readonly clock?: Clock | undefined;
  /** Where the host is (default {@link DEFAULT_SIMULATED_HOST_LOCATION}). */
  readonly location?: HostLocation | undefined;
  /**
   * Seeds the new world (when `world` is not given; default 0) and, when no `label` is given,
   * names the host's random streams (label `seed:<seed>`).
   */
  readonly seed?: Seed | undefined;
}

/**
 * The simulated relay network, for the `backend` option:
 *
 * ```ts
 * new NetworkingUtilsPlugin({ backend: simulatedBackend({ location: 'Sydney', seed: 42 }) });
 * ```
 *
 * Its `create` throws RangeError for an unknown city, coordinates off the globe or an invalid
 * seed, and `SimulatedWorldError` `SIMULATION_DUPLICATE_HOST_LABEL` when the given world already
 * has the label.
 */
export function simulatedBackend(options: SimulatedBackendOptions = {}): BackendProvider {
  return {
    kind: 'simulated',
    create: (environment) => createSimulatedNetwork(options, environment),
  };
}

/** The host {@link simulatedBackend} creates, typed as the simulation (for its own specs and tools). */
export function createSimulatedNetwork(
  options: SimulatedBackendOptions,
  environment: Pick<BackendEnvironment, 'gameClock'>,
): SimulatedRelayNetwork {
  const world =
    options.world ??
    new SimulatedWorld({
      ...options.worldOptions,
      seed: options.worldOptions?.seed ?? options.seed ?? DEFAULT_SIMULATION_SEED,
    });
  return new SimulatedRelayNetwork({
    ...options,
    world,
    clock: options.clock ?? environment.gameClock,
    location: options.location ?? DEFAULT_SIMULATED_HOST_LOCATION,
  });
}
