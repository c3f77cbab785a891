/**
 * The bits of a connection's info flags (`k_nSteamNetworkConnectionInfoFlags_*`); several can be
 * set at once.
 */

/** There is no certificate for the remote host. */
export const NETWORKING_CONNECTION_INFO_FLAG_UNAUTHENTICATED = 1;

/** Data goes over the wire unencrypted (by this library). */
export const NETWORKING_CONNECTION_INFO_FLAG_UNENCRYPTED = 2;

/** Internal loopback buffers (not set for localhost); implies the `FAST` flag. */
export const NETWORKING_CONNECTION_INFO_FLAG_LOOPBACK_BUFFERS = 4;

/** The connection is "fast" and "reliable": internal, localhost, or probably the same LAN. */
export const NETWORKING_CONNECTION_INFO_FLAG_FAST = 8;

/** The connection is relayed (through SDR or TURN). */
export const NETWORKING_CONNECTION_INFO_FLAG_RELAYED = 16;

/** The connection uses dual-wifi multi-path. */
export const NETWORKING_CONNECTION_INFO_FLAG_DUALWIFI = 32;

/** The connection-info flags grouped: `NetworkingConnectionInfoFlags.RELAYED`, ... */
export const NetworkingConnectionInfoFlags = /*#__PURE__*/ Object.freeze({
  UNAUTHENTICATED: NETWORKING_CONNECTION_INFO_FLAG_UNAUTHENTICATED,
  UNENCRYPTED: NETWORKING_CONNECTION_INFO_FLAG_UNENCRYPTED,
  LOOPBACK_BUFFERS: NETWORKING_CONNECTION_INFO_FLAG_LOOPBACK_BUFFERS,
  FAST: NETWORKING_CONNECTION_INFO_FLAG_FAST,
  RELAYED: NETWORKING_CONNECTION_INFO_FLAG_RELAYED,
  DUALWIFI: NETWORKING_CONNECTION_INFO_FLAG_DUALWIFI,
} as const);
