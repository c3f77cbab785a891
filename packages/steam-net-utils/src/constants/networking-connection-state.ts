/**
 * `NetworkingConnectionState` (`ESteamNetworkingConnectionState`): the high-level state of a
 * connection. The negative states are internal to the library (the connection is already closed
 * from the API's point of view).
 */

/** No such connection, or it has already been closed; also the error value of the API. */
export const CONNECTION_STATE_NONE = 0;

/** Establishing whether the peers can and want to talk, authenticating, exchanging keys. */
export const CONNECTION_STATE_CONNECTING = 1;

/** Accepted, but no end-to-end route (through the relays) has been found yet. */
export const CONNECTION_STATE_FINDING_ROUTE = 2;

/** Connected: the peer has been heard from and identified. */
export const CONNECTION_STATE_CONNECTED = 3;

/** The peer closed the connection; close the handle locally to free it. */
export const CONNECTION_STATE_CLOSED_BY_PEER = 4;

/** A problem (timeout, lost Internet, ...) was detected locally; close the handle to free it. */
export const CONNECTION_STATE_PROBLEM_DETECTED_LOCALLY = 5;

/** Closed locally and flushed; waiting in case the peer still needs to learn why it closed. */
export const CONNECTION_STATE_FIN_WAIT = -1;

/** Closed locally; still flushing the last reliable data before telling the peer. */
export const CONNECTION_STATE_LINGER = -2;

/** Completely inactive, about to be destroyed. */
export const CONNECTION_STATE_DEAD = -3;

/** Forces the C enum to 32 bits; never a real state. */
export const CONNECTION_STATE_FORCE_32BIT = 0x7fffffff;

/** `NetworkingConnectionState` grouped: `NetworkingConnectionState.CONNECTED`, ... */
export const NetworkingConnectionState = /*#__PURE__*/ Object.freeze({
  NONE: CONNECTION_STATE_NONE,
  CONNECTING: CONNECTION_STATE_CONNECTING,
  FINDING_ROUTE: CONNECTION_STATE_FINDING_ROUTE,
  CONNECTED: CONNECTION_STATE_CONNECTED,
  CLOSED_BY_PEER: CONNECTION_STATE_CLOSED_BY_PEER,
  PROBLEM_DETECTED_LOCALLY: CONNECTION_STATE_PROBLEM_DETECTED_LOCALLY,
  FIN_WAIT: CONNECTION_STATE_FIN_WAIT,
  LINGER: CONNECTION_STATE_LINGER,
  DEAD: CONNECTION_STATE_DEAD,
  FORCE_32BIT: CONNECTION_STATE_FORCE_32BIT,
} as const);

/** One `NetworkingConnectionState` value. */
export type NetworkingConnectionState =
  (typeof NetworkingConnectionState)[keyof typeof NetworkingConnectionState];
