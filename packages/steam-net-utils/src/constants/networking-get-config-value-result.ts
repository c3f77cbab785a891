/**
 * `NetworkingGetConfigValueResult` (`ESteamNetworkingGetConfigValueResult`): what reading a config
 * value returned. Negative values are failures.
 */

/** No such config value. */
export const NETWORKING_GET_CONFIG_VALUE_BAD_VALUE = -1;

/** The scope object (e.g. the connection handle) is not valid for that scope. */
export const NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ = -2;

/** The value did not fit in the buffer given. */
export const NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL = -3;

/** The value was set at the scope asked for and has been returned. */
export const NETWORKING_GET_CONFIG_VALUE_OK = 1;

/** Not set at the scope asked for: the effective value inherited from a wider scope was returned. */
export const NETWORKING_GET_CONFIG_VALUE_OK_INHERITED = 2;

/** Forces the C enum to 32 bits; never a real result. */
export const NETWORKING_GET_CONFIG_VALUE_FORCE_32BIT = 0x7fffffff;

/** `NetworkingGetConfigValueResult` grouped: `NetworkingGetConfigValueResult.OK`, ... */
export const NetworkingGetConfigValueResult = /*#__PURE__*/ Object.freeze({
  BAD_VALUE: NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  BAD_SCOPE_OBJ: NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  BUFFER_TOO_SMALL: NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
  OK: NETWORKING_GET_CONFIG_VALUE_OK,
  OK_INHERITED: NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
  FORCE_32BIT: NETWORKING_GET_CONFIG_VALUE_FORCE_32BIT,
} as const);

/** One `NetworkingGetConfigValueResult` value. */
export type NetworkingGetConfigValueResult =
  (typeof NetworkingGetConfigValueResult)[keyof typeof NetworkingGetConfigValueResult];
