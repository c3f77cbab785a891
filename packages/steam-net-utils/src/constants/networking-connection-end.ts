/**
 * `NetworkingConnectionEnd` (`ESteamNetConnectionEnd`): why a connection ended. Like HTTP status
 * codes, the thousands say where the problem lies: 1xxx the application ended it normally, 2xxx
 * the application ended it exceptionally, 3xxx a local problem, 4xxx a remote problem, 5xxx
 * anything else.
 */

/** Invalid, sentinel value. */
export const CONNECTION_END_INVALID = 0;

/** First application code (1xxx: normal end, the values passed when closing a connection). */
export const CONNECTION_END_APP_MIN = 1000;

/** Generic normal end by the application; the same value as {@link CONNECTION_END_APP_MIN}. */
export const CONNECTION_END_APP_GENERIC = CONNECTION_END_APP_MIN;

/** Last application code of the normal range. */
export const CONNECTION_END_APP_MAX = 1999;

/** First code of the application's exceptional range (2xxx: a bug or configuration problem). */
export const CONNECTION_END_APP_EXCEPTION_MIN = 2000;

/** Generic exceptional end; the same value as {@link CONNECTION_END_APP_EXCEPTION_MIN}. */
export const CONNECTION_END_APP_EXCEPTION_GENERIC = CONNECTION_END_APP_EXCEPTION_MIN;

/** Last code of the application's exceptional range. */
export const CONNECTION_END_APP_EXCEPTION_MAX = 2999;

/** First local-problem code (3xxx: this host or its Internet connection). */
export const CONNECTION_END_LOCAL_MIN = 3000;

/** Steam is in offline mode. */
export const CONNECTION_END_LOCAL_OFFLINE_MODE = 3001;

/** Many (perhaps all) relays cannot be reached: most likely the local connection is down. */
export const CONNECTION_END_LOCAL_MANY_RELAY_CONNECTIVITY = 3002;

/** A hosted server cannot talk to the relay the client was using. */
export const CONNECTION_END_LOCAL_HOSTED_SERVER_PRIMARY_RELAY = 3003;

/** The relay network config could not be obtained; almost always a local problem. */
export const CONNECTION_END_LOCAL_NETWORK_CONFIG = 3004;

/** Steam refused the request: no rights to do this. */
export const CONNECTION_END_LOCAL_RIGHTS = 3005;

/** ICE found no public address for this host (`k_ESteamNetConnectionEnd_Local_P2P_ICE_NoPublicAddresses`). */
export const CONNECTION_END_NO_PUBLIC_ADDRESS = 3006;

/** Last local-problem code. */
export const CONNECTION_END_LOCAL_MAX = 3999;

/**
 * First remote-problem code (4xxx: the cause does not seem to be this host). The reference's name
 * is misspelt (`REMOVE`); {@link CONNECTION_END_REMOTE_MIN} is the same value correctly spelt.
 */
export const CONNECTION_END_REMOVE_MIN = 4000;

/** Correctly spelt alias of {@link CONNECTION_END_REMOVE_MIN} (same value, 4000). */
export const CONNECTION_END_REMOTE_MIN = CONNECTION_END_REMOVE_MIN;

/** The connection was lost while the relays stayed reachable. */
export const CONNECTION_END_REMOTE_TIMEOUT = 4001;

/** Something in the peer's certificate or crypto handshake was invalid or unacceptable. */
export const CONNECTION_END_REMOTE_BAD_CRYPT = 4002;

/** The peer's certificate could be parsed but not trusted (e.g. expired or wrong app). */
export const CONNECTION_END_REMOTE_BAD_CERT = 4003;

/** The peer speaks an unsupported protocol version (`k_ESteamNetConnectionEnd_Remote_BadProtocolVersion`). */
export const CONNECTION_END_BAD_PROTOCOL_VERSION = 4006;

/** NAT punching failed: the peer never sent a public address. */
export const CONNECTION_END_REMOTE_P2P_ICE_NO_PUBLIC_ADDRESSES = 4007;

/** Last remote-problem code. */
export const CONNECTION_END_REMOTE_MAX = 4999;

/** First code of the other failures (5xxx). */
export const CONNECTION_END_MISC_MIN = 5000;

/** A rare failure that is not necessarily a bug; the debug string says more. */
export const CONNECTION_END_MISC_GENERIC = 5001;

/** A generic failure, most likely a bug. */
export const CONNECTION_END_MISC_INTERNAL_ERROR = 5002;

/** Timed out, with no telling whether the problem is here, there or in between. */
export const CONNECTION_END_MISC_TIMEOUT = 5003;

/** Trouble talking to Steam. */
export const CONNECTION_END_MISC_STEAM_CONNECTIVITY = 5005;

