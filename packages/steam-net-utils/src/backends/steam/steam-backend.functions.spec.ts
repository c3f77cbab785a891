/**
 * Every one of GodotSteam's 32 Networking Utils functions through the real `NetworkingUtils`
 * service, the Steam backend and koffi against the test double: the arguments arrive exactly (the
 * double's call log), the results come back in GodotSteam's shapes, structs are read at the SDK's
 * offsets, and hostile input never reaches native code (the log shows no call).
 */
import {
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  RESULT_OK,
} from '../../constants/index.js';
import {
  NETWORKING_UTILS_METHODS,
  type NetworkingUtilsMethodName,
} from '../../service/method-names.js';
import { NetworkingUtils } from '../../service/networking-utils.js';
import {
  callMethod,
  METHOD_PARAMETERS,
  type ParameterKind,
  VALID_ARGUMENTS,
} from '../../test-support/method-arguments.js';
import { createSteamBackend } from './create-steam-backend.js';
import { type SteamApi } from './native/steam-api.js';
import { type SteamBackend } from './steam-backend.js';
import { locationLogText, type SteamApiTestDouble } from './test-double/test-double-control.js';
import {
  genericStringIdentityBytes,
  patternLocation,
  relayStatusBytes,
  steamIdIdentityBytes,
} from './test-support/sdk-struct-bytes.js';
import { loadSteamDouble, startBackendOnDouble } from './test-support/steam-double-backend.js';

const steam = loadSteamDouble();
const { double } = steam;

const FRA = 0x00667261; // "fra"
const AMS = 0x00616d73; // "ams"

const A = patternLocation(1);
const B = patternLocation(2);

let backend: SteamBackend;
let service: NetworkingUtils;
let connection: number;

beforeEach(() => {
  backend = startBackendOnDouble(steam);
  service = new NetworkingUtils(backend);
  connection = double.openConnection();
  double.clearLog();
});
afterEach(() => {
  service.dispose();
  expect(double.violations()).toEqual([]);
  expect(double.pendingScripts()).toBe(0);
});

/** One function's round trip: what the double is scripted to answer, the call, what must arrive and come back. */
interface RoundTrip {
  readonly setup?: (d: SteamApiTestDouble) => void;
  readonly call: (s: NetworkingUtils) => unknown;
  /** The log lines, exactly (a RegExp for a line with a pointer in it). */
  readonly log: readonly (string | RegExp)[];
  readonly result: unknown;
  /** Further checks on the double's state. */
  readonly after?: (d: SteamApiTestDouble, log: readonly string[]) => void;
}

function globalCallback(
  setter: string,
  configValue: number,
  method: NetworkingUtilsMethodName,
): RoundTrip {
  return {
    call: (s) => callMethod(s, method, []),
    log: [new RegExp(`^${setter}\\(self=utils,fnCallback=0x[0-9a-f]+\\)$`)],
    result: true,
    after: (d, log) => {
      const installed = d.installedCallback(configValue);
      expect(installed).not.toBeNull();
      expect(log[0]).toContain(`fnCallback=0x${installed!.toString(16)}`);
    },
  };
}

