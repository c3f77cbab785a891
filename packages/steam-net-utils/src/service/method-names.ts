/**
 * The 32 methods of GodotSteam's Networking Utils class, in the reference's (alphabetical) order.
 * `NetworkingUtils` has each of them under this name; tests and the dev console iterate this list.
 */
export const NETWORKING_UTILS_METHODS = Object.freeze([
  'checkPingDataUpToDate',
  'convertPingLocationToString',
  'estimatePingTimeBetweenTwoLocations',
  'estimatePingTimeFromLocalHost',
  'getConfigValue',
  'getConfigValueInfo',
  'getDirectPingToPOP',
  'getIPv4FakeIPType',
  'getLocalPingLocation',
  'getLocalTimestamp',
  'getPingToDataCenter',
  'getPOPCount',
  'getPOPList',
  'getRealIdentityForFakeIP',
  'getRelayNetworkStatus',
  'initRelayNetworkAccess',
  'isFakeIPv4',
  'iterateGenericEditableConfigValues',
  'parsePingLocationString',
  'setConnectionConfigValueFloat',
  'setConnectionConfigValueInt32',
  'setConnectionConfigValueString',
  'setDebugOutputFunction',
  'setGlobalCallbackFakeIPResult',
  'setGlobalCallbackMessagesSessionFailed',
  'setGlobalCallbackMessagesSessionRequest',
  'setGlobalCallbackSteamNetAuthenticationStatusChanged',
  'setGlobalCallbackSteamNetConnectionStatusChanged',
  'setGlobalCallbackSteamRelayNetworkStatusChanged',
  'setGlobalConfigValueFloat',
  'setGlobalConfigValueInt32',
  'setGlobalConfigValueString',
] as const);

/** The name of one of GodotSteam's 32 Networking Utils methods. */
export type NetworkingUtilsMethodName = (typeof NETWORKING_UTILS_METHODS)[number];

/** The methods Relaylane adds to GodotSteam's 32 (the README's "Relaylane additions" lists them). */
export const NETWORKING_UTILS_ADDED_METHODS = Object.freeze([
  'capability',
  'getConfigValueTyped',
  'getRelayNetworkStatusDetails',
  'runCallbacks',
] as const);
