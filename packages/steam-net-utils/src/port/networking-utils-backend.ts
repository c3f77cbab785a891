/**
 * The seam between the `NetworkingUtils` service and what answers it: the simulated relay network
 * (every environment), the real Steam client library (Node and Electron), or a backend of the
 * game's own. Backends implement it, and only it: nothing above the backends knows their classes.
 *
 * The interface stays close to Steam's flat C API (`SteamAPI_ISteamNetworkingUtils_*`): numbers
 * are the SDK's (enums as their integer values, POP ids as uint32, IPv4 addresses as host-order
 * uint32, SteamIDs as bigint), locations are the opaque 512-byte `SteamNetworkPingLocation_t`, and
 * nothing is shaped for Godot. The service validates every argument before calling a backend, so a
 * backend may assume well-typed input: integers in range of their C types, locations of exactly
 * {@link PING_LOCATION_BYTES} bytes, ping location text of at most `MAX_PING_LOCATION_TEXT_LENGTH`
 * characters without NUL, config strings without NUL (of any length: a backend refuses what its
 * store cannot hold by returning false). Location arguments are the caller's
 * own arrays, handed over without a copy (possibly views into larger buffers): a backend reads
 * them during the call only, and never writes to them or keeps them. It must still answer data it
 * cannot interpret (an unknown POP id, a location with no data, an unknown config value) with
 * Steam's documented sentinel, never by throwing.
 *
 * Events never reach the game from inside a backend call: a backend queues them and hands them
 * over only in {@link NetworkingUtilsBackend.runCallbacks}, which the host loop drives once a frame.
 */
import { type BackendCapability } from './backend-capability.js';
import { type PreparedPingLocation } from './prepared-ping-location.js';

/**
 * What answers the `NetworkingUtils` service: the simulated relay network, the Steam client library,
 * the beacons, or a backend of the game's own (see the file comment for the rules every one keeps).
 */
export interface NetworkingUtilsBackend {
  /** Which implementation this is (`'simulated'`, `'steam'`, ...); the dev console shows it. */
  readonly kind: string;

  /**
   * Optional: what the backend offers for `key` beyond GodotSteam's surface, or undefined when it
   * offers nothing for it (see `backend-capability.ts`).
   */
  capability?<T>(key: BackendCapability<T>): T | undefined;

  /** `InitRelayNetworkAccess`: start obtaining the network config and measuring pings. */
  initRelayNetworkAccess(): void;
  /** `GetRelayNetworkStatus` with the details struct filled in. */
  getRelayNetworkStatus(): RelayNetworkStatus;
  /**
   * `GetLocalPingLocation`: writes the local host's location into `out` (exactly
   * {@link PING_LOCATION_BYTES} bytes, allocated by the caller) and returns its age in seconds, or
   * -1 when there is no data yet (then `out` is all zeros).
   */
  getLocalPingLocation(out: Uint8Array): number;
  /** `EstimatePingTimeBetweenTwoLocations`: ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN`. */
  estimatePingTimeBetweenTwoLocations(location1: Uint8Array, location2: Uint8Array): number;
  /** `EstimatePingTimeFromLocalHost`: ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN`. */
  estimatePingTimeFromLocalHost(location: Uint8Array): number;
  /**
   * Optional: {@link estimatePingTimeBetweenTwoLocations} for prepared locations, for a backend
   * that can reuse what it derives from them (`derivedFrom`). Must answer exactly what the byte
   * form answers for the same bytes. Without it the service passes the prepared bytes.
   */
  estimatePreparedBetweenTwoLocations?(
    location1: PreparedPingLocation,
    location2: PreparedPingLocation,
  ): number;
  /** Optional: {@link estimatePingTimeFromLocalHost} for a prepared location (as above). */
  estimatePreparedFromLocalHost?(location: PreparedPingLocation): number;
  /** `ConvertPingLocationToString`: at most `MAX_PING_LOCATION_TEXT_LENGTH` characters. */
  convertPingLocationToString(location: Uint8Array): string;
  /**
   * `ParsePingLocationString`: on success writes the location into `out` and returns true; on
   * failure leaves `out` all zeros and returns false. Never throws, whatever the string.
   */
  parsePingLocationString(text: string, out: Uint8Array): boolean;
  /** `CheckPingDataUpToDate`: true if data no older than `maxAgeSeconds` exists, else starts a refresh. */
  checkPingDataUpToDate(maxAgeSeconds: number): boolean;
  /**
   * `GetPingToDataCenter`: the best ping (ms or a negative sentinel) and the POP whose relay the
   * route goes through (0 when there is no route).
   */
  getPingToDataCenter(popId: number): { ping: number; relayPopId: number };
  /** `GetDirectPingToPOP`: ms, or a negative sentinel. */
  getDirectPingToPOP(popId: number): number;
  /** `GetPOPCount`. */
  getPOPCount(): number;
  /** `GetPOPList`: the POP ids the network config lists (the Steam backend reads at most 1024). */
  getPOPList(): number[];
  /** `GetLocalTimestamp`: microseconds, monotonic, starting above 30 days. */
  getLocalTimestamp(): bigint;

  /**
   * `SetDebugOutputFunction`: deliver messages at or below `detailLevel`
   * (`NetworkingSocketsDebugOutputType`) through {@link BackendEventSink.debugOutput}; `NONE` (0)
   * stops them.
   */
  setDebugOutputLevel(detailLevel: number): void;

