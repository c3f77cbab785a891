import { ConnectFlags, MessageQueue, setErrorHook } from '@relaylane/core';

import {
  type BackendConnectionInfo,
  type BackendEventSink,
} from '../port/networking-utils-backend.js';
import {
  FAKE_IP_TYPE_GLOBAL_IPV4,
  FAKE_IP_TYPE_INVALID,
  FAKE_IP_TYPE_LOCAL_IPV4,
  FAKE_IP_TYPE_NOT_FAKE,
  NETWORKING_AVAILABILITY_ATTEMPTING,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_WAITING,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
  RESULT_INVALID_PARAM,
  RESULT_NO_MATCH,
} from '../constants/index.js';
import { isPreparedPingLocation, PreparedPingLocation } from '../port/prepared-ping-location.js';
import { BackendStateError } from '../port/backend-errors.js';
import { NetworkingUtilsError } from './errors.js';
import { NETWORKING_UTILS_ADDED_METHODS, NETWORKING_UTILS_METHODS } from './method-names.js';
import { NetworkingUtils } from './networking-utils.js';
import { VALID_ARGUMENTS } from '../test-support/method-arguments.js';
import { patternBytes, ScriptedBackend } from '../test-support/scripted-backend.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';

function setUp(): { backend: ScriptedBackend; utils: NetworkingUtils } {
  const backend = new ScriptedBackend();
  return { backend, utils: new NetworkingUtils(backend) };
}