/** A dedicated server has no relay session through which to answer the client. */
export const CONNECTION_END_MISC_NO_RELAY_SESSIONS_TO_CLIENT = 5006;

/** Peer-to-peer rendezvous failed, with no more specific reason. */
export const CONNECTION_END_MISC_P2P_RENDEZVOUS = 5008;

/** NAT punching failed, probably because of NAT or firewall configuration. */
export const CONNECTION_END_MISC_P2P_NAT_FIREWALL = 5009;

/** The peer has no record of the connection (e.g. it already cleaned it up). */
export const CONNECTION_END_MISC_PEER_SENT_NO_CONNECTION = 5010;

/** Last code of the other failures. */
export const CONNECTION_END_MISC_MAX = 5999;

/** Forces the C enum to 32 bits; never a real reason. */
export const CONNECTION_END_FORCE32BIT = 0x7fffffff;

/**
 * `NetworkingConnectionEnd` grouped: `NetworkingConnectionEnd.MISC_TIMEOUT`, ... Keys are the
 * reference's names without `CONNECTION_END_`, misspelling included (`REMOVE_MIN`).
 */
export const NetworkingConnectionEnd = /*#__PURE__*/ Object.freeze({
  INVALID: CONNECTION_END_INVALID,
  APP_MIN: CONNECTION_END_APP_MIN,
  APP_GENERIC: CONNECTION_END_APP_GENERIC,
  APP_MAX: CONNECTION_END_APP_MAX,
  APP_EXCEPTION_MIN: CONNECTION_END_APP_EXCEPTION_MIN,
  APP_EXCEPTION_GENERIC: CONNECTION_END_APP_EXCEPTION_GENERIC,
  APP_EXCEPTION_MAX: CONNECTION_END_APP_EXCEPTION_MAX,
  LOCAL_MIN: CONNECTION_END_LOCAL_MIN,
  LOCAL_OFFLINE_MODE: CONNECTION_END_LOCAL_OFFLINE_MODE,
  LOCAL_MANY_RELAY_CONNECTIVITY: CONNECTION_END_LOCAL_MANY_RELAY_CONNECTIVITY,
  LOCAL_HOSTED_SERVER_PRIMARY_RELAY: CONNECTION_END_LOCAL_HOSTED_SERVER_PRIMARY_RELAY,
  LOCAL_NETWORK_CONFIG: CONNECTION_END_LOCAL_NETWORK_CONFIG,
  LOCAL_RIGHTS: CONNECTION_END_LOCAL_RIGHTS,
  NO_PUBLIC_ADDRESS: CONNECTION_END_NO_PUBLIC_ADDRESS,
  LOCAL_MAX: CONNECTION_END_LOCAL_MAX,
  REMOVE_MIN: CONNECTION_END_REMOVE_MIN,
  REMOTE_TIMEOUT: CONNECTION_END_REMOTE_TIMEOUT,
  REMOTE_BAD_CRYPT: CONNECTION_END_REMOTE_BAD_CRYPT,
  REMOTE_BAD_CERT: CONNECTION_END_REMOTE_BAD_CERT,
  BAD_PROTOCOL_VERSION: CONNECTION_END_BAD_PROTOCOL_VERSION,
  REMOTE_P2P_ICE_NO_PUBLIC_ADDRESSES: CONNECTION_END_REMOTE_P2P_ICE_NO_PUBLIC_ADDRESSES,
  REMOTE_MAX: CONNECTION_END_REMOTE_MAX,
  MISC_MIN: CONNECTION_END_MISC_MIN,
  MISC_GENERIC: CONNECTION_END_MISC_GENERIC,
  MISC_INTERNAL_ERROR: CONNECTION_END_MISC_INTERNAL_ERROR,
  MISC_TIMEOUT: CONNECTION_END_MISC_TIMEOUT,
  MISC_STEAM_CONNECTIVITY: CONNECTION_END_MISC_STEAM_CONNECTIVITY,
  MISC_NO_RELAY_SESSIONS_TO_CLIENT: CONNECTION_END_MISC_NO_RELAY_SESSIONS_TO_CLIENT,
  MISC_P2P_RENDEZVOUS: CONNECTION_END_MISC_P2P_RENDEZVOUS,
  MISC_P2P_NAT_FIREWALL: CONNECTION_END_MISC_P2P_NAT_FIREWALL,
  MISC_PEER_SENT_NO_CONNECTION: CONNECTION_END_MISC_PEER_SENT_NO_CONNECTION,
  MISC_MAX: CONNECTION_END_MISC_MAX,
  FORCE32BIT: CONNECTION_END_FORCE32BIT,
} as const);

/** One `NetworkingConnectionEnd` value. */
export type NetworkingConnectionEnd =
  (typeof NetworkingConnectionEnd)[keyof typeof NetworkingConnectionEnd];
