/**
 * The parameters of every `NetworkingUtils` method, for tests that call all of them: what kind of
 * value each parameter takes, and one valid argument list per method.
 */
import {
  NETWORKING_CONFIG_INVALID,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from '../constants/index.js';
import {
  NETWORKING_UTILS_ADDED_METHODS,
  NETWORKING_UTILS_METHODS,
  type NetworkingUtilsMethodName,
} from '../service/method-names.js';

/** Every method a test may call: GodotSteam's 32 and Relaylane's additions. */
export type AnyNetworkingUtilsMethod =
  NetworkingUtilsMethodName | (typeof NETWORKING_UTILS_ADDED_METHODS)[number];

/** Every method a test may call, GodotSteam's first. */
export const ALL_METHODS: readonly AnyNetworkingUtilsMethod[] = [
  ...NETWORKING_UTILS_METHODS,
  ...NETWORKING_UTILS_ADDED_METHODS,
];

/**
 * What a parameter takes:
 * - `location`: a 512-byte `Uint8Array`;
 * - `uint32`: a POP id or a connection handle;
 * - `config`: a `NetworkingConfigValue` (int32); `scope`: a `NetworkingConfigScope` (int32);
 * - `int32`: an int32 config value; `float32`: a float config value;
 * - `seconds`: any finite number; `boolean`; `detailLevel`: 0 to 8;
 * - `text`: any string (ping location text); `ip`: any string (an IP address); `cstring`: a
 *   string without NUL;
 * - `capabilityKey`: a symbol (a key from `backendCapability()`; any other symbol is unknown).
 */
export type ParameterKind =
  | 'location'
  | 'uint32'
  | 'config'
  | 'scope'
  | 'int32'
  | 'float32'
  | 'seconds'
  | 'boolean'
  | 'detailLevel'
  | 'text'
  | 'ip'
  | 'cstring'
  | 'capabilityKey';

/** The kinds of each method's parameters, in order. */
export const METHOD_PARAMETERS: Readonly<
  Record<AnyNetworkingUtilsMethod, readonly ParameterKind[]>
> = {
  checkPingDataUpToDate: ['seconds'],
  convertPingLocationToString: ['location'],
  estimatePingTimeBetweenTwoLocations: ['location', 'location'],
  estimatePingTimeFromLocalHost: ['location'],
  getConfigValue: ['config', 'scope', 'uint32'],
  getConfigValueInfo: ['config'],
  getDirectPingToPOP: ['uint32'],
  getIPv4FakeIPType: ['ip'],
  getLocalPingLocation: [],
  getLocalTimestamp: [],
  getPingToDataCenter: ['uint32'],
  getPOPCount: [],
  getPOPList: [],
  getRealIdentityForFakeIP: ['ip'],
  getRelayNetworkStatus: [],
  initRelayNetworkAccess: [],
  isFakeIPv4: ['ip'],
  iterateGenericEditableConfigValues: ['config', 'boolean'],
  parsePingLocationString: ['text'],
  setConnectionConfigValueFloat: ['uint32', 'config', 'float32'],
  setConnectionConfigValueInt32: ['uint32', 'config', 'int32'],
  setConnectionConfigValueString: ['uint32', 'config', 'cstring'],
  setDebugOutputFunction: ['detailLevel'],
  setGlobalCallbackFakeIPResult: [],
  setGlobalCallbackMessagesSessionFailed: [],
  setGlobalCallbackMessagesSessionRequest: [],
  setGlobalCallbackSteamNetAuthenticationStatusChanged: [],
  setGlobalCallbackSteamNetConnectionStatusChanged: [],
  setGlobalCallbackSteamRelayNetworkStatusChanged: [],
  setGlobalConfigValueFloat: ['config', 'float32'],
  setGlobalConfigValueInt32: ['config', 'int32'],
  setGlobalConfigValueString: ['config', 'cstring'],
  capability: ['capabilityKey'],
  getConfigValueTyped: ['config', 'scope', 'uint32'],
  getRelayNetworkStatusDetails: [],
  runCallbacks: [],
};

/** One valid argument list for each method (fresh arrays on every call). */
export const VALID_ARGUMENTS: Readonly<Record<AnyNetworkingUtilsMethod, () => unknown[]>> = {
  checkPingDataUpToDate: () => [60],
  convertPingLocationToString: () => [new Uint8Array(512)],
  estimatePingTimeBetweenTwoLocations: () => [new Uint8Array(512), new Uint8Array(512)],
  estimatePingTimeFromLocalHost: () => [new Uint8Array(512)],
  getConfigValue: () => [NETWORKING_CONFIG_TIMEOUT_INITIAL, NETWORKING_CONFIG_SCOPE_GLOBAL, 0],
  getConfigValueInfo: () => [NETWORKING_CONFIG_TIMEOUT_INITIAL],
  getDirectPingToPOP: () => [0x00667261],
  getIPv4FakeIPType: () => ['1.2.3.4'],
  getLocalPingLocation: () => [],
  getLocalTimestamp: () => [],
  getPingToDataCenter: () => [0x00667261],
  getPOPCount: () => [],
  getPOPList: () => [],
  getRealIdentityForFakeIP: () => ['169.254.1.2:27015'],
  getRelayNetworkStatus: () => [],
  initRelayNetworkAccess: () => [],
  isFakeIPv4: () => ['1.2.3.4'],
  iterateGenericEditableConfigValues: () => [NETWORKING_CONFIG_INVALID, false],
  parsePingLocationString: () => [''],
  setConnectionConfigValueFloat: () => [1, NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 1.5],
  setConnectionConfigValueInt32: () => [1, NETWORKING_CONFIG_TIMEOUT_INITIAL, 5000],
  setConnectionConfigValueString: () => [1, NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, 'stun.example'],
  setDebugOutputFunction: () => [NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING],
  setGlobalCallbackFakeIPResult: () => [],
  setGlobalCallbackMessagesSessionFailed: () => [],
  setGlobalCallbackMessagesSessionRequest: () => [],
  setGlobalCallbackSteamNetAuthenticationStatusChanged: () => [],
  setGlobalCallbackSteamNetConnectionStatusChanged: () => [],
  setGlobalCallbackSteamRelayNetworkStatusChanged: () => [],
  setGlobalConfigValueFloat: () => [NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 1.5],
  setGlobalConfigValueInt32: () => [NETWORKING_CONFIG_TIMEOUT_INITIAL, 5000],
  setGlobalConfigValueString: () => [NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, 'stun.example'],
  capability: () => [Symbol.for('@relaylane/steam-net-utils/capability/none')],
  getConfigValueTyped: () => [NETWORKING_CONFIG_TIMEOUT_INITIAL, NETWORKING_CONFIG_SCOPE_GLOBAL, 0],
  getRelayNetworkStatusDetails: () => [],
  runCallbacks: () => [],
};

/** Calls `method` on `target` by name with `args` (for tests that iterate the methods). */
export function callMethod(target: object, method: string, args: readonly unknown[]): unknown {
  const fn = (target as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    throw new Error(`NetworkingUtils has no method ${method}`);
  }
  return (fn as (...a: unknown[]) => unknown).apply(target, [...args]);
}