function bytesOf(values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

const CONNECTION_INFO: BackendConnectionInfo = {
  identity: 76561197960287930n,
  userData: 99n,
  listenSocket: 7,
  remoteAddress: '1.2.3.4:27015',
  remotePopId: 0x00667261,
  relayPopId: 0x00616d73,
  connectionState: 3,
  endReason: 0,
  endDebug: '',
  connectionDescription: '#12 remote',
};

describe('NetworkingUtils construction', () => {
  it('refuses a backend that is not an object, naming what it got', () => {
    const error = thrownBy(() => new NetworkingUtils(undefined as never));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('NetworkingUtils: backend must be');
    expect((error as Error).message).toContain('got undefined');
  });

  it('refuses an object that lacks backend methods, naming them', () => {
    const {
      runCallbacks: _r,
      shutdown: _s,
      ...partial
    } = Object.fromEntries(
      Object.getOwnPropertyNames(ScriptedBackend.prototype).map((name) => [name, () => undefined]),
    );
    const error = thrownBy(() => new NetworkingUtils(partial as never));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('runCallbacks, shutdown methods');
  });

  it('reports the backend kind', () => {
    expect(setUp().utils.backendKind).toBe('simulated');
  });

  it('reports a backend given directly as a custom choice', () => {
    expect(setUp().utils.backendSelection).toEqual({
      requested: ['custom'],
      kind: 'simulated',
      fallbacks: [],
    });
  });

  it('reports the backend selection given in the options, with the backend real kind', () => {
    const fallbacks = [{ kind: 'steam', reason: 'no Steam client' }];
    const utils = new NetworkingUtils(new ScriptedBackend(), {
      selection: { requested: ['steam', 'scripted'], kind: 'steam', fallbacks },
    });
    expect(utils.backendSelection).toEqual({
      requested: ['steam', 'scripted'],
      kind: 'simulated',
      fallbacks,
    });
  });

  it('has every GodotSteam method and every Relaylane addition', () => {
    const { utils } = setUp();
    for (const name of [...NETWORKING_UTILS_METHODS, ...NETWORKING_UTILS_ADDED_METHODS]) {
      expect(typeof (utils as unknown as Record<string, unknown>)[name]).toBe('function');
    }
    expect(NETWORKING_UTILS_METHODS).toHaveLength(32);
  });
});

describe('NetworkingUtils argument validation', () => {
  // [method, args, error class, the exact message]
  const cases: [string, unknown[], typeof TypeError | typeof RangeError, string][] = [
    [
      'getDirectPingToPOP',
      [-1],
      RangeError,
      'getDirectPingToPOP: pop_id must be an integer from 0 to 4294967295 (a uint32 POP id), got -1',
    ],
    [
      'getPingToDataCenter',
      ['fra'],
      TypeError,
      'getPingToDataCenter: pop_id must be an integer from 0 to 4294967295 (a uint32 POP id), got the string "fra"',
    ],
    [
      'getPingToDataCenter',
      [2 ** 32],
      RangeError,
      'getPingToDataCenter: pop_id must be an integer from 0 to 4294967295 (a uint32 POP id), got 4294967296',
    ],
    [
      'checkPingDataUpToDate',
      [Number.NaN],
      RangeError,
      'checkPingDataUpToDate: max_age_in_seconds must be a finite number (the maximum age of the ping data, in seconds), got NaN',
    ],
    [
      'checkPingDataUpToDate',
      [5n],
      TypeError,
      'checkPingDataUpToDate: max_age_in_seconds must be a finite number (the maximum age of the ping data, in seconds), got the bigint 5n',
    ],
    [
      'estimatePingTimeFromLocalHost',
      [new Uint8Array(10)],
      RangeError,
      'estimatePingTimeFromLocalHost: location must be a Uint8Array of exactly 512 bytes (a ping location from getLocalPingLocation() or parsePingLocationString()), got a Uint8Array of 10 bytes',
    ],
    [
      'estimatePingTimeFromLocalHost',
      [new Uint8ClampedArray(512)],
      TypeError,
      'estimatePingTimeFromLocalHost: location must be a Uint8Array of exactly 512 bytes (a ping location from getLocalPingLocation() or parsePingLocationString()), got a Uint8ClampedArray of 512 elements',
    ],
    [
      'estimatePingTimeBetweenTwoLocations',
      [new Uint8Array(512), [1, 2]],
      TypeError,
      'estimatePingTimeBetweenTwoLocations: location2 must be a Uint8Array of exactly 512 bytes (a ping location from getLocalPingLocation() or parsePingLocationString()), got an array of 2 elements',
    ],
    [
      'convertPingLocationToString',
      [new Uint8Array(513)],
      RangeError,
      'convertPingLocationToString: location must be a Uint8Array of exactly 512 bytes (a ping location from getLocalPingLocation() or parsePingLocationString()), got a Uint8Array of 513 bytes',
    ],
    [
      'parsePingLocationString',
      [42],
      TypeError,
      'parsePingLocationString: location_string must be a string (the text of a ping location), got 42',
    ],
    [
      'getConfigValue',
      [1.5, 1, 0],
      RangeError,
      'getConfigValue: config_value must be an integer from -2147483648 to 2147483647 (a NetworkingConfigValue), got 1.5',
    ],
    [
      'getConfigValueTyped',
      [24, 'global', 0],
      TypeError,
      'getConfigValueTyped: scope_type must be an integer from -2147483648 to 2147483647 (a NetworkingConfigScope), got the string "global"',
    ],
    [
      'getConfigValue',
      [24, 4, -1],
      RangeError,
      'getConfigValue: connection_handle must be an integer from 0 to 4294967295 (a uint32 connection handle), got -1',
    ],
    [
      'getConfigValueInfo',
      [2 ** 31],
      RangeError,
      'getConfigValueInfo: config_value must be an integer from -2147483648 to 2147483647 (a NetworkingConfigValue), got 2147483648',
    ],
    [
      'iterateGenericEditableConfigValues',
      [0, 1],
      TypeError,
      'iterateGenericEditableConfigValues: enumerate_dev_vars must be true or false (include dev values), got 1',
    ],
    [
      'setGlobalConfigValueInt32',
      [24, 2 ** 31],
      RangeError,
      'setGlobalConfigValueInt32: value must be an integer from -2147483648 to 2147483647 (an int32 config value), got 2147483648',
    ],
    [
      'setGlobalConfigValueFloat',
      [2, Number.POSITIVE_INFINITY],
      RangeError,
      'setGlobalConfigValueFloat: value must be a finite number within the 32-bit float range (a float config value), got Infinity',
    ],
    [
      'setGlobalConfigValueFloat',
      [2, 1e39],
      RangeError,
      'setGlobalConfigValueFloat: value must be a finite number within the 32-bit float range (a float config value), got 1e+39',
    ],
    [
      'setGlobalConfigValueString',
      [29, 'fra\0ams'],
      RangeError,
      'setGlobalConfigValueString: value must be a string config value without NUL characters, of at most 65535 UTF-8 bytes, got the string "fra\\u0000ams"',
    ],
    [
      'setConnectionConfigValueString',
      [1, 29, null],
      TypeError,
      'setConnectionConfigValueString: value must be a string config value without NUL characters, of at most 65535 UTF-8 bytes, got null',
    ],
    [
      'setConnectionConfigValueInt32',
      [0.5, 24, 1],
      RangeError,
      'setConnectionConfigValueInt32: connection_handle must be an integer from 0 to 4294967295 (a uint32 connection handle), got 0.5',
    ],
    [
      'setConnectionConfigValueFloat',
      [1, undefined, 1],
      TypeError,
      'setConnectionConfigValueFloat: config must be an integer from -2147483648 to 2147483647 (a NetworkingConfigValue), got undefined',
    ],
    [
      'setDebugOutputFunction',
      [9],
      RangeError,
      'setDebugOutputFunction: detail_level must be an integer from 0 to 8 (a NetworkingSocketsDebugOutputType), got 9',
    ],
    [
      'getIPv4FakeIPType',
      [0x7f000001],
      TypeError,
      'getIPv4FakeIPType: ipv4 must be a string (an IPv4 address as text, e.g. "169.254.1.2:27015"), got 2130706433',
    ],
    [
      'isFakeIPv4',
      [{}],
      TypeError,
      'isFakeIPv4: ip_address must be a string (an IPv4 address as text, e.g. "169.254.1.2:27015"), got an object',
    ],
    [
      'getRealIdentityForFakeIP',
      [undefined],
      TypeError,
      'getRealIdentityForFakeIP: fake_ip must be a string (an IPv4 address as text, e.g. "169.254.1.2:27015"), got undefined',
    ],
  ];

  it.each(cases)(
    '%s(%p) throws the documented error and never reaches the backend',
    (method, args, ErrorClass, message) => {
      const { backend, utils } = setUp();
      const call = (utils as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
      const error = thrownBy(() => call.apply(utils, args));
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as Error).message).toBe(message);
      expect(backend.calls).toEqual([]);
    },
  );

  it('passes -0 to the backend as 0', () => {
    const { backend, utils } = setUp();
    utils.getDirectPingToPOP(-0);
    expect(Object.is(backend.argsOf('getDirectPingToPOP')[0]![0], 0)).toBe(true);
  });

  it('accepts a Node Buffer of 512 bytes as a location (a Uint8Array subclass)', () => {
    const { backend, utils } = setUp();
    utils.estimatePingTimeFromLocalHost(Buffer.alloc(512, 5));
    expect(backend.argsOf('estimatePingTimeFromLocalHost')[0]![0]).toEqual(
      new Uint8Array(512).fill(5),
    );
  });
});

