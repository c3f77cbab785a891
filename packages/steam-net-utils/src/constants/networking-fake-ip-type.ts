/**
 * `NetworkingFakeIPType` (`ESteamNetworkingFakeIPType`): what kind of address an IPv4 address is
 * with respect to Steam's FakeIPs. The SDK gives these enumerators no explicit values, so they
 * take C's implicit numbering from 0; `FORCE32BIT` is the only explicit one.
 */

/** Not even an IP address (e.g. the identity is not an IP identity). */
export const FAKE_IP_TYPE_INVALID = 0;

/** A valid IP address outside the range reserved for FakeIPs. */
export const FAKE_IP_TYPE_NOT_FAKE = 1;

/** A FakeIP unique within the app, from the address space Steam manages. */
export const FAKE_IP_TYPE_GLOBAL_IPV4 = 2;

/** A FakeIP unique within this process only; for internal use, never to be shared. */
export const FAKE_IP_TYPE_LOCAL_IPV4 = 3;

/** Forces the C enum to 32 bits; never a real type. */
export const FAKE_IP_TYPE_FORCE32BIT = 0x7fffffff;

/** `NetworkingFakeIPType` grouped: `NetworkingFakeIPType.GLOBAL_IPV4`, ... */
export const NetworkingFakeIPType = /*#__PURE__*/ Object.freeze({
  INVALID: FAKE_IP_TYPE_INVALID,
  NOT_FAKE: FAKE_IP_TYPE_NOT_FAKE,
  GLOBAL_IPV4: FAKE_IP_TYPE_GLOBAL_IPV4,
  LOCAL_IPV4: FAKE_IP_TYPE_LOCAL_IPV4,
  FORCE32BIT: FAKE_IP_TYPE_FORCE32BIT,
} as const);

/** One `NetworkingFakeIPType` value. */
export type NetworkingFakeIPType = (typeof NetworkingFakeIPType)[keyof typeof NetworkingFakeIPType];