const ROUND_TRIPS: Readonly<Record<NetworkingUtilsMethodName, RoundTrip>> = {
  checkPingDataUpToDate: {
    setup: (d) => d.script('CheckPingDataUpToDate', { returns: true }),
    call: (s) => s.checkPingDataUpToDate(1.5),
    log: ['CheckPingDataUpToDate(self=utils,flMaxAgeSeconds=1.5)'],
    result: true,
  },
  convertPingLocationToString: {
    setup: (d) => d.script('ConvertPingLocationToString', { bytes: 'rld1:fra=12,ams=18' }),
    call: (s) => s.convertPingLocationToString(A),
    log: [
      `ConvertPingLocationToString(self=utils,location=${locationLogText(A)},pszBuf=buf,cchBufSize=1024)`,
    ],
    result: 'rld1:fra=12,ams=18',
  },
  estimatePingTimeBetweenTwoLocations: {
    setup: (d) => d.script('EstimatePingTimeBetweenTwoLocations', { returns: 77 }),
    call: (s) => s.estimatePingTimeBetweenTwoLocations(A, B),
    log: [
      `EstimatePingTimeBetweenTwoLocations(self=utils,location1=${locationLogText(A)},location2=${locationLogText(B)})`,
    ],
    result: 77,
  },
  estimatePingTimeFromLocalHost: {
    setup: (d) => d.script('EstimatePingTimeFromLocalHost', { returns: -2 }),
    call: (s) => s.estimatePingTimeFromLocalHost(B),
    log: [`EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${locationLogText(B)})`],
    result: -2,
  },
  getConfigValue: {
    call: (s) =>
      s.getConfigValue(NETWORKING_CONFIG_TIMEOUT_INITIAL, NETWORKING_CONFIG_SCOPE_GLOBAL, 0),
    log: [
      'GetConfigValue(self=utils,eValue=24,eScopeType=1,scopeObj=0,pOutDataType=buf,pResult=NULL,*cbResult=0)',
      'GetConfigValue(self=utils,eValue=24,eScopeType=1,scopeObj=0,pOutDataType=buf,pResult=buf,*cbResult=4)',
    ],
    result: {
      result: 1,
      type: NETWORKING_CONFIG_TYPE_INT32,
      value: Uint8Array.from([0x10, 0x27, 0, 0]),
    },
  },
  getConfigValueInfo: {
    call: (s) => s.getConfigValueInfo(NETWORKING_CONFIG_TIMEOUT_INITIAL),
    log: ['GetConfigValueInfo(self=utils,eValue=24,pOutDataType=buf,pOutScope=buf)'],
    result: {
      name: 'TimeoutInitial',
      type: NETWORKING_CONFIG_TYPE_INT32,
      scope: NETWORKING_CONFIG_SCOPE_CONNECTION,
    },
  },
  getDirectPingToPOP: {
    setup: (d) => d.script('GetDirectPingToPOP', { returns: 31 }),
    call: (s) => s.getDirectPingToPOP(0xfedcba98),
    log: ['GetDirectPingToPOP(self=utils,popID=4275878552)'],
    result: 31,
  },
  getIPv4FakeIPType: {
    setup: (d) => d.script('GetIPv4FakeIPType', { returns: 3 }),
    call: (s) => s.getIPv4FakeIPType('169.254.1.2:27015'),
    log: [`GetIPv4FakeIPType(self=utils,nIPv4=${0xa9fe0102})`],
    result: 3,
  },
  getLocalPingLocation: {
    setup: (d) => d.script('GetLocalPingLocation', { floatReturn: 2.5, bytes: A }),
    call: (s) => s.getLocalPingLocation(),
    log: ['GetLocalPingLocation(self=utils,result=buf)'],
    result: { location: A, age: 2.5 },
  },
  getLocalTimestamp: {
    setup: (d) => d.script('GetLocalTimestamp', { returns: 3_000_000_123_456_789n }),
    call: (s) => s.getLocalTimestamp(),
    log: ['GetLocalTimestamp(self=utils)'],
    result: 3_000_000_123_456_789n,
  },
  getPingToDataCenter: {
    setup: (d) => d.script('GetPingToDataCenter', { returns: 25, aux: AMS }),
    call: (s) => s.getPingToDataCenter(FRA),
    log: [`GetPingToDataCenter(self=utils,popID=${FRA},pViaRelayPoP=buf)`],
    result: { pop_relay: AMS, ping: 25 },
  },
  getPOPCount: {
    setup: (d) => d.script('GetPOPCount', { returns: 3 }),
    call: (s) => s.getPOPCount(),
    log: ['GetPOPCount(self=utils)'],
    result: 3,
  },
  getPOPList: {
    setup: (d) => {
      d.script('GetPOPCount', { returns: 3 });
      d.script('GetPOPList', {
        returns: 3,
        bytes: new Uint8Array(Uint32Array.from([FRA, AMS, 0xffffffff]).buffer),
      });
    },
    call: (s) => s.getPOPList(),
    log: ['GetPOPCount(self=utils)', 'GetPOPList(self=utils,list=buf,nListSz=3)'],
    result: [FRA, AMS, 0xffffffff],
  },
  getRealIdentityForFakeIP: {
    setup: (d) =>
      d.script('GetRealIdentityForFakeIP', {
        returns: RESULT_OK,
        bytes: steamIdIdentityBytes(76561197960287930n),
      }),
    call: (s) => s.getRealIdentityForFakeIP('169.254.1.2:27015'),
    log: ['GetRealIdentityForFakeIP(self=utils,fakeIP=169.254.1.2:27015,pOutRealIdentity=buf)'],
    result: { result: RESULT_OK, identity: 76561197960287930n },
  },
  getRelayNetworkStatus: {
    setup: (d) =>
      d.script('GetRelayNetworkStatus', {
        returns: 3,
        bytes: relayStatusBytes({
          available: 3,
          measuring: 1,
          config: 100,
          relay: -10,
          message: 'probing',
        }),
      }),
    call: (s) => s.getRelayNetworkStatus(),
    log: ['GetRelayNetworkStatus(self=utils,pDetails=buf)'],
    result: 3,
  },
  initRelayNetworkAccess: {
    call: (s) => s.initRelayNetworkAccess(),
    log: ['InitRelayNetworkAccess(self=utils)'],
    result: undefined,
  },
  isFakeIPv4: {
    setup: (d) => d.script('GetIPv4FakeIPType', { returns: 2 }),
    call: (s) => s.isFakeIPv4('169.254.224.83'),
    log: [`GetIPv4FakeIPType(self=utils,nIPv4=${0xa9fee053})`],
    result: true,
  },
  iterateGenericEditableConfigValues: {
    setup: (d) => d.script('IterateGenericEditableConfigValues', { returns: 9 }),
    call: (s) => s.iterateGenericEditableConfigValues(-7, true),
    log: ['IterateGenericEditableConfigValues(self=utils,eCurrent=-7,bEnumerateDevVars=true)'],
    result: 9,
  },
  parsePingLocationString: {
    setup: (d) => d.script('ParsePingLocationString', { returns: true, bytes: B }),
    call: (s) => s.parsePingLocationString('rld1:fra=12 "q" é'),
    log: [
      'ParsePingLocationString(self=utils,pszString="rld1:fra=12 \\"q\\" \\xc3\\xa9",result=buf)',
    ],
    result: { success: true, ping_location: B },
  },
  setConnectionConfigValueFloat: {
    call: (s) =>
      s.setConnectionConfigValueFloat(connection, NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 12.5),
    // FakePacketLoss_Send is global-only: Steam refuses it at connection scope, and says so.
    log: [
      /^SetConfigValue\(self=utils,eValue=2,eScopeType=4,scopeObj=\d+,eDataType=3,pArg=&12\.5\)$/,
    ],
    result: false,
  },
  setConnectionConfigValueInt32: {
    call: (s) =>
      s.setConnectionConfigValueInt32(connection, NETWORKING_CONFIG_TIMEOUT_INITIAL, -123),
    log: [
      /^SetConfigValue\(self=utils,eValue=24,eScopeType=4,scopeObj=\d+,eDataType=1,pArg=&-123\)$/,
    ],
    result: true,
    after: (d, log) => expect(log[0]).toContain(`scopeObj=${connection},`),
  },
  setConnectionConfigValueString: {
    call: (s) =>
      s.setConnectionConfigValueString(
        connection,
        NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
        'stun.example:3478',
      ),
    log: [
      /^SetConfigValue\(self=utils,eValue=103,eScopeType=4,scopeObj=\d+,eDataType=4,pArg="stun\.example:3478"\)$/,
    ],
    result: true,
  },
  setDebugOutputFunction: {
    call: (s) => s.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG),
    log: [/^SetDebugOutputFunction\(self=utils,eDetailLevel=5,pfnFunc=0x[0-9a-f]+\)$/],
    result: undefined,
    after: (d, log) => {
      expect(d.debugOutputLevel()).toBe(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG);
      expect(log[0]).toContain(`pfnFunc=0x${d.debugOutputFunction()!.toString(16)})`);
    },
  },
  setGlobalCallbackFakeIPResult: globalCallback(
    'SetGlobalCallback_FakeIPResult',
    207,
    'setGlobalCallbackFakeIPResult',
  ),
  setGlobalCallbackMessagesSessionFailed: globalCallback(
    'SetGlobalCallback_MessagesSessionFailed',
    205,
    'setGlobalCallbackMessagesSessionFailed',
  ),
  setGlobalCallbackMessagesSessionRequest: globalCallback(
    'SetGlobalCallback_MessagesSessionRequest',
    204,
    'setGlobalCallbackMessagesSessionRequest',
  ),
  setGlobalCallbackSteamNetAuthenticationStatusChanged: globalCallback(
    'SetGlobalCallback_SteamNetAuthenticationStatusChanged',
    202,
    'setGlobalCallbackSteamNetAuthenticationStatusChanged',
  ),
  setGlobalCallbackSteamNetConnectionStatusChanged: globalCallback(
    'SetGlobalCallback_SteamNetConnectionStatusChanged',
    201,
    'setGlobalCallbackSteamNetConnectionStatusChanged',
  ),
  setGlobalCallbackSteamRelayNetworkStatusChanged: globalCallback(
    'SetGlobalCallback_SteamRelayNetworkStatusChanged',
    203,
    'setGlobalCallbackSteamRelayNetworkStatusChanged',
  ),
  setGlobalConfigValueFloat: {
    call: (s) => s.setGlobalConfigValueFloat(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 12.5),
    log: ['SetConfigValue(self=utils,eValue=2,eScopeType=1,scopeObj=0,eDataType=3,pArg=&12.5)'],
    result: true,
  },
  setGlobalConfigValueInt32: {
    call: (s) => s.setGlobalConfigValueInt32(NETWORKING_CONFIG_TIMEOUT_INITIAL, 2147483647),
    log: [
      'SetConfigValue(self=utils,eValue=24,eScopeType=1,scopeObj=0,eDataType=1,pArg=&2147483647)',
    ],
    result: true,
  },
  setGlobalConfigValueString: {
    call: (s) =>
      s.setGlobalConfigValueString(NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, 'stun.example'),
    log: [
      'SetConfigValue(self=utils,eValue=103,eScopeType=1,scopeObj=0,eDataType=4,pArg="stun.example")',
    ],
    result: true,
  },
};