describe('NetworkingUtils passes location arguments through and copies results out', () => {
  it("hands the backend the caller's own location array, unchanged (no copy per call)", () => {
    const { backend, utils } = setUp();
    const location = patternBytes(512, 9);
    utils.estimatePingTimeFromLocalHost(location);
    utils.convertPingLocationToString(location);
    expect(backend.argsOf('estimatePingTimeFromLocalHost')[0]![0]).toBe(location);
    expect(backend.argsOf('convertPingLocationToString')[0]![0]).toBe(location);
    expect(location).toEqual(patternBytes(512, 9));
  });

  it('passes a view into a larger buffer as that same view', () => {
    const { backend, utils } = setUp();
    const big = patternBytes(1024, 0);
    const view = big.subarray(100, 612);
    utils.convertPingLocationToString(view);
    const received = backend.argsOf('convertPingLocationToString')[0]![0] as Uint8Array;
    expect(received).toBe(view);
    expect(received).toEqual(patternBytes(512, 100));
  });

  it('passes both locations of estimatePingTimeBetweenTwoLocations, in order', () => {
    const { backend, utils } = setUp();
    const a = patternBytes(512, 1);
    const b = patternBytes(512, 2);
    expect(utils.estimatePingTimeBetweenTwoLocations(a, b)).toBe(87);
    const [gotA, gotB] = backend.argsOf('estimatePingTimeBetweenTwoLocations')[0]! as Uint8Array[];
    expect(gotA).toBe(a);
    expect(gotB).toBe(b);
  });

  it('returns a local location that is not the buffer the backend wrote', () => {
    const { backend, utils } = setUp();
    const first = utils.getLocalPingLocation();
    expect(first).toEqual({ location: patternBytes(512, 1), age: 3.5 });
    expect(backend.writtenBuffers).not.toContain(first.location);
    first.location.fill(0);
    expect(backend.writtenBuffers[0]).toEqual(patternBytes(512, 1));
    expect(utils.getLocalPingLocation().location).toEqual(patternBytes(512, 1));
  });

  it('returns 512 zero bytes when there is no local data, whatever the backend wrote', () => {
    const { backend, utils } = setUp();
    backend.answers.localPingLocation = { age: -1, bytes: patternBytes(512, 3) };
    expect(utils.getLocalPingLocation()).toEqual({ location: new Uint8Array(512), age: -1 });
  });

  it('returns a parsed location that is not the buffer the backend wrote', () => {
    const { backend, utils } = setUp();
    const parsed = utils.parsePingLocationString('anything');
    expect(parsed).toEqual({ success: true, ping_location: patternBytes(512, 7) });
    expect(backend.writtenBuffers).not.toContain(parsed.ping_location);
    expect(backend.argsOf('parsePingLocationString')[0]![0]).toBe('anything');
  });

  it('returns 512 zero bytes when parsing fails, whatever the backend wrote', () => {
    const { backend, utils } = setUp();
    backend.answers.parsePingLocationString = { success: false, bytes: patternBytes(512, 3) };
    expect(utils.parsePingLocationString('nope')).toEqual({
      success: false,
      ping_location: new Uint8Array(512),
    });
  });

  it('returns config bytes that are not the backend own bytes', () => {
    const { backend, utils } = setUp();
    const result = utils.getConfigValue(NETWORKING_CONFIG_TIMEOUT_INITIAL, 1, 0);
    expect(result.value).toEqual(backend.answers.getConfigValue.bytes);
    expect(result.value).not.toBe(backend.answers.getConfigValue.bytes);
    result.value.fill(0xff);
    expect(utils.getConfigValue(NETWORKING_CONFIG_TIMEOUT_INITIAL, 1, 0).value).toEqual(
      bytesOf([0x10, 0x27, 0, 0]),
    );
  });

  it('returns a POP list the caller can change without changing the backend list', () => {
    const { backend, utils } = setUp();
    const list = utils.getPOPList();
    expect(list).toEqual(backend.answers.getPOPList);
    list.push(1);
    expect(utils.getPOPList()).toHaveLength(3);
  });
});

