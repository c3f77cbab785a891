/**
 * The values of the config value `NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ENABLE`
 * (`k_nSteamNetworkingConfig_P2P_Transport_ICE_Enable_*`): which kinds of ICE candidates are shared
 * with the peer. `RELAY`, `PRIVATE` and `PUBLIC` are bits that combine with bitwise OR.
 */

/** Special value: use the user's defaults. */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DEFAULT = -1;

/** Do no ICE work at all and share no IP addresses with the peer. */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DISABLE = 0;

/** Relayed connection through a TURN server. */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_RELAY = 1;

/** Host addresses that look link-local or private (RFC 1918). */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PRIVATE = 2;

/** STUN reflexive addresses, or host addresses that are not private. */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PUBLIC = 4;

/** Every kind of candidate (`0x7fffffff`). */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ALL = 0x7fffffff;

/** The ICE candidate settings grouped: `NetworkingConfigP2PTransportICE.PUBLIC`, ... */
export const NetworkingConfigP2PTransportICE = /*#__PURE__*/ Object.freeze({
  DEFAULT: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DEFAULT,
  DISABLE: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DISABLE,
  RELAY: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_RELAY,
  PRIVATE: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PRIVATE,
  PUBLIC: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PUBLIC,
  ALL: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ALL,
} as const);