describe('each of the 32 functions through the service, the backend and koffi', () => {
  it('covers exactly GodotSteam’s 32 functions', () => {
    expect(Object.keys(ROUND_TRIPS).sort()).toEqual([...NETWORKING_UTILS_METHODS].sort());
  });

  it.each(NETWORKING_UTILS_METHODS)(
    '%s: arguments arrive exactly and the result comes back shaped',
    (method) => {
      const trip = ROUND_TRIPS[method];
      trip.setup?.(double);
      const result = trip.call(service);
      const log = double.log();
      expect(log).toHaveLength(trip.log.length);
      trip.log.forEach((expected, i) =>
        typeof expected === 'string'
          ? expect(log[i]).toBe(expected)
          : expect(log[i]).toMatch(expected),
      );
      expect(result).toEqual(trip.result);
      trip.after?.(double, log);
    },
  );
});

describe('structs and buffers at the boundary', () => {
  it('reads every field of SteamRelayNetworkStatus_t at its offset', () => {
    ROUND_TRIPS.getRelayNetworkStatus.setup!(double);
    expect(service.getRelayNetworkStatusDetails()).toEqual({
      available: 3,
      ping_measurement: 1,
      available_config: 100,
      available_relay: -10,
      debug_message: 'probing',
    });
  });

  it('reads a 255-character relay debug message whole and never past its 256 bytes', () => {
    const bytes = relayStatusBytes({
      available: 100,
      measuring: 0,
      config: 100,
      relay: 100,
      message: '',
    });
    bytes.fill(0x61, 16, 272); // no NUL in m_debugMsg
    double.script('GetRelayNetworkStatus', { returns: 100, bytes });
    expect(service.getRelayNetworkStatusDetails().debug_message).toBe('a'.repeat(256));
  });

  it('answers an identity that is not a SteamID with 0', () => {
    double.script('GetRealIdentityForFakeIP', {
      returns: RESULT_OK,
      bytes: genericStringIdentityBytes('not-a-steamid'),
    });
    expect(service.getRealIdentityForFakeIP('169.254.1.2:1')).toEqual({
      result: RESULT_OK,
      identity: 0n,
    });
  });

  it('gives zeros and age -1 for a location Steam reports as absent, whatever bytes it left', () => {
    double.script('GetLocalPingLocation', { floatReturn: -1, bytes: A });
    expect(backend.getLocalPingLocation(B.slice())).toBe(-1);
    double.script('GetLocalPingLocation', { floatReturn: -1, bytes: A });
    expect(service.getLocalPingLocation()).toEqual({ location: new Uint8Array(512), age: -1 });
  });

  it('zeroes the location when parsing fails, whatever Steam left in its buffer', () => {
    double.script('ParsePingLocationString', { returns: false, bytes: A });
    const out = B.slice();
    expect(backend.parsePingLocationString('rld1:zzz', out)).toBe(false);
    expect(out).toEqual(new Uint8Array(512));
  });

  it('cuts a ping location string that fills Steam’s whole buffer at 1023 bytes', () => {
    double.script('ConvertPingLocationToString', { bytes: 'x'.repeat(3000) });
    expect(service.convertPingLocationToString(A)).toBe('x'.repeat(1023));
  });

  it('hands Steam the caller’s location to read, and never writes it', () => {
    const mine = A.slice();
    double.script('EstimatePingTimeFromLocalHost', { returns: 5 });
    expect(backend.estimatePingTimeFromLocalHost(mine)).toBe(5);
    expect(mine).toEqual(A);
    expect(double.log()).toEqual([
      `EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${locationLogText(A)})`,
    ]);
  });

  it('reads a location that is a view into a larger buffer from the view’s own bytes', () => {
    const host = new Uint8Array(2048).fill(0xab);
    host.set(A, 100);
    host.set(B, 1000);
    const a = host.subarray(100, 612);
    const b = host.subarray(1000, 1512);
    double.script('EstimatePingTimeFromLocalHost', { returns: 5 });
    double.script('EstimatePingTimeBetweenTwoLocations', { returns: 6 });
    expect(backend.estimatePingTimeFromLocalHost(a)).toBe(5);
    expect(backend.estimatePingTimeBetweenTwoLocations(a, b)).toBe(6);
    backend.convertPingLocationToString(b);
    expect(double.log()).toEqual([
      `EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${locationLogText(A)})`,
      `EstimatePingTimeBetweenTwoLocations(self=utils,location1=${locationLogText(A)},location2=${locationLogText(B)})`,
      `ConvertPingLocationToString(self=utils,location=${locationLogText(B)},pszBuf=buf,cchBufSize=1024)`,
    ]);
  });

  it('has Steam write a location straight into the caller’s buffer, a view’s bytes only', () => {
    const host = new Uint8Array(1024).fill(0xab);
    const out = host.subarray(256, 768);
    double.script('GetLocalPingLocation', { floatReturn: 3, bytes: A });
    expect(backend.getLocalPingLocation(out)).toBe(3);
    expect(out).toEqual(A);
    double.script('ParsePingLocationString', { returns: true, bytes: B });
    expect(backend.parsePingLocationString('rld1:fra=1', out)).toBe(true);
    expect(out).toEqual(B);
    expect(host.subarray(0, 256).every((byte) => byte === 0xab)).toBe(true);
    expect(host.subarray(768).every((byte) => byte === 0xab)).toBe(true);
  });

  it('passes the caller’s location arrays themselves to the binding: checked, not copied', () => {
    service.dispose();
    const seen: Uint8Array[] = [];
    const recorded =
      (name: 'EstimatePingTimeFromLocalHost' | 'ConvertPingLocationToString') =>
      (...args: unknown[]): unknown => {
        seen.push(args[1] as Uint8Array);
        return (steam.api[name] as (...a: unknown[]) => unknown)(...args);
      };
    const recording = Object.create(steam.api, {
      EstimatePingTimeFromLocalHost: { value: recorded('EstimatePingTimeFromLocalHost') },
      ConvertPingLocationToString: { value: recorded('ConvertPingLocationToString') },
      EstimatePingTimeBetweenTwoLocations: {
        value: (self: bigint, location1: Uint8Array, location2: Uint8Array): number => {
          seen.push(location1, location2);
          return steam.api.EstimatePingTimeBetweenTwoLocations(self, location1, location2);
        },
      },
    }) as SteamApi;
    double.reset();
    const own = createSteamBackend({ api: recording, env: {} });
    own.init();
    try {
      const a = A.slice();
      const b = B.slice();
      own.estimatePingTimeFromLocalHost(a);
      own.estimatePingTimeBetweenTwoLocations(a, b);
      own.convertPingLocationToString(b);
      expect(seen).toHaveLength(4);
      expect(seen[0]).toBe(a);
      expect(seen[1]).toBe(a);
      expect(seen[2]).toBe(b);
      expect(seen[3]).toBe(b);
      expect([a, b]).toEqual([A, B]);
    } finally {
      own.shutdown();
    }
  });

  it('sizes the POP list from GetPOPCount, at most 1024, and trusts no more than it gave', () => {
    double.script('GetPOPCount', { returns: 5000 });
    double.script('GetPOPList', { returns: 9999, bytes: new Uint8Array(4096).fill(1) });
    const list = backend.getPOPList();
    expect(double.log()[1]).toBe('GetPOPList(self=utils,list=buf,nListSz=1024)');
    expect(list).toHaveLength(1024);
  });

  it('reads no POP list when the count is 0 or negative', () => {
    double.script('GetPOPCount', { returns: -3 });
    expect(service.getPOPList()).toEqual([]);
    expect(double.log()).toEqual(['GetPOPCount(self=utils)']);
  });

  it('passes a float that overflows a C float as the largest float', () => {
    service.checkPingDataUpToDate(1e300);
    expect(double.log()).toEqual([
      'CheckPingDataUpToDate(self=utils,flMaxAgeSeconds=3.40282347e+38)',
    ]);
  });
});

