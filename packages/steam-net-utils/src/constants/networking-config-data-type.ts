/** `NetworkingConfigDataType` (`ESteamNetworkingConfigDataType`): the type of a config value. */

/** A 32-bit signed integer. */
export const NETWORKING_CONFIG_TYPE_INT32 = 1;

/** A 64-bit signed integer (a `bigint` in Relaylane). */
export const NETWORKING_CONFIG_TYPE_INT64 = 2;

/** A 32-bit float. */
export const NETWORKING_CONFIG_TYPE_FLOAT = 3;

/** A NUL-terminated string. */
export const NETWORKING_CONFIG_TYPE_STRING = 4;

/** A pointer (the callback config values hold function pointers); `k_ESteamNetworkingConfig_Ptr`. */
export const NETWORKING_CONFIG_TYPE_FUNCTION_PTR = 5;

/** Forces the C enum to 32 bits; never a real type. */
export const NETWORKING_CONFIG_TYPE_FORCE_32BIT = 0x7fffffff;

/** `NetworkingConfigDataType` grouped: `NetworkingConfigDataType.INT32`, ... */
export const NetworkingConfigDataType = /*#__PURE__*/ Object.freeze({
  INT32: NETWORKING_CONFIG_TYPE_INT32,
  INT64: NETWORKING_CONFIG_TYPE_INT64,
  FLOAT: NETWORKING_CONFIG_TYPE_FLOAT,
  STRING: NETWORKING_CONFIG_TYPE_STRING,
  FUNCTION_PTR: NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  FORCE_32BIT: NETWORKING_CONFIG_TYPE_FORCE_32BIT,
} as const);

/** One `NetworkingConfigDataType` value. */
export type NetworkingConfigDataType =
  (typeof NetworkingConfigDataType)[keyof typeof NetworkingConfigDataType];
