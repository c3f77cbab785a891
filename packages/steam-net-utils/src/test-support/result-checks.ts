/**
 * What each `NetworkingUtils` method may return, as its doc comment documents it (normal results
 * and sentinels), checked without knowing the backend. Each check returns a description of the
 * first problem, or undefined when the result is one the method documents.
 */
import {
  PING_LOCATION_BYTES,
  MAX_PING_LOCATION_TEXT_LENGTH,
} from '../port/networking-utils-backend.js';
import {
  getConfigValueEntry,
  NetworkingAvailability,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  RESULT_INVALID_PARAM,
  RESULT_NO_MATCH,
  RESULT_OK,
} from '../constants/index.js';
import { type AnyNetworkingUtilsMethod } from './method-arguments.js';

type Check = (result: unknown) => string | undefined;

const AVAILABILITY_VALUES = new Set<number>(
  Object.values(NetworkingAvailability).filter((value) => value !== 0x7fffffff),
);
const GET_CONFIG_RESULTS = new Set<number>([
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
]);
/** The smallest value `getLocalTimestamp` may return: 30 days in microseconds. */
export const MIN_LOCAL_TIMESTAMP = 24n * 3600n * 30n * 1_000_000n;

/** True for a ping in ms or one of the two ping sentinels. */
export function isPingResult(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    (value >= 0 || value === NETWORKING_PING_FAILED || value === NETWORKING_PING_UNKNOWN)
  );
}

function isUint32(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** True when `value` is a plain object whose own keys are exactly `keys` (in any order). */
export function hasExactKeys(
  value: unknown,
  keys: readonly string[],
): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const own = Object.keys(value).sort();
  return own.length === keys.length && [...keys].sort().every((key, i) => own[i] === key);
}

function isZeroLocation(bytes: Uint8Array): boolean {
  return bytes.length === PING_LOCATION_BYTES && bytes.every((byte) => byte === 0);
}

const isBoolean: Check = (r) => (typeof r === 'boolean' ? undefined : 'not a boolean');
const isUndefined: Check = (r) => (r === undefined ? undefined : 'not undefined');
const isPing: Check = (r) => (isPingResult(r) ? undefined : 'not a ping or a ping sentinel');

const checkConfigValue: Check = (r) => {
  if (!hasExactKeys(r, ['result', 'type', 'value'])) return 'keys are not result, type, value';
  if (!GET_CONFIG_RESULTS.has(r.result as number))
    return 'result is not a NetworkingGetConfigValueResult';
  if (!isInteger(r.type)) return 'type is not an integer';
  if (!(r.value instanceof Uint8Array)) return 'value is not a Uint8Array';
  if ((r.result as number) < 0 && r.value.length !== 0) return 'value is not empty on failure';
  return undefined;
};

const checkTypedConfigValue: Check = (r) => {
  if (!hasExactKeys(r, ['result', 'type', 'value'])) return 'keys are not result, type, value';
  if (!GET_CONFIG_RESULTS.has(r.result as number))
    return 'result is not a NetworkingGetConfigValueResult';
  if (!isInteger(r.type)) return 'type is not an integer';
  const value = r.value;
  if (value !== null && !['number', 'bigint', 'string'].includes(typeof value)) {
    return 'value is not a number, bigint, string or null';
  }
  if ((r.result as number) < 0 && value !== null) return 'value is not null on failure';
  return undefined;
};

