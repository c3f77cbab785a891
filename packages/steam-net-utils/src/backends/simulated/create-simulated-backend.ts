/**
 * The one-call way to a simulated relay network: a world (new unless given), a clock (the system
 * clock unless given) and a host at a location (Frankfurt unless given).
 */
import { type Clock, SystemClock } from '@relaylane/core';

import { type HostLocation } from './host-location.js';
import {
  SimulatedRelayNetwork,
  type SimulatedRelayNetworkOptions,
} from './simulated-relay-network.js';
import { SimulatedWorld, type SimulatedWorldOptions } from './simulated-world.js';
import { type Seed } from './world/index.js';

/** Where the simulated host is when the options do not say. */
export const DEFAULT_SIMULATED_HOST_LOCATION = 'Frankfurt';

/** Options of {@link createSimulatedBackend}: those of the network, all optional, plus the world's. */
export interface CreateSimulatedBackendOptions extends Partial<
  Omit<SimulatedRelayNetworkOptions, 'world' | 'clock' | 'location'>
> {
  /** The world to join (default: a new world from `seed` and `worldOptions`). */
  readonly world?: SimulatedWorld;
  /** Options of the new world when `world` is not given (its `seed` defaults to `seed`). */
  readonly worldOptions?: SimulatedWorldOptions;
  /** The clock (default a `SystemClock`; tests pass a `ManualClock`). */
  readonly clock?: Clock;
  /** Where the host is (default {@link DEFAULT_SIMULATED_HOST_LOCATION}). */
  readonly location?: HostLocation;
  /**
   * Seeds the new world (when `world` is not given; default 0) and, when no `label` is given,
   * names the host's random streams (label `seed:<seed>`).
   */
  readonly seed?: Seed;
}

/**
 * A {@link SimulatedRelayNetwork} for one host, with everything it needs defaulted.
 *
 * ```ts
 * const backend = createSimulatedBackend({ location: 'Sydney', seed: 42, clock });
 * const lobbyHost = backend.world.createHost({ location: 'Tokyo' }); // shares the world
 * ```
 *
 * @throws RangeError for an unknown city, coordinates off the globe or an invalid seed;
 *   `SimulatedWorldError` `DUPLICATE_HOST_LABEL` when the given world already has the label.
 */
export function createSimulatedBackend(
  options: CreateSimulatedBackendOptions = {},
): SimulatedRelayNetwork {
  const world =
    options.world ??
    new SimulatedWorld({
      ...options.worldOptions,
      seed: options.worldOptions?.seed ?? options.seed ?? 0,
    });
  return new SimulatedRelayNetwork({
    world,
    clock: options.clock ?? new SystemClock(),
    location: options.location ?? DEFAULT_SIMULATED_HOST_LOCATION,
    ...(options.connection === undefined ? {} : { connection: options.connection }),
    ...(options.carrier === undefined ? {} : { carrier: options.carrier }),
    ...(options.label === undefined ? {} : { label: options.label }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.steamId === undefined ? {} : { steamId: options.steamId }),
    ...(options.config === undefined ? {} : { config: options.config }),
  });
}
