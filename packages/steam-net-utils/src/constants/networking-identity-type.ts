/**
 * `NetworkingIdentityType` (`ESteamNetworkingIdentityType`): the kind of identity that names a
 * network host.
 */

/** Empty or invalid. An unrecognised but plausible string parses as `UNKNOWN_TYPE`, not as this. */
export const IDENTITY_TYPE_INVALID = 0;

/** The IP address and port are the identity; always unauthenticated. IPv4 is stored IPv4-mapped. */
export const IDENTITY_TYPE_IP_ADDRESS = 1;

/** An application-defined string. */
export const IDENTITY_TYPE_GENERIC_STRING = 2;

/** Application-defined bytes. */
export const IDENTITY_TYPE_GENERIC_BYTES = 3;

/** A valid-looking identity of a kind this version does not know; kept for forward compatibility. */
export const IDENTITY_TYPE_UNKNOWN_TYPE = 4;

/** A 64-bit Steam ID. */
export const IDENTITY_TYPE_STEAMID = 16;

/** A publisher-specific Xbox user identity, as a string. */
export const IDENTITY_TYPE_XBOX_PAIRWISE = 17;

/** A 64-bit PlayStation Network ID. */
export const IDENTITY_TYPE_SONY_PSN = 18;

/** Forces the C enum to 32 bits; never a real type. */
export const IDENTITY_TYPE_FORCE_32BIT = 0x7fffffff;

/** `NetworkingIdentityType` grouped: `NetworkingIdentityType.STEAMID`, ... */
export const NetworkingIdentityType = /*#__PURE__*/ Object.freeze({
  INVALID: IDENTITY_TYPE_INVALID,
  IP_ADDRESS: IDENTITY_TYPE_IP_ADDRESS,
  GENERIC_STRING: IDENTITY_TYPE_GENERIC_STRING,
  GENERIC_BYTES: IDENTITY_TYPE_GENERIC_BYTES,
  UNKNOWN_TYPE: IDENTITY_TYPE_UNKNOWN_TYPE,
  STEAMID: IDENTITY_TYPE_STEAMID,
  XBOX_PAIRWISE: IDENTITY_TYPE_XBOX_PAIRWISE,
  SONY_PSN: IDENTITY_TYPE_SONY_PSN,
  FORCE_32BIT: IDENTITY_TYPE_FORCE_32BIT,
} as const);

/** One `NetworkingIdentityType` value. */
export type NetworkingIdentityType =
  (typeof NetworkingIdentityType)[keyof typeof NetworkingIdentityType];
