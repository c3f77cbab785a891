/**
 * The dictionaries `NetworkingUtils` returns and its signals carry: plain objects with GodotSteam's
 * snake_case keys. `PackedByteArray` is `Uint8Array` (always a fresh copy the caller owns),
 * `uint64_t` is `bigint`, every other number is a plain `number`.
 */

/** `getLocalPingLocation()`. */
export interface LocalPingLocation {
  /** The 512 bytes of the host's ping location; all zeros when there is no data yet. */
  location: Uint8Array;
  /** The approximate age of the data in seconds, or -1 when there is no data yet. */
  age: number;
}

/** `getPingToDataCenter(pop_id)`. */
export interface PingToDataCenter {
  /** The POP the best relayed route goes through; 0 when there is none. */
  pop_relay: number;
  /** The round-trip time in ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN`. */
  ping: number;
}

/** `parsePingLocationString(location_string)`. */
export interface ParsedPingLocation {
  /** False when the text is not a ping location. */
  success: boolean;
  /** The 512 bytes of the location; all zeros when `success` is false. */
  ping_location: Uint8Array;
}

/** `getConfigValue(config_value, scope_type, connection_handle)`. */
export interface ConfigValueResult {
  /** A `NetworkingGetConfigValueResult`: `OK`/`OK_INHERITED`, or a negative failure. */
  result: number;
  /** The value's `NetworkingConfigDataType`; 0 when the config value is unknown. */
  type: number;
  /**
   * The value's bytes exactly as Steam writes them (little-endian int32/float/int64, NUL-terminated
   * UTF-8 string); empty on failure.
   */
  value: Uint8Array;
}

/** `getConfigValueTyped(config_value, scope_type, connection_handle)` (a Relaylane addition). */
export interface TypedConfigValueResult {
  /** As {@link ConfigValueResult.result}. */
  result: number;
  /** As {@link ConfigValueResult.type}. */
  type: number;
  /**
   * The value: a number for INT32 and FLOAT, a bigint for INT64, a string for STRING; null on
   * failure and for pointer values.
   */
  value: number | bigint | string | null;
}

/** `getConfigValueInfo(config_value)`. */
export interface ConfigValueInfo {
  /** Steam's name of the value (`'TimeoutInitial'`); '' for an unknown value. */
  name: string;
  /** Its `NetworkingConfigDataType`; 0 for an unknown value. */
  type: number;
  /** Its `NetworkingConfigScope` (`GLOBAL` or `CONNECTION`); 0 for an unknown value. */
  scope: number;
}

/** `getRealIdentityForFakeIP(fake_ip)`. */
export interface RealIdentityForFakeIP {
  /** A `Result`: `RESULT_OK`, `RESULT_INVALID_PARAM` (not a FakeIP) or `RESULT_NO_MATCH`. */
  result: number;
  /** The SteamID64 behind the FakeIP; 0n on failure. */
  identity: bigint;
}

/** `getRelayNetworkStatusDetails()` (a Relaylane addition), and `relay_network_status`'s arguments. */
export interface RelayNetworkStatusDetails {
  /** The summary `NetworkingAvailability`; `CURRENT` once initialisation has completed. */
  available: number;
  /** Nonzero while latency measurement is in progress or pending. */
  ping_measurement: number;
  /** The `NetworkingAvailability` of the network config. */
  available_config: number;
  /** The `NetworkingAvailability` of reaching any relay. */
  available_relay: number;
  /** Non-localized English status, for diagnostics only; at most 255 characters. */
  debug_message: string;
}

/** The `connection` dictionary of `network_connection_status_changed`. */
export interface NetworkConnectionInfo {
  /** The remote identity as a SteamID64 (0n when it is not a SteamID). */
  identity: bigint;
  /** The connection's user data. */
  user_data: bigint;
  /** The listen socket that accepted it, 0 for an outgoing connection. */
  listen_socket: number;
  /** The remote address as text (`'1.2.3.4:27015'`), '' when unknown. */
  remote_address: string;
  /** The remote host's POP id, 0 when unknown. */
  remote_pop: number;
  /** The POP id of the relay in use, 0 when none. */
  pop_relay: number;
  /** A `NetworkingConnectionState`. */
  connection_state: number;
  /** A `NetworkingConnectionEnd` once the connection has ended, else 0. */
  end_reason: number;
  /** Why the connection ended, for diagnostics. */
  end_debug: string;
  /** The connection's debug description. */
  debug_description: string;
}
