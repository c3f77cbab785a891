/**
 * What a backend offers beyond GodotSteam's surface (the simulation's fault controls and console
 * commands; a beacons backend's own), reached through the port by a typed key, never by testing
 * the backend's class:
 *
 * ```ts
 * const controls = networkingUtils.capability(SimulationControlsCapability);
 * controls?.moveTo('Sydney'); // undefined on a backend that is not the simulation
 * ```
 *
 * A key is a `Symbol.for` symbol, so two copies of a package (two bundles, a duplicated
 * dependency) still agree on it; its type parameter is what the backend hands out for it.
 */
import { type ConsoleCommand } from '@relaylane/core';

declare const capabilityValue: unique symbol;

/** The key of a capability whose value has type `T`. */
export type BackendCapability<T> = symbol & { readonly [capabilityValue]?: T };

/** Declares a capability key: `Symbol.for('@relaylane/steam-net-utils/capability/<name>')`. */
export function backendCapability<T>(name: string): BackendCapability<T> {
  return Symbol.for(`@relaylane/steam-net-utils/capability/${name}`) as BackendCapability<T>;
}

/**
 * The dev console commands a backend adds to the `net.*` commands (the simulation's `net.sim.*`).
 * They are registered with the `net.*` commands and unregistered with them.
 */
export const ConsoleCommandsCapability =
  backendCapability<readonly ConsoleCommand[]>('console-commands');

/** What a backend knows about one of its POPs beyond its id. */
export interface PopDescription {
  /** The POP's code (`'fra'`). */
  readonly code: string;
  /** Where it is, for people (`'Frankfurt, Germany'`). */
  readonly description: string;
  /** Its latitude and longitude, degrees. */
  readonly lat: number;
  readonly lon: number;
}

/** Descriptions of the POPs a backend knows (a region picker's labels, a globe's markers). */
export interface PopDirectory {
  /** The POP's description, or undefined for an id the backend does not describe. */
  describePop(popId: number): PopDescription | undefined;
}

/** The key of {@link PopDirectory}. */
export const PopDirectoryCapability = backendCapability<PopDirectory>('pop-directory');
