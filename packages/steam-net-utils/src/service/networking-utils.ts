import { describeValue, SignalEmitter } from '@relaylane/core';

import { type BackendCapability } from '../port/backend-capability.js';
import { runCallbacksReentrantError } from '../port/backend-errors.js';
import {
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  PING_LOCATION_BYTES,
  MAX_PING_LOCATION_TEXT_LENGTH,
} from '../port/networking-utils-backend.js';
import {
  FAKE_IP_TYPE_INVALID,
  FAKE_IP_TYPE_NOT_FAKE,
  getConfigValueEntry,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
  RESULT_INVALID_PARAM,
} from '../constants/index.js';
import { parseIPv4Address, type ParsedIPv4Address } from '../net/index.js';
import { decodeConfigValueBytes } from '../port/config-value-bytes.js';
import {
  isPreparedPingLocation,
  type PreparedPingLocation,
  preparedPingLocationBytes,
} from '../port/prepared-ping-location.js';
import {
  type ConfigValueInfo,
  type ConfigValueResult,
  type LocalPingLocation,
  type ParsedPingLocation,
  type PingToDataCenter,
  type RealIdentityForFakeIP,
  type RelayNetworkStatusDetails,
  type TypedConfigValueResult,
} from './dictionaries.js';
import { NetworkingUtilsError } from './errors.js';
import {
  NETWORKING_UTILS_SIGNAL_DECLARATIONS,
  type NetworkingUtilsSignals,
} from './networking-utils-signals.js';
import { type BackendSelectionInfo, type NetworkingUtilsOptions } from './service-options.js';
import { createSignalSink } from './signal-sink.js';
import {
  checkBoolean,
  checkConfigString,
  checkFiniteNumber,
  checkFloat32,
  checkInt32,
  checkIntegerInRange,
  checkPingLocation,
  checkString,
  checkUint32,
} from '../port/argument-checks.js';

// What the constructor checks a backend has, so a wrong object fails at once, by name.
const BACKEND_METHODS: readonly (keyof NetworkingUtilsBackend)[] = [
  'initRelayNetworkAccess',
  'getRelayNetworkStatus',
  'getLocalPingLocation',
  'estimatePingTimeBetweenTwoLocations',
  'estimatePingTimeFromLocalHost',
  'convertPingLocationToString',
  'parsePingLocationString',
  'checkPingDataUpToDate',
  'getPingToDataCenter',
  'getDirectPingToPOP',
  'getPOPCount',
  'getPOPList',
  'getLocalTimestamp',
  'setDebugOutputLevel',
  'getIPv4FakeIPType',
  'getRealIdentityForFakeIP',
  'setConfigValue',
  'getConfigValue',
  'getConfigValueInfo',
  'iterateGenericEditableConfigValues',
  'setGlobalCallback',
  'runCallbacks',
  'shutdown',
];

const POP_ID = 'a uint32 POP id';
const CONFIG_VALUE = 'a NetworkingConfigValue';
const CONNECTION_HANDLE = 'a uint32 connection handle';

/**
 * GodotSteam's Networking Utils class over a {@link NetworkingUtilsBackend}: the 32 methods under
 * GodotSteam's names and argument order, results shaped as GodotSteam's dictionaries
 * (`{ location, age }`, `{ pop_relay, ping }`, ...), and GodotSteam's signals.
 *
 * Bad input comes in two kinds, and every method's comment says which is which:
 * - a programmer error (a location that is not 512 bytes, a fraction where an id goes, a string
 *   where a number goes, NaN, a value out of its C type's range) throws a `TypeError` or
 *   `RangeError` naming the method, the parameter and what was expected;
 * - data from the wire or the network's state (any ping location text, an unknown POP id, a
 *   location with no data, an unknown config value, text that is not an IP address) never throws:
 *   the method returns Steam's documented sentinel.
 *
 * Every `Uint8Array` returned is a fresh copy the caller owns. A location argument is read during
 * the call only and never kept or changed (the backend contract), so it is not copied. Signals
 * are emitted only from {@link runCallbacks}, which the host loop calls once a frame (the plugin
 * does it from `process`), never from a timer or a microtask.
 *
 * Lifecycle:
 * 1. `new NetworkingUtils(backend, options?)` takes ownership of the backend (in an engine, the
 *    plugin's container builds it from the backend and options it binds under
 *    `NetworkingUtilsInjection.Backend` and `.ServiceOptions`). The class carries no decorators:
 *    a game needs neither `reflect-metadata` nor inversify's class-metadata code for it;
 * 2. the game calls the methods and connects to the signals; the host loop calls `runCallbacks()`;
 * 3. `dispose()` disconnects every signal and shuts the backend down; any later call throws
 *    {@link NetworkingUtilsError} `SERVICE_DISPOSED`.
 *
 * Where GodotSteam is broken, this class does what Steam's SDK documents instead; each such point
 * is listed in the package README's section "Where GodotSteam is broken".
 */