  /** `GetIPv4FakeIPType` for a host-order IPv4 address. */
  getIPv4FakeIPType(ipv4: number): number;
  /** `GetRealIdentityForFakeIP`: `RESULT_OK` with the SteamID, `RESULT_INVALID_PARAM` or `RESULT_NO_MATCH` (identity 0n). */
  getRealIdentityForFakeIP(ipv4: number, port: number): { result: number; steamId: bigint };

  /**
   * `SetConfigValue(eValue, eScopeType, scopeObj, eDataType, pArg)` with Steam's semantics (type
   * conversion, silent clamping, read-only values, scope checks): true when the value was set.
   * `value` is a number for INT32/FLOAT, a bigint for INT64, a string for STRING.
   */
  setConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: number | bigint | string,
  ): boolean;
  /**
   * `GetConfigValue` including the two-call size query: `result` is a
   * `NetworkingGetConfigValueResult`, `dataType` the value's type (0 when unknown), `bytes` the
   * value's bytes exactly as Steam writes them (little-endian int32/float/int64, NUL-terminated
   * UTF-8 string), empty on failure.
   */
  getConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
  ): { result: number; dataType: number; bytes: Uint8Array };
  /** `GetConfigValueInfo`: the value's name, type and scope, or undefined for an unknown value. */
  getConfigValueInfo(
    configValue: number,
  ): { name: string; dataType: number; scope: number } | undefined;
  /** `IterateGenericEditableConfigValues`: the next value after `current` (0 starts, 0 ends). */
  iterateGenericEditableConfigValues(current: number, enumerateDevVars: boolean): number;

  /**
   * `SetGlobalCallback_*`: route the event kind to {@link BackendEventSink}. Returns false when the
   * backend cannot install it. Until it is installed, the kind's events are not delivered (except
   * relay network status, which Steam's ordinary callback dispatch always delivers).
   */
  setGlobalCallback(kind: GlobalCallbackKind, enabled: boolean): boolean;

  /**
   * Advances the backend to now (the simulation reads its clock; Steam runs manual dispatch) and
   * delivers every pending event to `sink`, in the order they happened. Never re-entrant.
   */
  runCallbacks(sink: BackendEventSink): void;

  /** Releases everything (native callbacks, handles). Idempotent. Other calls after it are errors. */
  shutdown(): void;
}

/** The size of Steam's opaque `SteamNetworkPingLocation_t`. */
export const PING_LOCATION_BYTES = 512;

export { MAX_PING_LOCATION_TEXT_LENGTH } from '../estimator/ping-location-text.js';

/** `SteamRelayNetworkStatus_t`. */
export interface RelayNetworkStatus {
  /** `m_eAvail`, a `NetworkingAvailability`. */
  readonly available: number;
  /** `m_bPingMeasurementInProgress`: nonzero while pings are being measured. */
  readonly pingMeasurementInProgress: number;
  /** `m_eAvailNetworkConfig`. */
  readonly availableNetworkConfig: number;
  /** `m_eAvailAnyRelay`. */
  readonly availableAnyRelay: number;
  /** `m_debugMsg`: non-localized English, at most 255 characters. */
  readonly debugMessage: string;
}

/** The `setGlobalCallback*` event kinds (the SDK's `k_ESteamNetworkingConfig_Callback_*`). */
export type GlobalCallbackKind =
  | 'connectionStatusChanged'
  | 'authenticationStatusChanged'
  | 'relayNetworkStatusChanged'
  | 'fakeIPResult'
  | 'messagesSessionRequest'
  | 'messagesSessionFailed';

/** `SteamNetConnectionInfo_t`, as GodotSteam's `network_connection_status_changed` dictionary needs it. */
export interface BackendConnectionInfo {
  /** The remote identity as a SteamID64 (0n when it is not a SteamID). */
  readonly identity: bigint;
  readonly userData: bigint;
  readonly listenSocket: number;
  /** The remote address as text (`'1.2.3.4:27015'`), '' when unknown. */
  readonly remoteAddress: string;
  readonly remotePopId: number;
  readonly relayPopId: number;
  readonly connectionState: number;
  readonly endReason: number;
  readonly endDebug: string;
  readonly connectionDescription: string;
}

/** Where {@link NetworkingUtilsBackend.runCallbacks} delivers events. */
export interface BackendEventSink {
  /** `SteamRelayNetworkStatus_t`: the relay network's availability changed. */
  relayNetworkStatus(status: RelayNetworkStatus): void;
  /** `SteamNetConnectionStatusChangedCallback_t`: a connection changed state. */
  connectionStatusChanged(connection: number, info: BackendConnectionInfo, oldState: number): void;
  /** `SteamNetAuthenticationStatus_t`: the authentication status changed. */
  authenticationStatus(available: number, debugMessage: string): void;
  /** `SteamNetworkingFakeIPResult_t`: a FakeIP request finished. */
  fakeIPResult(result: number, steamId: bigint, ipv4: number, ports: readonly number[]): void;
  /** `SteamNetworkingMessagesSessionRequest_t`: a peer asked for a messages session. */
  messagesSessionRequest(remoteSteamId: bigint): void;
  /** `SteamNetworkingMessagesSessionFailed_t`: a messages session failed. */
  messagesSessionFailed(
    reason: number,
    remoteSteamId: bigint,
    connectionState: number,
    debugMessage: string,
  ): void;
  /** A debug output message at or below the level `setDebugOutputLevel` set. */
  debugOutput(type: number, message: string): void;
}
