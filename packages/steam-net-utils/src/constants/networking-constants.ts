/**
 * The stand-alone constants of the reference's Constants table (`steamnetworkingtypes.h`): invalid
 * handles and buffer lengths. The families of related constants (ping sentinels, send flags,
 * connection-info flags, ICE candidate flags) have their own files.
 */

/** The invalid listen-socket handle (`k_HSteamListenSocket_Invalid`). */
export const LISTEN_SOCKET_INVALID = 0;

/** Maximum length of a diagnostic error message (`k_cchMaxSteamNetworkingErrMsg`). */
export const MAX_NETWORKING_ERROR_MESSAGE = 1024;

/**
 * Maximum length of a ping location in its text form (`k_cchMaxSteamNetworkingPingLocationString`).
 * A deliberately generous worst case: real strings are much shorter.
 */
export const MAX_NETWORKING_PING_LOCATION_STRING = 1024;

/** The invalid connection handle (`k_HSteamNetConnection_Invalid`). */
export const NETWORKING_CONNECTION_INVALID = 0;

/** Maximum length of the application's part of a connection description. */
export const NETWORKING_MAX_CONNECTION_APP_NAME = 32;

/** Maximum length in bytes, terminating NUL included, of the reason given when a connection closes. */
export const NETWORKING_MAX_CONNECTION_CLOSE_REASON = 128;

/** Maximum length in bytes, terminating NUL included, of a connection's debug description. */
export const NETWORKING_MAX_CONNECTION_DESCRIPTION = 128;
