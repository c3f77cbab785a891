/**
 * `NetworkingSocketsDebugOutputType` (`ESteamNetworkingSocketsDebugOutputType`): the detail level
 * of diagnostic output, from none to everything. A level lets through its own messages and every
 * lower (more important) level's; the `NETWORKING_CONFIG_LOG_LEVEL_*` config values use it too.
 */

/** No output. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE = 0;

/** The API was used incorrectly, or an internal error happened. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG = 1;

/** A run-time error that is not a bug, e.g. offline, or a port cannot be bound. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR = 2;

/** Nothing is wrong, but this is worth knowing. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_IMPORTANT = 3;

/** Warnings; the default level of every `NETWORKING_CONFIG_LOG_LEVEL_*` config value. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING = 4;

/** The recommended amount of output. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG = 5;

/** Quite a lot of output. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE = 6;

/** Practically everything. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG = 7;

/** A wall of text, with detailed packet contents. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING = 8;

/** Forces the C enum to 32 bits; never a real level. */
export const NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_FORCE_32BIT = 0x7fffffff;

/** `NetworkingSocketsDebugOutputType` grouped: `NetworkingSocketsDebugOutputType.WARNING`, ... */
export const NetworkingSocketsDebugOutputType = /*#__PURE__*/ Object.freeze({
  NONE: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
  BUG: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG,
  ERROR: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
  IMPORTANT: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_IMPORTANT,
  WARNING: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
  MSG: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  VERBOSE: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE,
  DEBUG: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
  EVERYTHING: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  FORCE_32BIT: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_FORCE_32BIT,
} as const);

/** One `NetworkingSocketsDebugOutputType` value. */
export type NetworkingSocketsDebugOutputType =
  (typeof NetworkingSocketsDebugOutputType)[keyof typeof NetworkingSocketsDebugOutputType];
