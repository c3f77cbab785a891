/**
 * The special values that functions returning a ping (in milliseconds) return instead of one
 * (`k_nSteamNetworkingPing_*`). Any negative ping is a failure.
 */

/** The ping could not be measured because of some networking difficulty. */
export const NETWORKING_PING_FAILED = -1;

/** The question cannot be answered right now for another reason (e.g. no ping data yet). */
export const NETWORKING_PING_UNKNOWN = -2;

/** The ping sentinels grouped: `NetworkingPing.FAILED`, `NetworkingPing.UNKNOWN`. */
export const NetworkingPing = /*#__PURE__*/ Object.freeze({
  FAILED: NETWORKING_PING_FAILED,
  UNKNOWN: NETWORKING_PING_UNKNOWN,
} as const);

/** One of the ping sentinels. */
export type NetworkingPing = (typeof NetworkingPing)[keyof typeof NetworkingPing];
