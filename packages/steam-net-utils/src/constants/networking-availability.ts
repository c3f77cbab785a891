/**
 * `NetworkingAvailability` (`ESteamNetworkingAvailability`): how far Steam has got with a resource
 * the relay network needs (the network config, any relay, the relay network as a whole). Negative
 * values indicate a problem. Steam does not retry in the background: it retries when something
 * needs the resource (querying the status, connecting, ...).
 */

/** A resource this one depends on is missing (e.g. no Internet, or no network config), so it cannot be tried. */
export const NETWORKING_AVAILABILITY_CANNOT_TRY = -102;

/** Tried long enough that it should have worked by now, and it never has. */
export const NETWORKING_AVAILABILITY_FAILED = -101;

/** It worked once, but now it looks like there is a problem. */
export const NETWORKING_AVAILABILITY_PREVIOUSLY = -100;

/** It failed before and is being retried now. */
export const NETWORKING_AVAILABILITY_RETRYING = -10;

/** Internal sentinel, or the value does not apply here. */
export const NETWORKING_AVAILABILITY_UNKNOWN = 0;

/** Not known, because it has never been checked or tried. */
export const NETWORKING_AVAILABILITY_NEVER_TRIED = 1;

/** Waiting for a resource this one depends on (e.g. relay pings wait for the network config). */
export const NETWORKING_AVAILABILITY_WAITING = 2;

/** Actively trying, not yet successful. */
export const NETWORKING_AVAILABILITY_ATTEMPTING = 3;

/** The resource is online and available. */
export const NETWORKING_AVAILABILITY_CURRENT = 100;

/** Forces the C enum to 32 bits; never a real status. */
export const NETWORKING_AVAILABILITY_FORCE_32BIT = 0x7fffffff;

/** `NetworkingAvailability` grouped: `NetworkingAvailability.CURRENT`, ... */
export const NetworkingAvailability = /*#__PURE__*/ Object.freeze({
  CANNOT_TRY: NETWORKING_AVAILABILITY_CANNOT_TRY,
  FAILED: NETWORKING_AVAILABILITY_FAILED,
  PREVIOUSLY: NETWORKING_AVAILABILITY_PREVIOUSLY,
  RETRYING: NETWORKING_AVAILABILITY_RETRYING,
  UNKNOWN: NETWORKING_AVAILABILITY_UNKNOWN,
  NEVER_TRIED: NETWORKING_AVAILABILITY_NEVER_TRIED,
  WAITING: NETWORKING_AVAILABILITY_WAITING,
  ATTEMPTING: NETWORKING_AVAILABILITY_ATTEMPTING,
  CURRENT: NETWORKING_AVAILABILITY_CURRENT,
  FORCE_32BIT: NETWORKING_AVAILABILITY_FORCE_32BIT,
} as const);

/** One `NetworkingAvailability` value. */
export type NetworkingAvailability =
  (typeof NetworkingAvailability)[keyof typeof NetworkingAvailability];