export class NetworkingUtils extends SignalEmitter<NetworkingUtilsSignals> {
  /** How the backend was chosen (see {@link NetworkingUtilsOptions.selection}). */
  readonly backendSelection: BackendSelectionInfo;

  readonly #backend: NetworkingUtilsBackend;
  // The level given to setDebugOutputFunction(); NONE (no output) until it is called.
  #debugLevel: number = NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE;
  // True while runCallbacks() is delivering: guards against re-entry.
  #delivering = false;
  // dispose() called while delivering: the backend is shut down once its runCallbacks() returns.
  #shutdownPending = false;
  // The sink runCallbacks() hands the backend: one per service, open only during that call.
  readonly #signalSink = createSignalSink({
    emitter: this,
    debugOutputLevel: () => this.#debugLevel,
  });

  /**
   * @param backend what answers the calls (from a backend provider, or the game's own). The
   *   service owns it from now on and shuts it down in {@link dispose}.
   * @param options where `DEFERRED` signal connections queue their calls (default
   *   `MessageQueue.main`), and how the backend was chosen.
   * @throws TypeError when `backend` is not an object with every method of
   *   {@link NetworkingUtilsBackend}.
   */
  constructor(backend: NetworkingUtilsBackend, options: NetworkingUtilsOptions = {}) {
    super(NETWORKING_UTILS_SIGNAL_DECLARATIONS, { messageQueue: options.messageQueue });
    if (typeof backend !== 'object' || backend === null) {
      throw new TypeError(
        `NetworkingUtils: backend must be a NetworkingUtilsBackend (from a backend provider such ` +
          `as simulatedBackend(), or an object of your own), got ${describeValue(backend)}`,
      );
    }
    const missing = BACKEND_METHODS.filter((name) => typeof backend[name] !== 'function');
    if (missing.length > 0) {
      throw new TypeError(
        `NetworkingUtils: backend must be a NetworkingUtilsBackend, but it has no ` +
          `${missing.join(', ')} method${missing.length === 1 ? '' : 's'}`,
      );
    }
    this.#backend = backend;
    this.backendSelection = Object.freeze({
      ...(options.selection ?? { requested: ['custom'], fallbacks: [] }),
      kind: backend.kind,
    });
  }

  /** Which backend answers (`'simulated'`, `'steam'`, ...). Readable after dispose. */
  get backendKind(): string {
    return this.#backend.kind;
  }

  /**
   * What the backend offers for `key` beyond GodotSteam's surface (a Relaylane addition), or
   * undefined when it offers nothing for it. The simulation's controls:
   * `networkingUtils.capability(SimulationControlsCapability)?.moveTo('Sydney')`.
   *
   * @throws TypeError when `key` is not a symbol; NetworkingUtilsError `SERVICE_DISPOSED` after
   *   {@link dispose}.
   */
  capability<T>(key: BackendCapability<T>): T | undefined {
    this.#checkAlive('capability');
    if (typeof key !== 'symbol') {
      throw new TypeError(
        `capability: key must be a capability key (a symbol from backendCapability(), such as ` +
          `SimulationControlsCapability), got ${describeValue(key)}`,
      );
    }
    return this.#backend.capability?.(key);
  }

  // ---------------------------------------------------------------------------------------------
  // Relay network access and status

  /**
   * Starts obtaining the network config and measuring pings, or retries a failed attempt. Watch
   * `relay_network_status` (or poll {@link getRelayNetworkStatus}) to know when it completes.
   *
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  initRelayNetworkAccess(): void {
    this.#checkAlive('initRelayNetworkAccess');
    this.#backend.initRelayNetworkAccess();
  }

  /**
   * The relay network's summary status, a `NetworkingAvailability` (`CURRENT` once ready). The
   * details are in {@link getRelayNetworkStatusDetails} and the `relay_network_status` signal.
   *
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getRelayNetworkStatus(): number {
    this.#checkAlive('getRelayNetworkStatus');
    return this.#backend.getRelayNetworkStatus().available;
  }

  /**
   * The relay network's full status, with the keys of `relay_network_status`'s arguments
   * (a Relaylane addition: GodotSteam drops the details).
   *
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getRelayNetworkStatusDetails(): RelayNetworkStatusDetails {
    this.#checkAlive('getRelayNetworkStatusDetails');
    const status = this.#backend.getRelayNetworkStatus();
    return {
      available: status.available,
      ping_measurement: status.pingMeasurementInProgress,
      available_config: status.availableNetworkConfig,
      available_relay: status.availableAnyRelay,
      debug_message: status.debugMessage,
    };
  }

  /**
   * Whether ping data no older than `max_age_in_seconds` exists; when it does not, starts a
   * measurement (unless one is running). Call it only when the player asks for fresh data.
   *
   * @param max_age_in_seconds any finite number of seconds (0 or less asks for a refresh).
   * @returns true when recent enough data exists, false when a refresh was started or is running.
   * @throws TypeError when `max_age_in_seconds` is not a number; RangeError when it is NaN or
   *   infinite; NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  checkPingDataUpToDate(max_age_in_seconds: number): boolean {
    this.#checkAlive('checkPingDataUpToDate');
    const maxAge = checkFiniteNumber(
      'checkPingDataUpToDate',
      'max_age_in_seconds',
      max_age_in_seconds,
      'the maximum age of the ping data, in seconds',
    );
    return this.#backend.checkPingDataUpToDate(maxAge);
  }

  // ---------------------------------------------------------------------------------------------
  // Ping locations

  /**
   * The local host's ping location and its age.
   *
   * @returns `{ location, age }`: `location` the 512 bytes (a fresh copy), `age` in seconds; when
   *   there is no data yet, `age` is -1 and `location` is 512 zero bytes.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getLocalPingLocation(): LocalPingLocation {
    this.#checkAlive('getLocalPingLocation');
    const scratch = new Uint8Array(PING_LOCATION_BYTES);
    const age = this.#backend.getLocalPingLocation(scratch);
    // Copied out: the backend may keep the buffer it wrote; the caller gets one of its own.
    // With no data the bytes are zeros whatever the backend left there.
    const location = age < 0 ? new Uint8Array(PING_LOCATION_BYTES) : scratch.slice();
    return { location, age };
  }

  /**
   * Estimates the round-trip time between two hosts from their ping locations, through the relay
   * network.
   *
   * @param location1 a 512-byte ping location (from `getLocalPingLocation()` or
   *   `parsePingLocationString()`); read during the call only, never kept or changed. Or a
   *   {@link PreparedPingLocation} of it (a Relaylane addition): the same answer, and much
   *   cheaper when the same locations are estimated again and again.
   * @param location2 the other one.
   * @returns the estimate in ms (never 0 for "unknown"), or `NETWORKING_PING_FAILED` (-1) when
   *   either location has no usable data because of a networking difficulty, or
   *   `NETWORKING_PING_UNKNOWN` (-2) when it cannot be estimated for another reason (e.g. a
   *   location of all zeros).
   * @throws TypeError when a location is neither a `Uint8Array` nor prepared; RangeError when it
   *   is not exactly 512 bytes long; NetworkingUtilsError `SERVICE_DISPOSED` after
   *   {@link dispose}.
   */
  estimatePingTimeBetweenTwoLocations(
    location1: Uint8Array | PreparedPingLocation,
    location2: Uint8Array | PreparedPingLocation,
  ): number {
    this.#checkAlive('estimatePingTimeBetweenTwoLocations');
    const backend = this.#backend;
    if (isPreparedPingLocation(location1) && isPreparedPingLocation(location2)) {
      return backend.estimatePreparedBetweenTwoLocations !== undefined
        ? backend.estimatePreparedBetweenTwoLocations(location1, location2)
        : backend.estimatePingTimeBetweenTwoLocations(
            preparedPingLocationBytes(location1),
            preparedPingLocationBytes(location2),
          );
    }
    const method = 'estimatePingTimeBetweenTwoLocations';
    return backend.estimatePingTimeBetweenTwoLocations(
      locationBytes(method, 'location1', location1),
      locationBytes(method, 'location2', location2),
    );
  }

  /**
   * Estimates the round-trip time from the local host to the host at `location`; a little more
   * accurate than combining {@link getLocalPingLocation} with
   * {@link estimatePingTimeBetweenTwoLocations}.
   *
   * @param location a 512-byte ping location; read during the call only, never kept or changed.
   *   Or a {@link PreparedPingLocation} of it (a Relaylane addition: the same answer, cheaper).
   * @returns the estimate in ms (never 0 for "unknown"), or `NETWORKING_PING_FAILED` /
   *   `NETWORKING_PING_UNKNOWN` (e.g. before the local host has ping data, or for a location of all
   *   zeros).
   * @throws TypeError when `location` is neither a `Uint8Array` nor prepared; RangeError when it
   *   is not exactly 512 bytes long; NetworkingUtilsError `SERVICE_DISPOSED` after
   *   {@link dispose}.
   */
  estimatePingTimeFromLocalHost(location: Uint8Array | PreparedPingLocation): number {
    this.#checkAlive('estimatePingTimeFromLocalHost');
    const backend = this.#backend;
    if (isPreparedPingLocation(location)) {
      return backend.estimatePreparedFromLocalHost !== undefined
        ? backend.estimatePreparedFromLocalHost(location)
        : backend.estimatePingTimeFromLocalHost(preparedPingLocationBytes(location));
    }
    checkPingLocation('estimatePingTimeFromLocalHost', 'location', location);
    return backend.estimatePingTimeFromLocalHost(location);
  }

  /**
   * The text form of a ping location, to send to other hosts (do not parse it yourself).
   *
   * @param location a 512-byte ping location; read during the call only, never kept or changed.
   * @returns the text (at most 1023 characters), or '' for a location with no data.
   * @throws TypeError when `location` is not a `Uint8Array`; RangeError when it is not exactly 512
   *   bytes long; NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  convertPingLocationToString(location: Uint8Array): string {
    this.#checkAlive('convertPingLocationToString');
    checkPingLocation('convertPingLocationToString', 'location', location);
    return this.#backend.convertPingLocationToString(location);
  }

  /**
   * Reads a ping location back from its text form. The text is data (from the wire): whatever it
   * is, this never throws.
   *
   * @param location_string the text, e.g. from another host's `convertPingLocationToString()`.
   * @returns `{ success, ping_location }`: on success the 512 bytes (a fresh copy); when the text
   *   is not a ping location (including text longer than 1023 characters or containing NUL, which
   *   is refused without being read), `success` is false and `ping_location` 512 zero bytes.
   * @throws TypeError when `location_string` is not a string; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  parsePingLocationString(location_string: string): ParsedPingLocation {
    this.#checkAlive('parsePingLocationString');
    const text = checkString(
      'parsePingLocationString',
      'location_string',
      location_string,
      'the text of a ping location',
    );
    // Bounded before the backend sees it: no ping location text is longer than Steam's buffer,
    // and a C string ends at its first NUL, so neither can be a valid location as given.
    if (text.length > MAX_PING_LOCATION_TEXT_LENGTH || text.includes('\0')) {
      return { success: false, ping_location: new Uint8Array(PING_LOCATION_BYTES) };
    }
    const scratch = new Uint8Array(PING_LOCATION_BYTES);
    const success = this.#backend.parsePingLocationString(text, scratch) === true;
    return {
      success,
      ping_location: success ? scratch.slice() : new Uint8Array(PING_LOCATION_BYTES),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Data centers (POPs)

  /**
   * The best relayed ping from the local host to a data center.
   *
   * @param pop_id a POP id (uint32), e.g. from {@link getPOPList}.
   * @returns `{ pop_relay, ping }`: the ping in ms and the POP the route goes through; for an
   *   unknown POP or before ping data exists, `ping` is `NETWORKING_PING_FAILED` /
   *   `NETWORKING_PING_UNKNOWN` and `pop_relay` 0.
   * @throws TypeError when `pop_id` is not a number; RangeError when it is not an integer from 0 to
   *   4294967295; NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getPingToDataCenter(pop_id: number): PingToDataCenter {
    this.#checkAlive('getPingToDataCenter');
    const popId = checkUint32('getPingToDataCenter', 'pop_id', pop_id, POP_ID);
    const { ping, relayPopId } = this.#backend.getPingToDataCenter(popId);
    return { pop_relay: ping < 0 ? 0 : relayPopId, ping };
  }

  /**
   * The direct (unrelayed) ping from the local host to the relays of a POP.
   *
   * @param pop_id a POP id (uint32).
   * @returns the ping in ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN` for an
   *   unknown POP, one not pinged directly, or before ping data exists.
   * @throws TypeError when `pop_id` is not a number; RangeError when it is not an integer from 0 to
   *   4294967295; NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getDirectPingToPOP(pop_id: number): number {
    this.#checkAlive('getDirectPingToPOP');
    const popId = checkUint32('getDirectPingToPOP', 'pop_id', pop_id, POP_ID);
    return this.#backend.getDirectPingToPOP(popId);
  }

  /**
   * The number of POPs in the network config; 0 before the config has been obtained.
   *
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getPOPCount(): number {
    this.#checkAlive('getPOPCount');
    return this.#backend.getPOPCount();
  }

  /**
   * Every POP id in the network config (a fresh array; empty before the config has been obtained).
   *
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getPOPList(): number[] {
    this.#checkAlive('getPOPList');
    return Array.from(this.#backend.getPOPList());
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  /**
   * A monotonic local timestamp in microseconds, starting above 30 days' worth (so 0 is always
   * long ago); meaningful only within this run.
   *
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getLocalTimestamp(): bigint {
    this.#checkAlive('getLocalTimestamp');
    return this.#backend.getLocalTimestamp();
  }

  // ---------------------------------------------------------------------------------------------
  // FakeIP

  /**
   * What kind of address `ipv4` is with respect to Steam's FakeIPs. The text is data: it never
   * throws for any string.
   *
   * @param ipv4 `a.b.c.d`, `a.b.c.d:port` or an IPv4-mapped IPv6 form; the port is ignored.
   * @returns a `NetworkingFakeIPType`: `NOT_FAKE`, `GLOBAL_IPV4` or `LOCAL_IPV4`, or
   *   `FAKE_IP_TYPE_INVALID` when the text is not an IPv4 address (including text longer than
   *   `MAX_IP_ADDRESS_TEXT_LENGTH` (53) characters, refused without being read).
   * @throws TypeError when `ipv4` is not a string; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  getIPv4FakeIPType(ipv4: string): number {
    this.#checkAlive('getIPv4FakeIPType');
    const address = parseAddressArgument('getIPv4FakeIPType', 'ipv4', ipv4);
    return address === undefined
      ? FAKE_IP_TYPE_INVALID
      : this.#backend.getIPv4FakeIPType(address.ip);
  }

  /**
   * Whether `ip_address` is in the range Steam reserves for FakeIPs (a quick test, no lookup).
   *
   * @returns true for a global or local FakeIP; false for any other address and for text that is
   *   not an IPv4 address.
   * @throws TypeError when `ip_address` is not a string; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  isFakeIPv4(ip_address: string): boolean {
    this.#checkAlive('isFakeIPv4');
    const address = parseAddressArgument('isFakeIPv4', 'ip_address', ip_address);
    return (
      address !== undefined && this.#backend.getIPv4FakeIPType(address.ip) > FAKE_IP_TYPE_NOT_FAKE
    );
  }

  /**
   * The real identity behind a FakeIP (and port) of an active or recent connection.
   *
   * @param fake_ip `a.b.c.d:port` (or without a port, which means port 0).
   * @returns `{ result, identity }`: `RESULT_OK` with the SteamID64; `RESULT_INVALID_PARAM` with 0n
   *   when the address is not a FakeIP or the text is not an IPv4 address; `RESULT_NO_MATCH` with
   *   0n for a FakeIP nobody here knows.
   * @throws TypeError when `fake_ip` is not a string; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  getRealIdentityForFakeIP(fake_ip: string): RealIdentityForFakeIP {
    this.#checkAlive('getRealIdentityForFakeIP');
    const address = parseAddressArgument('getRealIdentityForFakeIP', 'fake_ip', fake_ip);
    if (address === undefined) {
      return { result: RESULT_INVALID_PARAM, identity: 0n };
    }
    const { result, steamId } = this.#backend.getRealIdentityForFakeIP(address.ip, address.port);
    return { result, identity: steamId };
  }

  // ---------------------------------------------------------------------------------------------
  // Config values

  /**
   * Reads a config value at a scope.
   *
   * @param config_value a `NetworkingConfigValue` (int32).
   * @param scope_type a `NetworkingConfigScope` (int32).
   * @param connection_handle the connection (or listen socket) for a narrower scope; ignored for
   *   `GLOBAL` (pass 0).
   * @returns `{ result, type, value }` with `value` the value's bytes as Steam writes them (a fresh
   *   copy; see {@link getConfigValueTyped} for the decoded value). Failures:
   *   `NETWORKING_GET_CONFIG_VALUE_BAD_VALUE` for an unknown config value (`type` 0),
   *   `NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ` for a scope the value does not have or a handle
   *   that is not a live object; `value` is empty on failure.
   * @throws TypeError when an argument is not a number; RangeError when `config_value` or
   *   `scope_type` is not an int32 or `connection_handle` not a uint32; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  getConfigValue(
    config_value: number,
    scope_type: number,
    connection_handle: number,
  ): ConfigValueResult {
    const { result, dataType, bytes } = this.#readConfigValue(
      'getConfigValue',
      config_value,
      scope_type,
      connection_handle,
    );
    return { result, type: dataType, value: result < 0 ? new Uint8Array(0) : bytes.slice() };
  }

  /**
   * {@link getConfigValue} with the value decoded (a Relaylane addition).
   *
   * @returns `{ result, type, value }` with `value` a number (INT32, FLOAT), a bigint (INT64) or a
   *   string (STRING); null on failure (the same results as {@link getConfigValue}) and for pointer
   *   values.
   * @throws as {@link getConfigValue}.
   */
  getConfigValueTyped(
    config_value: number,
    scope_type: number,
    connection_handle: number,
  ): TypedConfigValueResult {
    const { result, dataType, bytes } = this.#readConfigValue(
      'getConfigValueTyped',
      config_value,
      scope_type,
      connection_handle,
    );
    // Steam leaves the data type unwritten for MTU_DataSize (a value it computes from the packet
    // size): the value's bytes are then read as the type the config value table gives it.
    const type =
      result >= 0 && dataType === 0
        ? (getConfigValueEntry(config_value as number)?.dataType ?? 0)
        : dataType;
    return {
      result,
      type,
      // Pointers (callbacks) have no meaning in JavaScript: null, as for a failure.
      value:
        result < 0 || type === NETWORKING_CONFIG_TYPE_FUNCTION_PTR
          ? null
          : (decodeConfigValueBytes(type, bytes) ?? null),
    };
  }

  /**
   * A config value's name, data type and scope.
   *
   * @param config_value a `NetworkingConfigValue` (int32).
   * @returns `{ name, type, scope }`, e.g. `{ name: 'TimeoutInitial', type: INT32, scope:
   *   CONNECTION }`; for an unknown value `{ name: '', type: 0, scope: 0 }`.
   * @throws TypeError when `config_value` is not a number; RangeError when it is not an int32;
   *   NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  getConfigValueInfo(config_value: number): ConfigValueInfo {
    this.#checkAlive('getConfigValueInfo');
    const id = checkInt32('getConfigValueInfo', 'config_value', config_value, CONFIG_VALUE);
    const info = this.#backend.getConfigValueInfo(id);
    return info === undefined
      ? { name: '', type: 0, scope: 0 }
      : { name: info.name, type: info.dataType, scope: info.scope };
  }

  /**
   * The config value after `current_value` that a generic UI may show or edit. Start with
   * `NETWORKING_CONFIG_INVALID` (0); 0 ends the list.
   *
   * @param current_value a `NetworkingConfigValue` (int32).
   * @param enumerate_dev_vars whether to include dev values (not for retail builds).
   * @returns the next value, or 0 at the end of the list and after a value that is not in it.
   * @throws TypeError when `current_value` is not a number or `enumerate_dev_vars` not a boolean;
   *   RangeError when `current_value` is not an int32; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  iterateGenericEditableConfigValues(current_value: number, enumerate_dev_vars: boolean): number {
    this.#checkAlive('iterateGenericEditableConfigValues');
    const method = 'iterateGenericEditableConfigValues';
    const current = checkInt32(method, 'current_value', current_value, CONFIG_VALUE);
    const dev = checkBoolean(
      method,
      'enumerate_dev_vars',
      enumerate_dev_vars,
      'include dev values',
    );
    return this.#backend.iterateGenericEditableConfigValues(current, dev);
  }

  /**
   * Sets a float config value on one connection, with Steam's semantics (conversion to the value's
   * type, silent clamping to its limits).
   *
   * @returns true when set; false for an unknown or global-only config value, a handle that is not
   *   a live connection, or a value that cannot be converted.
   * @throws TypeError when an argument is not a number; RangeError when `connection_handle` is not a
   *   uint32, `config` not an int32, or `value` not finite within the float32 range;
   *   NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setConnectionConfigValueFloat(connection_handle: number, config: number, value: number): boolean {
    const method = 'setConnectionConfigValueFloat';
    this.#checkAlive(method);
    const handle = checkUint32(method, 'connection_handle', connection_handle, CONNECTION_HANDLE);
    const id = checkInt32(method, 'config', config, CONFIG_VALUE);
    const float = checkFloat32(method, 'value', value, 'a float config value');
    return this.#writeConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_CONNECTION,
      handle,
      NETWORKING_CONFIG_TYPE_FLOAT,
      float,
    );
  }

  /**
   * Sets an int32 config value on one connection, with Steam's semantics.
   *
   * @returns true when set; false as {@link setConnectionConfigValueFloat}.
   * @throws TypeError when an argument is not a number; RangeError when `connection_handle` is not a
   *   uint32, or `config` or `value` not an int32; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  setConnectionConfigValueInt32(connection_handle: number, config: number, value: number): boolean {
    const method = 'setConnectionConfigValueInt32';
    this.#checkAlive(method);
    const handle = checkUint32(method, 'connection_handle', connection_handle, CONNECTION_HANDLE);
    const id = checkInt32(method, 'config', config, CONFIG_VALUE);
    const int32 = checkInt32(method, 'value', value, 'an int32 config value');
    return this.#writeConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_CONNECTION,
      handle,
      NETWORKING_CONFIG_TYPE_INT32,
      int32,
    );
  }

  /**
   * Sets a string config value on one connection, with Steam's semantics.
   *
   * @returns true when set; false as {@link setConnectionConfigValueFloat}.
   * @throws TypeError when `connection_handle` or `config` is not a number or `value` not a string;
   *   RangeError when `connection_handle` is not a uint32, `config` not an int32, or `value`
   *   contains a NUL character; NetworkingUtilsError `SERVICE_DISPOSED` after
   *   {@link dispose}.
   */
  setConnectionConfigValueString(
    connection_handle: number,
    config: number,
    value: string,
  ): boolean {
    const method = 'setConnectionConfigValueString';
    this.#checkAlive(method);
    const handle = checkUint32(method, 'connection_handle', connection_handle, CONNECTION_HANDLE);
    const id = checkInt32(method, 'config', config, CONFIG_VALUE);
    const text = checkConfigString(method, 'value', value);
    return this.#writeConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_CONNECTION,
      handle,
      NETWORKING_CONFIG_TYPE_STRING,
      text,
    );
  }

  /**
   * Sets a float config value globally (for a connection value: the default of every
   * connection), with Steam's semantics (conversion, silent clamping).
   *
   * @returns true when set; false for an unknown or read-only config value, or a value that cannot
   *   be converted to its type.
   * @throws TypeError when an argument is not a number; RangeError when `config` is not an int32 or
   *   `value` not finite within the float32 range; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalConfigValueFloat(config: number, value: number): boolean {
    const method = 'setGlobalConfigValueFloat';
    this.#checkAlive(method);
    const id = checkInt32(method, 'config', config, CONFIG_VALUE);
    const float = checkFloat32(method, 'value', value, 'a float config value');
    return this.#writeConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
      NETWORKING_CONFIG_TYPE_FLOAT,
      float,
    );
  }

  /**
   * Sets an int32 config value globally, with Steam's semantics.
   *
   * @returns true when set; false as {@link setGlobalConfigValueFloat}.
   * @throws TypeError when an argument is not a number; RangeError when `config` or `value` is not
   *   an int32; NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalConfigValueInt32(config: number, value: number): boolean {
    const method = 'setGlobalConfigValueInt32';
    this.#checkAlive(method);
    const id = checkInt32(method, 'config', config, CONFIG_VALUE);
    const int32 = checkInt32(method, 'value', value, 'an int32 config value');
    return this.#writeConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
      NETWORKING_CONFIG_TYPE_INT32,
      int32,
    );
  }

  /**
   * Sets a string config value globally, with Steam's semantics.
   *
   * @returns true when set; false as {@link setGlobalConfigValueFloat}.
   * @throws TypeError when `config` is not a number or `value` not a string; RangeError when
   *   `config` is not an int32 or `value` contains a NUL character; NetworkingUtilsError
   *   `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalConfigValueString(config: number, value: string): boolean {
    const method = 'setGlobalConfigValueString';
    this.#checkAlive(method);
    const id = checkInt32(method, 'config', config, CONFIG_VALUE);
    const text = checkConfigString(method, 'value', value);
    return this.#writeConfigValue(
      id,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
      NETWORKING_CONFIG_TYPE_STRING,
      text,
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Debug output and global callbacks

  /**
   * Routes the networking library's diagnostic messages to the `network_debug_output(type,
   * message)` signal: those at or below `detail_level` (lower is more important);
   * `NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE` stops them. Prefer `MSG` or `WARNING` outside
   * debugging.
   *
   * @param detail_level a `NetworkingSocketsDebugOutputType` from `NONE` (0) to `EVERYTHING` (8).
   * @throws TypeError when `detail_level` is not a number; RangeError when it is not an integer from
   *   0 to 8; NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setDebugOutputFunction(detail_level: number): void {
    this.#checkAlive('setDebugOutputFunction');
    const level = checkIntegerInRange(
      'setDebugOutputFunction',
      'detail_level',
      detail_level,
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
      'a NetworkingSocketsDebugOutputType',
    );
    this.#backend.setDebugOutputLevel(level);
    this.#debugLevel = level;
  }

  /**
   * Delivers connection status changes as `network_connection_status_changed`.
   *
   * @returns true when installed, false when the backend cannot install it.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalCallbackSteamNetConnectionStatusChanged(): boolean {
    return this.#installGlobalCallback(
      'setGlobalCallbackSteamNetConnectionStatusChanged',
      'connectionStatusChanged',
    );
  }

  /**
   * Delivers authentication status changes as `network_authentication_status`.
   *
   * @returns true when installed, false when the backend cannot install it.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalCallbackSteamNetAuthenticationStatusChanged(): boolean {
    return this.#installGlobalCallback(
      'setGlobalCallbackSteamNetAuthenticationStatusChanged',
      'authenticationStatusChanged',
    );
  }

  /**
   * Delivers relay network status changes through the global callback (`relay_network_status` is
   * emitted either way).
   *
   * @returns true when installed, false when the backend cannot install it.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalCallbackSteamRelayNetworkStatusChanged(): boolean {
    return this.#installGlobalCallback(
      'setGlobalCallbackSteamRelayNetworkStatusChanged',
      'relayNetworkStatusChanged',
    );
  }

  /**
   * Delivers FakeIP results as `fake_ip_result`.
   *
   * @returns true when installed, false when the backend cannot install it.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalCallbackFakeIPResult(): boolean {
    return this.#installGlobalCallback('setGlobalCallbackFakeIPResult', 'fakeIPResult');
  }

  /**
   * Delivers messages session requests as `network_messages_session_request`.
   *
   * @returns true when installed, false when the backend cannot install it.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalCallbackMessagesSessionRequest(): boolean {
    return this.#installGlobalCallback(
      'setGlobalCallbackMessagesSessionRequest',
      'messagesSessionRequest',
    );
  }

  /**
   * Delivers messages session failures as `network_messages_session_failed`.
   *
   * @returns true when installed, false when the backend cannot install it.
   * @throws NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  setGlobalCallbackMessagesSessionFailed(): boolean {
    return this.#installGlobalCallback(
      'setGlobalCallbackMessagesSessionFailed',
      'messagesSessionFailed',
    );
  }

  // ---------------------------------------------------------------------------------------------
  // The host loop and teardown

  /**
   * Brings the backend up to now and emits a signal for every pending event, in the order they
   * happened. The host loop calls it once a frame (the plugin does it from `process`); no signal
   * is ever emitted at another time.
   *
   * It is not re-entrant: calling it from a signal listener while it runs throws
   * `BackendStateError` `BACKEND_RUN_CALLBACKS_REENTRANT`, the code every backend uses for the same misuse
   * (the signal reports the listener's error and delivery carries on with the next listener and
   * event).
   *
   * @throws BackendStateError `BACKEND_RUN_CALLBACKS_REENTRANT` when called while it runs;
   *   NetworkingUtilsError `SERVICE_DISPOSED` after {@link dispose}.
   */
  runCallbacks(): void {
    this.#checkAlive('runCallbacks');
    if (this.#delivering) throw runCallbacksReentrantError('NetworkingUtils');
    const signalSink = this.#signalSink;
    signalSink.open();
    this.#delivering = true;
    try {
      this.#backend.runCallbacks(signalSink.sink);
    } finally {
      // Closed first: a backend that kept the sink cannot emit outside this call.
      signalSink.close();
      this.#delivering = false;
      if (this.#shutdownPending) {
        this.#shutdownPending = false;
        this.#backend.shutdown();
      }
    }
  }

  /**
   * Disconnects every signal (both ends, as freeing a Godot object does) and shuts the backend
   * down. Called from a listener during {@link runCallbacks}, the backend is shut down as soon as
   * its delivery returns, and the remaining events of that call are dropped. Calling it again does
   * nothing; every other method throws `SERVICE_DISPOSED` afterwards.
   */
  override dispose(): void {
    if (this.isDisposed()) {
      return;
    }
    // Marked disposed (and disconnected) first, so nothing can reach the backend after this line.
    super.dispose();
    if (this.#delivering) {
      this.#shutdownPending = true;
    } else {
      this.#backend.shutdown();
    }
  }

  // ---------------------------------------------------------------------------------------------

  #checkAlive(method: string): void {
    if (this.isDisposed()) {
      throw new NetworkingUtilsError(
        'SERVICE_DISPOSED',
        `NetworkingUtils.${method}: this NetworkingUtils was disposed and its backend shut down. ` +
          'Create a new NetworkingUtils with a live backend (or reload the plugin) to use it again.',
      );
    }
  }

  #readConfigValue(
    method: string,
    config_value: unknown,
    scope_type: unknown,
    connection_handle: unknown,
  ): { result: number; dataType: number; bytes: Uint8Array } {
    this.#checkAlive(method);
    const id = checkInt32(method, 'config_value', config_value, CONFIG_VALUE);
    const scope = checkInt32(method, 'scope_type', scope_type, 'a NetworkingConfigScope');
    const handle = checkUint32(method, 'connection_handle', connection_handle, CONNECTION_HANDLE);
    return this.#backend.getConfigValue(id, scope, handle);
  }

  #writeConfigValue(
    id: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: number | string,
  ): boolean {
    return this.#backend.setConfigValue(id, scope, scopeObject, dataType, value) === true;
  }

  #installGlobalCallback(method: string, kind: GlobalCallbackKind): boolean {
    this.#checkAlive(method);
    return this.#backend.setGlobalCallback(kind, true) === true;
  }
}

/**
 * Reads an IP address argument: a string is required (a programmer error otherwise), its content is
 * data. Returns undefined for text that is not an IPv4 address; `parseIPv4Address` refuses text
 * longer than `MAX_IP_ADDRESS_TEXT_LENGTH` before reading it, so any string costs little.
 */
function parseAddressArgument(
  method: string,
  param: string,
  value: unknown,
): ParsedIPv4Address | undefined {
  const text = checkString(
    method,
    param,
    value,
    'an IPv4 address as text, e.g. "169.254.1.2:27015"',
  );
  return parseIPv4Address(text);
}

/** The bytes of a location argument: a prepared location's own, or a checked `Uint8Array`. */
function locationBytes(method: string, param: string, location: unknown): Uint8Array {
  return isPreparedPingLocation(location)
    ? preparedPingLocationBytes(location)
    : checkPingLocation(method, param, location);
}
