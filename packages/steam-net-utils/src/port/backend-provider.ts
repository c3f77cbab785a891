/**
 * How a backend comes to be: a provider names its kind and creates (and starts) the backend in
 * the environment the service runs in. A provider is what a game passes as the `backend` option
 * (`simulatedBackend({ location: 'Sydney' })`, `steamBackend({ appId: 480 })`), so a build
 * contains only the backends it names.
 */
import { type Clock } from '@relaylane/core';

import { type NetworkingUtilsBackend } from './networking-utils-backend.js';

/** What a provider gets to create its backend with. */
export interface BackendEnvironment {
  /**
   * Game time: the engine's clock, advanced by `engine.tick(delta)`. The simulation runs on it, so
   * a script that ticks sees simulated time pass, and a paused game pauses the simulation.
   */
  readonly gameClock: Clock;
  /** Real time, for backends that measure real round trips (Steam, beacons). */
  readonly realTimeClock: Clock;
  /** Where a backend announces what the game should know (a fallback, a degraded start). */
  readonly log: (line: string) => void;
}

/** Creates one kind of backend. */
export interface BackendProvider {
  /** The kind of backend it creates (`'simulated'`, `'steam'`), as `backendKind` reports it. */
  readonly kind: string;
  /**
   * Creates and starts the backend. Throws, leaving nothing half-started, when it cannot (Steam
   * is not running, no beacon answers): the message says why, and a list of providers falls back
   * to the next one with that reason.
   */
  create(environment: BackendEnvironment): NetworkingUtilsBackend;
}