/** The check of every method's result. */
export const RESULT_CHECKS: Readonly<Record<AnyNetworkingUtilsMethod, Check>> = {
  // What a backend offers is its own; a key it does not know gives undefined, never a throw.
  capability: () => undefined,
  checkPingDataUpToDate: isBoolean,
  convertPingLocationToString: (r) =>
    typeof r === 'string' && r.length <= MAX_PING_LOCATION_TEXT_LENGTH
      ? undefined
      : `not a string of at most ${MAX_PING_LOCATION_TEXT_LENGTH} characters`,
  estimatePingTimeBetweenTwoLocations: isPing,
  estimatePingTimeFromLocalHost: isPing,
  getConfigValue: checkConfigValue,
  getConfigValueTyped: checkTypedConfigValue,
  getConfigValueInfo: (r) => {
    if (!hasExactKeys(r, ['name', 'type', 'scope'])) return 'keys are not name, type, scope';
    if (typeof r.name !== 'string') return 'name is not a string';
    if (r.name === '')
      return r.type === 0 && r.scope === 0 ? undefined : 'unknown value without zeros';
    return isInteger(r.type) && isInteger(r.scope) ? undefined : 'type or scope is not an integer';
  },
  getDirectPingToPOP: isPing,
  getIPv4FakeIPType: (r) =>
    isInteger(r) && r >= 0 && r <= 3 ? undefined : 'not a NetworkingFakeIPType',
  getLocalPingLocation: (r) => {
    if (!hasExactKeys(r, ['location', 'age'])) return 'keys are not location, age';
    if (!(r.location instanceof Uint8Array) || r.location.length !== PING_LOCATION_BYTES) {
      return 'location is not 512 bytes';
    }
    if (typeof r.age !== 'number' || Number.isNaN(r.age)) return 'age is not a number';
    if (r.age < 0 && (r.age !== -1 || !isZeroLocation(r.location))) {
      return 'no data but age is not -1 or location not zeros';
    }
    return undefined;
  },
  getLocalTimestamp: (r) =>
    typeof r === 'bigint' && r >= MIN_LOCAL_TIMESTAMP ? undefined : 'not a bigint above 30 days',
  getPingToDataCenter: (r) => {
    if (!hasExactKeys(r, ['pop_relay', 'ping'])) return 'keys are not pop_relay, ping';
    if (!isPingResult(r.ping)) return 'ping is not a ping or a sentinel';
    if (!isUint32(r.pop_relay)) return 'pop_relay is not a uint32';
    if ((r.ping as number) < 0 && r.pop_relay !== 0) return 'pop_relay is not 0 without a route';
    return undefined;
  },
  getPOPCount: (r) => (isInteger(r) && r >= 0 ? undefined : 'not a count'),
  getPOPList: (r) =>
    Array.isArray(r) && r.every(isUint32) ? undefined : 'not an array of uint32 POP ids',
  getRealIdentityForFakeIP: (r) => {
    if (!hasExactKeys(r, ['result', 'identity'])) return 'keys are not result, identity';
    if (![RESULT_OK, RESULT_INVALID_PARAM, RESULT_NO_MATCH].includes(r.result as number)) {
      return 'result is not OK, INVALID_PARAM or NO_MATCH';
    }
    if (typeof r.identity !== 'bigint') return 'identity is not a bigint';
    if (r.result !== RESULT_OK && r.identity !== 0n) return 'identity is not 0n on failure';
    return undefined;
  },
  getRelayNetworkStatus: (r) =>
    AVAILABILITY_VALUES.has(r as number) ? undefined : 'not a NetworkingAvailability',
  getRelayNetworkStatusDetails: (r) => {
    const keys = [
      'available',
      'ping_measurement',
      'available_config',
      'available_relay',
      'debug_message',
    ];
    if (!hasExactKeys(r, keys)) return `keys are not ${keys.join(', ')}`;
    for (const key of ['available', 'available_config', 'available_relay']) {
      if (!AVAILABILITY_VALUES.has(r[key] as number))
        return `${key} is not a NetworkingAvailability`;
    }
    if (!isInteger(r.ping_measurement)) return 'ping_measurement is not an integer';
    if (typeof r.debug_message !== 'string' || r.debug_message.length > 255) {
      return 'debug_message is not a string of at most 255 characters';
    }
    return undefined;
  },
  initRelayNetworkAccess: isUndefined,
  isFakeIPv4: isBoolean,
  iterateGenericEditableConfigValues: (r) =>
    r === 0 || (isInteger(r) && getConfigValueEntry(r) !== undefined)
      ? undefined
      : 'not 0 or a config value of the table',
  parsePingLocationString: (r) => {
    if (!hasExactKeys(r, ['success', 'ping_location']))
      return 'keys are not success, ping_location';
    if (typeof r.success !== 'boolean') return 'success is not a boolean';
    if (
      !(r.ping_location instanceof Uint8Array) ||
      r.ping_location.length !== PING_LOCATION_BYTES
    ) {
      return 'ping_location is not 512 bytes';
    }
    if (!r.success && !isZeroLocation(r.ping_location))
      return 'ping_location is not zeros on failure';
    return undefined;
  },
  setConnectionConfigValueFloat: isBoolean,
  setConnectionConfigValueInt32: isBoolean,
  setConnectionConfigValueString: isBoolean,
  setDebugOutputFunction: isUndefined,
  setGlobalCallbackFakeIPResult: isBoolean,
  setGlobalCallbackMessagesSessionFailed: isBoolean,
  setGlobalCallbackMessagesSessionRequest: isBoolean,
  setGlobalCallbackSteamNetAuthenticationStatusChanged: isBoolean,
  setGlobalCallbackSteamNetConnectionStatusChanged: isBoolean,
  setGlobalCallbackSteamRelayNetworkStatusChanged: isBoolean,
  setGlobalConfigValueFloat: isBoolean,
  setGlobalConfigValueInt32: isBoolean,
  setGlobalConfigValueString: isBoolean,
  runCallbacks: isUndefined,
};
