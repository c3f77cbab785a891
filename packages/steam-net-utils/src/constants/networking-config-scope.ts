/**
 * `NetworkingConfigScope` (`ESteamNetworkingConfigScope`): the kind of object a config value is
 * read from or applied to.
 */

/** Global options, and the defaults of every narrower scope. */
export const NETWORKING_CONFIG_SCOPE_GLOBAL = 1;

/** One sockets interface; connection and listen-socket options set here apply to what it creates. */
export const NETWORKING_CONFIG_SCOPE_SOCKETS_INTERFACE = 2;

/** One listen socket; connection options set here are the defaults of the connections it accepts. */
export const NETWORKING_CONFIG_SCOPE_LISTEN_SOCKET = 3;

/** One connection. */
export const NETWORKING_CONFIG_SCOPE_CONNECTION = 4;

/** Forces the C enum to 32 bits; never a real scope. */
export const NETWORKING_CONFIG_SCOPE_FORCE_32BIT = 0x7fffffff;

/** `NetworkingConfigScope` grouped: `NetworkingConfigScope.GLOBAL`, ... */
export const NetworkingConfigScope = /*#__PURE__*/ Object.freeze({
  GLOBAL: NETWORKING_CONFIG_SCOPE_GLOBAL,
  SOCKETS_INTERFACE: NETWORKING_CONFIG_SCOPE_SOCKETS_INTERFACE,
  LISTEN_SOCKET: NETWORKING_CONFIG_SCOPE_LISTEN_SOCKET,
  CONNECTION: NETWORKING_CONFIG_SCOPE_CONNECTION,
  FORCE_32BIT: NETWORKING_CONFIG_SCOPE_FORCE_32BIT,
} as const);

/** One `NetworkingConfigScope` value. */
export type NetworkingConfigScope =
  (typeof NetworkingConfigScope)[keyof typeof NetworkingConfigScope];