describe('hostile input never reaches native code', () => {
  // For each kind of parameter: values of the wrong type and out of range.
  const HOSTILE: Readonly<Record<ParameterKind, readonly unknown[]>> = {
    location: [
      new Uint8Array(511),
      new Uint8Array(513),
      new Uint8Array(0),
      [0, 1],
      'location',
      null,
    ],
    uint32: [-1, 2 ** 32, 1.5, NaN, '7', 7n],
    config: [2 ** 31, -(2 ** 31) - 1, 0.5, Infinity, '24'],
    scope: [2 ** 31, NaN, null],
    int32: [2 ** 31, -(2 ** 31) - 1, 1.5, 1n],
    float32: [NaN, Infinity, 1e39, '1.5'],
    seconds: [NaN, -Infinity, undefined],
    boolean: [1, 'true', undefined],
    detailLevel: [-1, 9, 4.5, '4'],
    text: [5, null, undefined],
    ip: [0x01020304, null],
    cstring: ['a\0b', 5],
    capabilityKey: ['console-commands', 5, undefined],
  };
  const cases: [NetworkingUtilsMethodName, number, unknown][] = [];
  for (const method of NETWORKING_UTILS_METHODS) {
    METHOD_PARAMETERS[method].forEach((kind, index) => {
      for (const value of HOSTILE[kind]) cases.push([method, index, value]);
    });
  }

  it.each(cases)('%s: argument %p = %p throws, and nothing is called', (method, index, value) => {
    const args = VALID_ARGUMENTS[method]();
    args[index] = value;
    expect(() => callMethod(service, method, args)).toThrow(/must be/);
    expect(double.log()).toEqual([]);
  });

  it.each([
    ['parsePingLocationString', () => service.parsePingLocationString('r'.repeat(1 << 20))],
    ['parsePingLocationString', () => service.parsePingLocationString('rld1:fra=1\0')],
    ['getIPv4FakeIPType', () => service.getIPv4FakeIPType('not an ip')],
    ['isFakeIPv4', () => service.isFakeIPv4('1.2.3.4.5')],
    ['getRealIdentityForFakeIP', () => service.getRealIdentityForFakeIP('9'.repeat(100))],
  ])('%s answers data it cannot use without calling Steam', (_name, call) => {
    call();
    expect(double.log()).toEqual([]);
  });

  // The backend adds no checks of its own: called directly, it hands what it is given to the
  // binding, which checks every value and buffer against the C signature before native code.
  describe('called directly, the native boundary still refuses what could harm', () => {
    it.each<[string, () => unknown]>([
      ['a short location', () => backend.estimatePingTimeFromLocalHost(new Uint8Array(100))],
      ['a short output location', () => backend.getLocalPingLocation(new Uint8Array(10))],
      ['a negative POP id', () => backend.getDirectPingToPOP(-1)],
      ['a POP id beyond uint32', () => backend.getPingToDataCenter(2 ** 32)],
      ['a fractional IPv4', () => backend.getIPv4FakeIPType(1.5)],
      ['a port beyond uint16', () => backend.getRealIdentityForFakeIP(0xa9fe0102, 70000)],
      ['a config id beyond int32', () => backend.getConfigValue(2 ** 31, 1, 0)],
      ['an int32 value beyond int32', () => backend.setConfigValue(24, 1, 0, 1, 2 ** 31)],
      ['a float value beyond float32', () => backend.setConfigValue(2, 1, 0, 3, 1e40)],
      ['an int64 value given as a number', () => backend.setConfigValue(40, 1, 0, 2, 5)],
      ['an int64 value beyond int64', () => backend.setConfigValue(40, 1, 0, 2, 2n ** 63n)],
      ['a string value with NUL', () => backend.setConfigValue(103, 1, 0, 4, 'a\0b')],
      [
        'a string value longer than 64 KiB',
        () => backend.setConfigValue(103, 1, 0, 4, 'x'.repeat(70000)),
      ],
      ['a pointer value', () => backend.setConfigValue(201, 1, 0, 5, 0)],
      ['an unknown callback kind', () => backend.setGlobalCallback('nope' as never, true)],
      ['NaN seconds', () => backend.checkPingDataUpToDate(NaN)],
    ])('refuses %s', (_what, call) => {
      expect(call).toThrow(/(SteamAPI_\w+|SteamBackend\.\w+|encodeIPv4Addr): \w+ must be/);
      expect(double.log()).toEqual([]);
    });

    it('answers ping location text longer than Steam’s buffer (in UTF-8 bytes) with false, calling nothing', () => {
      const out = A.slice();
      // 400 characters, 1200 UTF-8 bytes: short in characters, too long for Steam's 1024 bytes.
      expect(backend.parsePingLocationString('€'.repeat(400), out)).toBe(false);
      expect(out).toEqual(new Uint8Array(512));
      expect(double.log()).toEqual([]);
    });
  });
});