describe('NetworkingUtils ping location text', () => {
  it('refuses text longer than 1023 characters without handing it to the backend', () => {
    const { backend, utils } = setUp();
    const result = utils.parsePingLocationString('x'.repeat(1024));
    expect(result).toEqual({ success: false, ping_location: new Uint8Array(512) });
    expect(backend.argsOf('parsePingLocationString')).toEqual([]);
  });

  it('hands text of exactly 1023 characters to the backend', () => {
    const { backend, utils } = setUp();
    utils.parsePingLocationString('x'.repeat(1023));
    expect(backend.argsOf('parsePingLocationString')).toHaveLength(1);
  });

  it('refuses text with a NUL character without handing it to the backend', () => {
    const { backend, utils } = setUp();
    expect(utils.parsePingLocationString('fra=20\0junk').success).toBe(false);
    expect(backend.argsOf('parsePingLocationString')).toEqual([]);
  });

  it('refuses a 1 MB string at once', () => {
    const { backend, utils } = setUp();
    expect(utils.parsePingLocationString('a'.repeat(1 << 20)).success).toBe(false);
    expect(backend.calls).toEqual([]);
  });
});

describe('NetworkingUtils shapes results as GodotSteam does', () => {
  it('getRelayNetworkStatus returns the summary availability only', () => {
    const { backend, utils } = setUp();
    backend.answers.relayNetworkStatus = {
      ...backend.answers.relayNetworkStatus,
      available: NETWORKING_AVAILABILITY_ATTEMPTING,
    };
    expect(utils.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_ATTEMPTING);
  });

  it('getRelayNetworkStatusDetails returns every field under its snake_case key', () => {
    const { backend, utils } = setUp();
    backend.answers.relayNetworkStatus = {
      available: NETWORKING_AVAILABILITY_ATTEMPTING,
      pingMeasurementInProgress: 1,
      availableNetworkConfig: NETWORKING_AVAILABILITY_CURRENT,
      availableAnyRelay: NETWORKING_AVAILABILITY_WAITING,
      debugMessage: 'measuring',
    };
    expect(utils.getRelayNetworkStatusDetails()).toStrictEqual({
      available: NETWORKING_AVAILABILITY_ATTEMPTING,
      ping_measurement: 1,
      available_config: NETWORKING_AVAILABILITY_CURRENT,
      available_relay: NETWORKING_AVAILABILITY_WAITING,
      debug_message: 'measuring',
    });
  });

  it('getPingToDataCenter returns { pop_relay, ping } for the POP asked', () => {
    const { backend, utils } = setUp();
    expect(utils.getPingToDataCenter(0x00667261)).toStrictEqual({
      pop_relay: 0x00667261,
      ping: 31,
    });
    expect(backend.argsOf('getPingToDataCenter')).toEqual([[0x00667261]]);
  });

  it('getPingToDataCenter reports pop_relay 0 when there is no route', () => {
    const { backend, utils } = setUp();
    backend.answers.getPingToDataCenter = { ping: NETWORKING_PING_UNKNOWN, relayPopId: 12345 };
    expect(utils.getPingToDataCenter(1)).toStrictEqual({
      pop_relay: 0,
      ping: NETWORKING_PING_UNKNOWN,
    });
  });

  it('passes estimate sentinels through unchanged', () => {
    const { backend, utils } = setUp();
    backend.answers.estimatePingTimeFromLocalHost = NETWORKING_PING_FAILED;
    backend.answers.estimatePingTimeBetweenTwoLocations = NETWORKING_PING_UNKNOWN;
    const zeros = new Uint8Array(512);
    expect(utils.estimatePingTimeFromLocalHost(zeros)).toBe(NETWORKING_PING_FAILED);
    expect(utils.estimatePingTimeBetweenTwoLocations(zeros, zeros)).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('getConfigValueInfo returns { name, type, scope }', () => {
    const { utils, backend } = setUp();
    expect(utils.getConfigValueInfo(25)).toStrictEqual({
      name: 'TimeoutConnected',
      type: NETWORKING_CONFIG_TYPE_INT32,
      scope: NETWORKING_CONFIG_SCOPE_CONNECTION,
    });
    expect(backend.argsOf('getConfigValueInfo')).toEqual([[25]]);
  });

  it('getConfigValueInfo returns an empty name and zero type and scope for an unknown value', () => {
    const { utils, backend } = setUp();
    backend.answers.getConfigValueInfo = undefined;
    expect(utils.getConfigValueInfo(12345)).toStrictEqual({ name: '', type: 0, scope: 0 });
  });

  it('getConfigValue hands the value, scope and handle to the backend', () => {
    const { utils, backend } = setUp();
    const result = utils.getConfigValue(24, NETWORKING_CONFIG_SCOPE_CONNECTION, 77);
    expect(backend.argsOf('getConfigValue')).toEqual([
      [24, NETWORKING_CONFIG_SCOPE_CONNECTION, 77],
    ]);
    expect(result).toStrictEqual({
      result: NETWORKING_GET_CONFIG_VALUE_OK,
      type: NETWORKING_CONFIG_TYPE_INT32,
      value: bytesOf([0x10, 0x27, 0, 0]),
    });
  });

  it('getConfigValue returns an empty value on failure, whatever bytes the backend gave', () => {
    const { utils, backend } = setUp();
    backend.answers.getConfigValue = {
      result: NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
      dataType: NETWORKING_CONFIG_TYPE_INT32,
      bytes: bytesOf([1, 2, 3, 4]),
    };
    expect(utils.getConfigValue(24, 4, 9)).toStrictEqual({
      result: NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
      type: NETWORKING_CONFIG_TYPE_INT32,
      value: new Uint8Array(0),
    });
  });

  const typedCases: [string, number, Uint8Array, number | bigint | string | null][] = [
    ['an int32', NETWORKING_CONFIG_TYPE_INT32, bytesOf([0xfe, 0xff, 0xff, 0xff]), -2],
    ['a float', NETWORKING_CONFIG_TYPE_FLOAT, bytesOf([0, 0, 0x48, 0x41]), 12.5],
    ['an int64', NETWORKING_CONFIG_TYPE_INT64, new Uint8Array(8).fill(0xff), -1n],
    ['a string', NETWORKING_CONFIG_TYPE_STRING, bytesOf([0x66, 0x72, 0x61, 0]), 'fra'],
    ['a pointer', NETWORKING_CONFIG_TYPE_FUNCTION_PTR, new Uint8Array(8), null],
  ];
  it.each(typedCases)('getConfigValueTyped decodes %s', (_label, dataType, bytes, expected) => {
    const { utils, backend } = setUp();
    backend.answers.getConfigValue = { result: NETWORKING_GET_CONFIG_VALUE_OK, dataType, bytes };
    expect(utils.getConfigValueTyped(24, 1, 0)).toStrictEqual({
      result: NETWORKING_GET_CONFIG_VALUE_OK,
      type: dataType,
      value: expected,
    });
  });

  it('getConfigValueTyped returns null on failure', () => {
    const { utils, backend } = setUp();
    backend.answers.getConfigValue = {
      result: NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
      dataType: 0,
      bytes: new Uint8Array(0),
    };
    expect(utils.getConfigValueTyped(12345, 1, 0)).toStrictEqual({
      result: NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
      type: 0,
      value: null,
    });
  });

  it('iterateGenericEditableConfigValues passes both arguments and returns the backend answer', () => {
    const { utils, backend } = setUp();
    backend.answers.iterateGenericEditableConfigValues = 31;
    expect(utils.iterateGenericEditableConfigValues(30, true)).toBe(31);
    expect(backend.argsOf('iterateGenericEditableConfigValues')).toEqual([[30, true]]);
  });

  it('checkPingDataUpToDate passes the age and returns the backend answer', () => {
    const { utils, backend } = setUp();
    backend.answers.checkPingDataUpToDate = false;
    expect(utils.checkPingDataUpToDate(-2.5)).toBe(false);
    expect(backend.argsOf('checkPingDataUpToDate')).toEqual([[-2.5]]);
  });

  it('getPOPCount, getLocalTimestamp and initRelayNetworkAccess go straight to the backend', () => {
    const { utils, backend } = setUp();
    backend.answers.getPOPCount = 17;
    backend.answers.getLocalTimestamp = 3_000_000_123_456n;
    expect(utils.getPOPCount()).toBe(17);
    expect(utils.getLocalTimestamp()).toBe(3_000_000_123_456n);
    expect(utils.initRelayNetworkAccess()).toBeUndefined();
    expect(backend.calls.map((call) => call.method)).toEqual([
      'getPOPCount',
      'getLocalTimestamp',
      'initRelayNetworkAccess',
    ]);
  });
});

describe('NetworkingUtils FakeIP functions', () => {
  it('reads the address and port of getRealIdentityForFakeIP', () => {
    const { utils, backend } = setUp();
    expect(utils.getRealIdentityForFakeIP('169.254.1.2:27015')).toStrictEqual({
      result: 1,
      identity: 76561197960287930n,
    });
    expect(backend.argsOf('getRealIdentityForFakeIP')).toEqual([[0xa9fe0102, 27015]]);
  });

  it('passes port 0 when the FakeIP has none', () => {
    const { utils, backend } = setUp();
    backend.answers.getRealIdentityForFakeIP = { result: RESULT_NO_MATCH, steamId: 0n };
    expect(utils.getRealIdentityForFakeIP('169.254.1.2')).toStrictEqual({
      result: RESULT_NO_MATCH,
      identity: 0n,
    });
    expect(backend.argsOf('getRealIdentityForFakeIP')).toEqual([[0xa9fe0102, 0]]);
  });

  it.each(['', 'not an ip', '1.2.3', '256.1.1.1', '1.2.3.4:65536', '::1', `${'1'.repeat(65)}`])(
    'answers text %p that is not an IPv4 address with the documented sentinels',
    (text) => {
      const { utils, backend } = setUp();
      expect(utils.getRealIdentityForFakeIP(text)).toStrictEqual({
        result: RESULT_INVALID_PARAM,
        identity: 0n,
      });
      expect(utils.getIPv4FakeIPType(text)).toBe(FAKE_IP_TYPE_INVALID);
      expect(utils.isFakeIPv4(text)).toBe(false);
      expect(backend.calls).toEqual([]);
    },
  );

  it('passes the host-order address to getIPv4FakeIPType, ignoring the port', () => {
    const { utils, backend } = setUp();
    backend.answers.getIPv4FakeIPType = FAKE_IP_TYPE_GLOBAL_IPV4;
    expect(utils.getIPv4FakeIPType('10.0.0.1:80')).toBe(FAKE_IP_TYPE_GLOBAL_IPV4);
    expect(backend.argsOf('getIPv4FakeIPType')).toEqual([[0x0a000001]]);
  });

  it.each([
    [FAKE_IP_TYPE_NOT_FAKE, false],
    [FAKE_IP_TYPE_GLOBAL_IPV4, true],
    [FAKE_IP_TYPE_LOCAL_IPV4, true],
  ])('isFakeIPv4 is true only for a FakeIP type (type %p -> %p)', (type, expected) => {
    const { utils, backend } = setUp();
    backend.answers.getIPv4FakeIPType = type;
    expect(utils.isFakeIPv4('169.254.3.4')).toBe(expected);
  });
});

describe('NetworkingUtils config setters', () => {
  const setterCases: [string, unknown[], unknown[]][] = [
    [
      'setGlobalConfigValueInt32',
      [24, 5000],
      [24, NETWORKING_CONFIG_SCOPE_GLOBAL, 0, NETWORKING_CONFIG_TYPE_INT32, 5000],
    ],
    [
      'setGlobalConfigValueFloat',
      [2, 12.5],
      [2, NETWORKING_CONFIG_SCOPE_GLOBAL, 0, NETWORKING_CONFIG_TYPE_FLOAT, 12.5],
    ],
    [
      'setGlobalConfigValueString',
      [29, 'fra'],
      [29, NETWORKING_CONFIG_SCOPE_GLOBAL, 0, NETWORKING_CONFIG_TYPE_STRING, 'fra'],
    ],
    [
      'setConnectionConfigValueInt32',
      [77, 24, 5000],
      [24, NETWORKING_CONFIG_SCOPE_CONNECTION, 77, NETWORKING_CONFIG_TYPE_INT32, 5000],
    ],
    [
      'setConnectionConfigValueFloat',
      [77, 2, 0.25],
      [2, NETWORKING_CONFIG_SCOPE_CONNECTION, 77, NETWORKING_CONFIG_TYPE_FLOAT, 0.25],
    ],
    [
      'setConnectionConfigValueString',
      [77, 30, 'ticket'],
      [30, NETWORKING_CONFIG_SCOPE_CONNECTION, 77, NETWORKING_CONFIG_TYPE_STRING, 'ticket'],
    ],
  ];

  it.each(setterCases)(
    '%s sets the value at the right scope and type',
    (method, args, expected) => {
      const { utils, backend } = setUp();
      const call = (utils as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
      expect(call.apply(utils, args)).toBe(true);
      expect(backend.argsOf('setConfigValue')).toEqual([expected]);
    },
  );

  it.each(setterCases)('%s returns false when the backend refuses', (method, args) => {
    const { utils, backend } = setUp();
    backend.answers.setConfigValue = false;
    const call = (utils as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
    expect(call.apply(utils, args)).toBe(false);
  });
});

describe('NetworkingUtils global callbacks', () => {
  const kinds: [string, string][] = [
    ['setGlobalCallbackSteamNetConnectionStatusChanged', 'connectionStatusChanged'],
    ['setGlobalCallbackSteamNetAuthenticationStatusChanged', 'authenticationStatusChanged'],
    ['setGlobalCallbackSteamRelayNetworkStatusChanged', 'relayNetworkStatusChanged'],
    ['setGlobalCallbackFakeIPResult', 'fakeIPResult'],
    ['setGlobalCallbackMessagesSessionRequest', 'messagesSessionRequest'],
    ['setGlobalCallbackMessagesSessionFailed', 'messagesSessionFailed'],
  ];

  it.each(kinds)('%s installs the %s callback', (method, kind) => {
    const { utils, backend } = setUp();
    const call = (utils as unknown as Record<string, () => boolean>)[method]!;
    expect(call.call(utils)).toBe(true);
    expect(backend.argsOf('setGlobalCallback')).toEqual([[kind, true]]);
  });

  it.each(kinds)('%s returns false when the backend cannot install it', (method) => {
    const { utils, backend } = setUp();
    backend.answers.setGlobalCallback = false;
    const call = (utils as unknown as Record<string, () => boolean>)[method]!;
    expect(call.call(utils)).toBe(false);
  });
});

describe('NetworkingUtils signals', () => {
  it('declares GodotSteam signals with their argument names', () => {
    expect(setUp().utils.getSignalList()).toEqual([
      {
        name: 'relay_network_status',
        args: [
          'available',
          'ping_measurement',
          'available_config',
          'available_relay',
          'debug_message',
        ],
      },
      {
        name: 'network_connection_status_changed',
        args: ['connect_handle', 'connection', 'old_state'],
      },
      { name: 'network_authentication_status', args: ['available', 'debug_message'] },
      { name: 'fake_ip_result', args: ['result', 'remote_fake_steam_id', 'fake_ip', 'port_list'] },
      { name: 'network_messages_session_request', args: ['remote_steam_id'] },
      {
        name: 'network_messages_session_failed',
        args: ['reason', 'remote_steam_id', 'connection_state', 'debug_message'],
      },
      { name: 'network_debug_output', args: ['type', 'message'] },
    ]);
  });

  it('emits nothing until runCallbacks, then every queued event in order', () => {
    const { utils, backend } = setUp();
    const seen: unknown[][] = [];
    utils.signals.relay_network_status.connect((...args) => seen.push(['relay', ...args]));
    utils.signals.network_authentication_status.connect((...args) => seen.push(['auth', ...args]));
    backend.queueEvent((sink) => sink.relayNetworkStatus(backend.answers.relayNetworkStatus));
    backend.queueEvent((sink) =>
      sink.authenticationStatus(NETWORKING_AVAILABILITY_WAITING, 'auth'),
    );
    expect(seen).toEqual([]);
    utils.runCallbacks();
    expect(seen).toEqual([
      ['relay', NETWORKING_AVAILABILITY_CURRENT, 0, 100, 100, 'scripted: ready'],
      ['auth', NETWORKING_AVAILABILITY_WAITING, 'auth'],
    ]);
  });

  it('routes a connection status change with GodotSteam connection dictionary', () => {
    const { utils, backend } = setUp();
    const seen: unknown[][] = [];
    utils.signals.network_connection_status_changed.connect((...args) => seen.push(args));
    backend.queueEvent((sink) => sink.connectionStatusChanged(12, CONNECTION_INFO, 1));
    utils.runCallbacks();
    expect(seen).toStrictEqual([
      [
        12,
        {
          identity: 76561197960287930n,
          user_data: 99n,
          listen_socket: 7,
          remote_address: '1.2.3.4:27015',
          remote_pop: 0x00667261,
          pop_relay: 0x00616d73,
          connection_state: 3,
          end_reason: 0,
          end_debug: '',
          debug_description: '#12 remote',
        },
        1,
      ],
    ]);
  });

  it('routes a FakeIP result with the address as text and 8 port slots', () => {
    const { utils, backend } = setUp();
    const seen: unknown[][] = [];
    utils.signals.fake_ip_result.connect((...args) => seen.push(args));
    backend.queueEvent((sink) =>
      sink.fakeIPResult(1, 76561197960287930n, 0xa9fee053, [20232, 20233]),
    );
    utils.runCallbacks();
    expect(seen).toStrictEqual([
      [1, 76561197960287930n, '169.254.224.83', [20232, 20233, 0, 0, 0, 0, 0, 0]],
    ]);
  });

  it('routes messages session requests and failures', () => {
    const { utils, backend } = setUp();
    const seen: unknown[][] = [];
    utils.signals.network_messages_session_request.connect((...args) =>
      seen.push(['req', ...args]),
    );
    utils.signals.network_messages_session_failed.connect((...args) =>
      seen.push(['fail', ...args]),
    );
    backend.queueEvent((sink) => sink.messagesSessionRequest(5n));
    backend.queueEvent((sink) => sink.messagesSessionFailed(5003, 6n, 5, 'timed out'));
    utils.runCallbacks();
    expect(seen).toStrictEqual([
      ['req', 5n],
      ['fail', 5003, 6n, 5, 'timed out'],
    ]);
  });

  it('emits no debug output before setDebugOutputFunction', () => {
    const { utils, backend } = setUp();
    const seen: unknown[][] = [];
    utils.signals.network_debug_output.connect((...args) => seen.push(args));
    backend.queueEvent((sink) => sink.debugOutput(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG, 'bug'));
    utils.runCallbacks();
    expect(seen).toEqual([]);
  });

  it('emits debug output at or below the level asked for, and none after NONE', () => {
    const { utils, backend } = setUp();
    const seen: unknown[][] = [];
    utils.signals.network_debug_output.connect((...args) => seen.push(args));
    utils.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING);
    expect(backend.argsOf('setDebugOutputLevel')).toEqual([
      [NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING],
    ]);
    for (let type = 0; type <= NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING; type++) {
      backend.queueEvent((sink) => sink.debugOutput(type, `message ${type}`));
    }
    utils.runCallbacks();
    expect(seen).toEqual([
      [1, 'message 1'],
      [2, 'message 2'],
      [3, 'message 3'],
      [4, 'message 4'],
    ]);
    utils.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE);
    backend.queueEvent((sink) => sink.debugOutput(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG, 'late'));
    utils.runCallbacks();
    expect(seen).toHaveLength(4);
  });

  it('queues DEFERRED connections on the queue given in the options', () => {
    const backend = new ScriptedBackend();
    const queue = new MessageQueue();
    const utils = new NetworkingUtils(backend, { messageQueue: queue });
    const seen: number[] = [];
    utils.signals.relay_network_status.connect(
      (available) => seen.push(available),
      ConnectFlags.DEFERRED,
    );
    backend.queueEvent((sink) => sink.relayNetworkStatus(backend.answers.relayNetworkStatus));
    utils.runCallbacks();
    expect(seen).toEqual([]);
    queue.flush();
    expect(seen).toEqual([NETWORKING_AVAILABILITY_CURRENT]);
  });

  it('refuses a backend event delivered after runCallbacks returned', () => {
    const { utils, backend } = setUp();
    const seen: unknown[] = [];
    utils.signals.network_messages_session_request.connect((id) => seen.push(id));
    utils.runCallbacks();
    const staleSink = backend.lastSink as BackendEventSink;
    const error = thrownBy(() => staleSink.messagesSessionRequest(1n));
    expect(error).toBeInstanceOf(NetworkingUtilsError);
    expect((error as NetworkingUtilsError).code).toBe('BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS');
    expect(seen).toEqual([]);
  });
});

describe('NetworkingUtils.runCallbacks re-entry', () => {
  const reported: unknown[] = [];
  beforeEach(() => {
    reported.length = 0;
    setErrorHook((error) => reported.push(error));
  });
  afterEach(() => setErrorHook(undefined));

  it('throws BACKEND_RUN_CALLBACKS_REENTRANT from a listener and goes on delivering', () => {
    const { utils, backend } = setUp();
    const seen: bigint[] = [];
    utils.signals.network_messages_session_request.connect((id) => {
      seen.push(id);
      utils.runCallbacks();
    });
    backend.queueEvent((sink) => sink.messagesSessionRequest(1n));
    backend.queueEvent((sink) => sink.messagesSessionRequest(2n));
    utils.runCallbacks();
    expect(seen).toEqual([1n, 2n]);
    expect(reported).toHaveLength(2);
    expect(reported[0]).toBeInstanceOf(BackendStateError);
    expect((reported[0] as BackendStateError).code).toBe('BACKEND_RUN_CALLBACKS_REENTRANT');
    expect(backend.argsOf('runCallbacks')).toHaveLength(1);
  });

  it('can run again after the backend threw during delivery', () => {
    const { utils, backend } = setUp();
    backend.queueEvent(() => {
      throw new Error('backend failure');
    });
    expect(() => utils.runCallbacks()).toThrow('backend failure');
    expect(() => utils.runCallbacks()).not.toThrow();
    expect(backend.argsOf('runCallbacks')).toHaveLength(2);
  });
});

describe('NetworkingUtils.dispose', () => {
  it('shuts the backend down once and disconnects every signal', () => {
    const { utils, backend } = setUp();
    utils.signals.relay_network_status.connect(() => undefined);
    utils.dispose();
    utils.dispose();
    expect(backend.shutdownCount).toBe(1);
    expect(utils.getSignalConnectionList('relay_network_status')).toEqual([]);
    expect(utils.isDisposed()).toBe(true);
  });

  it.each([...NETWORKING_UTILS_METHODS, ...NETWORKING_UTILS_ADDED_METHODS])(
    '%s throws SERVICE_DISPOSED after dispose, naming itself',
    (method) => {
      const { utils, backend } = setUp();
      utils.dispose();
      const call = (utils as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
      const error = thrownBy(() => call.apply(utils, VALID_ARGUMENTS[method]()));
      expect(error).toBeInstanceOf(NetworkingUtilsError);
      expect((error as NetworkingUtilsError).code).toBe('SERVICE_DISPOSED');
      expect((error as Error).message).toContain(`NetworkingUtils.${method}:`);
      expect(backend.calls.map((call) => call.method)).toEqual(['shutdown']);
    },
  );

  it('called from a listener, shuts the backend down after its delivery returns', () => {
    const { utils, backend } = setUp();
    const seen: bigint[] = [];
    const shutdownsInsideListener: number[] = [];
    utils.signals.network_messages_session_request.connect((id) => {
      seen.push(id);
      utils.dispose();
      shutdownsInsideListener.push(backend.shutdownCount);
    });
    backend.queueEvent((sink) => sink.messagesSessionRequest(1n));
    backend.queueEvent((sink) => sink.messagesSessionRequest(2n));
    utils.runCallbacks();
    expect(seen).toEqual([1n]);
    expect(shutdownsInsideListener).toEqual([0]);
    expect(backend.shutdownCount).toBe(1);
    expect(backend.calls.map((call) => call.method)).toEqual(['runCallbacks', 'shutdown']);
  });
});

describe('NetworkingUtils estimates: hostile location objects', () => {
  const service = new NetworkingUtils(new ScriptedBackend());
  afterAll(() => service.dispose());

  it('tells a prepared location by a private brand: a revoked Proxy or a poser gets a TypeError naming the method', () => {
    const revocable = Proxy.revocable(PreparedPingLocation.from(new Uint8Array(512)), {});
    revocable.revoke();
    const traps: string[] = [];
    const watched = new Proxy(PreparedPingLocation.from(new Uint8Array(512)), {
      getPrototypeOf(target) {
        traps.push('getPrototypeOf');
        return Reflect.getPrototypeOf(target);
      },
      get(target, key) {
        traps.push(`get ${String(key)}`);
        return Reflect.get(target, key) as unknown;
      },
    });
    const poser = Object.create(PreparedPingLocation.prototype) as PreparedPingLocation;
    for (const location of [revocable.proxy, watched, poser]) {
      const between = thrownBy(() =>
        service.estimatePingTimeBetweenTwoLocations(location, location),
      );
      expect(between).toBeInstanceOf(TypeError);
      expect((between as Error).message).toContain('estimatePingTimeBetweenTwoLocations');
      const fromHere = thrownBy(() => service.estimatePingTimeFromLocalHost(location));
      expect(fromHere).toBeInstanceOf(TypeError);
      expect((fromHere as Error).message).toContain('estimatePingTimeFromLocalHost');
    }
    // The brand check runs no trap; only the error message's description of the value looks
    // at its prototype, to name its class.
    expect(traps.filter((trap) => trap !== 'getPrototypeOf')).toEqual([]);
    traps.length = 0;
    expect(isPreparedPingLocation(watched)).toBe(false);
    expect(isPreparedPingLocation(revocable.proxy)).toBe(false);
    expect(traps).toEqual([]);
  });
});
