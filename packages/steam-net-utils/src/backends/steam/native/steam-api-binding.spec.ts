/**
 * The koffi binding against the test double (same exports and signatures as libsteam_api): every
 * declared function resolves, arguments arrive exactly, results come back typed, and a value koffi
 * would wrap, truncate or turn into a transient callback is refused before any native call.
 */
import vm from 'node:vm';

import koffi from 'koffi';

import {
  doubleLocation,
  loadSteamApiTestDouble,
  locationLogText,
  type SteamApiTestDouble,
} from '../test-double/test-double-control.js';
import { loadSteamApi } from './load-steam-api.js';
import { type SteamApi, type SteamApiFunctionName } from './steam-api.js';
import { steamApiSymbols } from './steam-api-binding.js';
import { SteamLibraryLoadError } from './steam-library-error.js';
import { distrustNativePointer, trustNativePointer } from './trusted-pointers.js';

// Every SteamAPI_ISteamNetworkingUtils_* export of the Steamworks SDK 1.64/1.65
// (`steam_api_flat.h`), and the init, interface and manual-dispatch exports.
const UTILS_FUNCTIONS = [
  'AllocateMessage',
  'InitRelayNetworkAccess',
  'GetRelayNetworkStatus',
  'GetLocalPingLocation',
  'EstimatePingTimeBetweenTwoLocations',
  'EstimatePingTimeFromLocalHost',
  'ConvertPingLocationToString',
  'ParsePingLocationString',
  'CheckPingDataUpToDate',
  'GetPingToDataCenter',
  'GetDirectPingToPOP',
  'GetPOPCount',
  'GetPOPList',
  'GetLocalTimestamp',
  'SetDebugOutputFunction',
  'IsFakeIPv4',
  'GetIPv4FakeIPType',
  'GetRealIdentityForFakeIP',
  'SetGlobalConfigValueInt32',
  'SetGlobalConfigValueFloat',
  'SetGlobalConfigValueString',
  'SetGlobalConfigValuePtr',
  'SetConnectionConfigValueInt32',
  'SetConnectionConfigValueFloat',
  'SetConnectionConfigValueString',
  'SetGlobalCallback_SteamNetConnectionStatusChanged',
  'SetGlobalCallback_SteamNetAuthenticationStatusChanged',
  'SetGlobalCallback_SteamRelayNetworkStatusChanged',
  'SetGlobalCallback_FakeIPResult',
  'SetGlobalCallback_MessagesSessionRequest',
  'SetGlobalCallback_MessagesSessionFailed',
  'SetConfigValue',
  'SetConfigValueStruct',
  'GetConfigValue',
  'GetConfigValueInfo',
  'IterateGenericEditableConfigValues',
  'SteamNetworkingIPAddr_ToString',
  'SteamNetworkingIPAddr_ParseString',
  'SteamNetworkingIPAddr_GetFakeIPType',
  'SteamNetworkingIdentity_ToString',
  'SteamNetworkingIdentity_ParseString',
];
const OTHER_SYMBOLS = [
  'SteamAPI_InitFlat',
  'SteamAPI_Shutdown',
  'SteamAPI_SteamNetworkingUtils_SteamAPI_v004',
  'SteamAPI_GetHSteamPipe',
  'SteamAPI_ManualDispatch_Init',
  'SteamAPI_ManualDispatch_RunFrame',
  'SteamAPI_ManualDispatch_GetNextCallback',
  'SteamAPI_ManualDispatch_FreeLastCallback',
  'SteamAPI_ManualDispatch_GetAPICallResult',
];

let double: SteamApiTestDouble;
let api: SteamApi;
let self: bigint;

beforeAll(() => {
  double = loadSteamApiTestDouble();
});

beforeEach(() => {
  double.reset();
  api = loadSteamApi({ libraryPath: double.path });
  expect(api.InitFlat(Buffer.alloc(1024))).toBe(0);
  self = api.SteamNetworkingUtils()!;
  double.clearLog();
});

afterEach(() => {
  if (api.loaded) api.unload();
});

describe('declarations', () => {
  it('declare every function of the flat API the reference lists, and nothing else', () => {
    expect(steamApiSymbols().sort()).toEqual(
      [
        ...UTILS_FUNCTIONS.map((name) => `SteamAPI_ISteamNetworkingUtils_${name}`),
        ...OTHER_SYMBOLS,
      ].sort(),
    );
  });

  it('bind each of them to a method named without its prefix', () => {
    for (const name of UTILS_FUNCTIONS) {
      expect({ name, type: typeof api[name as SteamApiFunctionName] }).toEqual({
        name,
        type: 'function',
      });
    }
  });

  it('resolve every symbol in the test double (the load binds them all eagerly)', () => {
    expect(api.loaded).toBe(true);
    expect(api.platform).toBe('linux64');
    expect(api.layout.pack).toBe(4);
  });
});

describe('arguments arrive exactly', () => {
  it('passes the interface pointer as self', () => {
    expect(self).toBe(double.interfaceAddress);
    api.GetDirectPingToPOP(self, 6386276);
    expect(double.log()).toEqual(['GetDirectPingToPOP(self=utils,popID=6386276)']);
  });

  it('passes uint32 values above 2^31 unchanged', () => {
    api.GetIPv4FakeIPType(self, 0xa9fe0102);
    expect(double.log()).toEqual([`GetIPv4FakeIPType(self=utils,nIPv4=${0xa9fe0102})`]);
  });

  it('passes an intptr_t scope object given as a bigint or a number', () => {
    const connection = double.openConnection();
    const sizes = [new BigUint64Array(1), new BigUint64Array(1)] as const;
    api.GetConfigValue(self, 24, 4, BigInt(connection), null, null, sizes[0]);
    api.GetConfigValue(self, 24, 4, connection, null, null, sizes[1]);
    expect(double.log()).toEqual([
      `GetConfigValue(self=utils,eValue=24,eScopeType=4,scopeObj=${connection},pOutDataType=NULL,pResult=NULL,*cbResult=0)`,
      `GetConfigValue(self=utils,eValue=24,eScopeType=4,scopeObj=${connection},pOutDataType=NULL,pResult=NULL,*cbResult=0)`,
    ]);
    // Both reached the connection: each was answered with the size an int32 needs.
    expect([sizes[0][0], sizes[1][0]]).toEqual([4n, 4n]);
  });

  it('sends a string as NUL-terminated UTF-8', () => {
    api.ParsePingLocationString(self, 'é"', new Uint8Array(512));
    expect(double.log()).toEqual([
      'ParsePingLocationString(self=utils,pszString="\\xc3\\xa9\\"",result=buf)',
    ]);
  });

  it('sends a NUL-terminated Uint8Array up to its NUL', () => {
    api.SetGlobalConfigValueString(self, 103, Uint8Array.from([0x61, 0x62, 0, 0x63]));
    expect(double.log()).toEqual(['SetGlobalConfigValueString(self=utils,eValue=103,val="ab")']);
  });

  it('refuses a detached or empty Uint8Array as a C string, naming the function', () => {
    const detached = Uint8Array.from([0x61, 0]);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    for (const value of [detached, new Uint8Array(0)]) {
      expect(() => api.SetGlobalConfigValueString(self, 103, value)).toThrow(
        /SetGlobalConfigValueString.*val must be a string without U\+0000/,
      );
    }
    expect(double.log()).toEqual([]);
  });

  it('passes a float and a bool', () => {
    api.CheckPingDataUpToDate(self, 2.5);
    api.IterateGenericEditableConfigValues(self, 0, true);
    expect(double.log()).toEqual([
      'CheckPingDataUpToDate(self=utils,flMaxAgeSeconds=2.5)',
      'IterateGenericEditableConfigValues(self=utils,eCurrent=0,bEnumerateDevVars=true)',
    ]);
  });

  it('passes a registered function pointer, and null as NULL', () => {
    const type = api.callbackTypes.debugOutput;
    const pointer = koffi.register(() => undefined, type);
    try {
      // Registered here, and not yet trusted: the binding refuses it (Steam would call it).
      expect(() => api.SetDebugOutputFunction(self, 8, pointer)).toThrow(
        /pfnFunc must be null or a callback Relaylane registered/,
      );
      trustNativePointer(pointer);
      api.SetDebugOutputFunction(self, 8, pointer);
      api.SetDebugOutputFunction(self, 0, null);
      expect(double.log()).toEqual([
        `SetDebugOutputFunction(self=utils,eDetailLevel=8,pfnFunc=0x${pointer.toString(16)})`,
        'SetDebugOutputFunction(self=utils,eDetailLevel=0,pfnFunc=NULL)',
      ]);
    } finally {
      distrustNativePointer(pointer);
      koffi.unregister(pointer);
    }
  });
});

describe('results come back typed', () => {
  it('returns an int64 as a bigint', () => {
    double.script('GetLocalTimestamp', { returns: 2n ** 62n + 5n });
    expect(api.GetLocalTimestamp(self)).toBe(2n ** 62n + 5n);
    expect(api.GetLocalTimestamp(self)).toBe(3_000_000_000_000n);
  });

  it('returns a NULL pointer as null', () => {
    double.setInterfaceNull(true);
    expect(api.SteamNetworkingUtils()).toBeNull();
  });

  it('returns a C string, or null for NULL', () => {
    double.script('GetConfigValueInfo', { returns: 1, bytes: 'Scripted', aux: 1, aux2: 4 });
    const type = new Int32Array(1);
    const scope = new Int32Array(1);
    expect(api.GetConfigValueInfo(self, 24, type, scope)).toBe('Scripted');
    expect([type[0], scope[0]]).toEqual([1, 4]);
    expect(api.GetConfigValueInfo(self, 12345, null, null)).toBeNull();
  });

  it('returns booleans as booleans and a float as a number', () => {
    double.script('GetLocalPingLocation', { floatReturn: 1.5 });
    expect(api.GetLocalPingLocation(self, new Uint8Array(512))).toBe(1.5);
    expect(api.IsFakeIPv4(self, 0xa9fe0102)).toBe(true);
    expect(api.IsFakeIPv4(self, 0x08080808)).toBe(false);
  });

  it('writes outputs into the caller buffers in place', () => {
    const via = new Uint32Array(1);
    double.script('GetPingToDataCenter', { returns: 31, aux: 0x00667261 });
    expect(api.GetPingToDataCenter(self, 0x00667261, via)).toBe(31);
    expect(via[0]).toBe(0x00667261);
  });
});

/** A typed array of `length` elements whose own `length` and `byteLength` claim `claimed`. */
function claiming<T extends Uint8Array | Uint32Array>(array: T, claimed: number): T {
  Object.defineProperty(array, 'length', { value: claimed });
  Object.defineProperty(array, 'byteLength', { value: claimed * array.BYTES_PER_ELEMENT });
  return array;
}

/** A Uint8Array subclass whose getters and indexOf lie about its size and content. */
class LyingBytes extends Uint8Array {
  override get length(): number {
    return 4096;
  }
  override get byteLength(): number {
    return 4096;
  }
  override indexOf(): number {
    return 0;
  }
}

describe('buffers reach native code as the memory they are', () => {
  it('passes a view from its own offset: native code reads and writes only its bytes', () => {
    const big = new Uint8Array(1024).fill(0xee);
    const view = big.subarray(256, 768);
    double.script('GetLocalPingLocation', { floatReturn: 2, bytes: Uint8Array.of(1, 2, 3) });
    expect(api.GetLocalPingLocation(self, view)).toBe(2);
    expect([...big.subarray(256, 260)]).toEqual([1, 2, 3, 0]);
    expect(big.subarray(0, 256).every((byte) => byte === 0xee)).toBe(true);
    expect(big.subarray(768).every((byte) => byte === 0xee)).toBe(true);

    const location = doubleLocation([{ popId: 0x00667261, pingMs: 12 }]);
    const host = new Uint8Array(600);
    host.set(location, 40);
    api.EstimatePingTimeFromLocalHost(self, host.subarray(40, 552));
    expect(double.log()[1]).toBe(
      `EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${locationLogText(location)})`,
    );
  });

  it('accepts a Uint8Array from another realm and a Node Buffer', () => {
    const location = doubleLocation([{ popId: 0x00667261, pingMs: 12 }]);
    const foreign = vm.runInNewContext('new Uint8Array(512)') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    foreign.set(location);
    api.EstimatePingTimeFromLocalHost(self, foreign);
    api.EstimatePingTimeFromLocalHost(self, Buffer.from(location));
    const line = `EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${locationLogText(location)})`;
    expect(double.log()).toEqual([line, line]);
  });
});

describe('hostile arguments never reach native code', () => {
  type Case = [string, 'TypeError' | 'RangeError', () => unknown, RegExp];
  const cases: Case[] = [
    [
      'an int32 above 2^31-1',
      'RangeError',
      () => api.GetDirectPingToPOP(self, 2 ** 32),
      /popID must be an integer from 0 to 4294967295/,
    ],
    ['a negative uint32', 'RangeError', () => api.IsFakeIPv4(self, -1), /nIPv4/],
    [
      'a fractional int32',
      'RangeError',
      () => api.SetGlobalConfigValueInt32(self, 24, 1.5),
      /val must be an integer/,
    ],
    [
      'a bigint for an int32',
      'TypeError',
      () => api.SetGlobalConfigValueInt32(self, 24, 1n as unknown as number),
      /val/,
    ],
    [
      'a string for an int32',
      'TypeError',
      () => api.GetDirectPingToPOP(self, '5' as unknown as number),
      /popID/,
    ],
    [
      'NaN for a float',
      'RangeError',
      () => api.CheckPingDataUpToDate(self, Number.NaN),
      /flMaxAgeSeconds must be a finite number/,
    ],
    [
      'a float beyond FLT_MAX',
      'RangeError',
      () => api.SetGlobalConfigValueFloat(self, 2, 1e39),
      /val/,
    ],
    [
      'a 511-byte location',
      'RangeError',
      () => api.EstimatePingTimeFromLocalHost(self, new Uint8Array(511)),
      /remoteLocation must be a Uint8Array of at least 512 bytes/,
    ],
    [
      'an array for a location',
      'TypeError',
      () => api.EstimatePingTimeFromLocalHost(self, [0] as unknown as Uint8Array),
      /remoteLocation/,
    ],
    [
      'a NULL location',
      'TypeError',
      () => api.GetLocalPingLocation(self, null as unknown as Uint8Array),
      /result/,
    ],
    [
      'a buffer size beyond the buffer',
      'RangeError',
      () => api.ConvertPingLocationToString(self, new Uint8Array(512), new Uint8Array(16), 17),
      /cchBufSize must be from 1 to the length of pszBuf \(16\)/,
    ],
    [
      'a negative buffer size',
      'RangeError',
      () => api.ConvertPingLocationToString(self, new Uint8Array(512), new Uint8Array(16), -1),
      /cchBufSize/,
    ],
    [
      'a list size beyond the list',
      'RangeError',
      () => api.GetPOPList(self, new Uint32Array(2), 3),
      /nListSz/,
    ],
    [
      'a result size beyond the result buffer',
      'RangeError',
      () => api.GetConfigValue(self, 24, 1, 0, null, new Uint8Array(4), BigUint64Array.of(8n)),
      /cbResult\[0\] must be at most the size of pResult \(4\)/,
    ],
    [
      'a Uint8Array for the size_t out parameter',
      'TypeError',
      () =>
        api.GetConfigValue(
          self,
          24,
          1,
          0,
          null,
          null,
          new Uint8Array(8) as unknown as BigUint64Array,
        ),
      /cbResult must be a BigUint64Array/,
    ],
    [
      'a string holding U+0000',
      'RangeError',
      () => api.ParsePingLocationString(self, 'a\0b', new Uint8Array(512)),
      /pszString must be a string without U\+0000/,
    ],
    [
      'bytes without a NUL for a string',
      'RangeError',
      () => api.SetGlobalConfigValueString(self, 103, Uint8Array.of(0x61)),
      /val/,
    ],
    [
      'a string longer than 1 MiB',
      'RangeError',
      () => api.ParsePingLocationString(self, 'a'.repeat((1 << 20) + 1), new Uint8Array(512)),
      /pszString/,
    ],
    [
      'a JavaScript function as a callback',
      'TypeError',
      () => api.SetGlobalCallback_FakeIPResult(self, (() => undefined) as unknown as bigint),
      /fnCallback must be a function pointer from koffi.register/,
    ],
    [
      'a number as the interface pointer',
      'TypeError',
      () => api.GetPOPCount(1234 as unknown as bigint),
      /self must be the ISteamNetworkingUtils pointer/,
    ],
    [
      'a null interface pointer',
      'TypeError',
      () => api.GetPOPCount(null as unknown as bigint),
      /self/,
    ],
    [
      'an intptr_t beyond the safe integers',
      'RangeError',
      () => api.SetConfigValue(self, 24, 4, 2 ** 53, 1, null),
      /scopeObj/,
    ],
    [
      'a negative message size',
      'RangeError',
      () => api.AllocateMessage(self, -1),
      /cbAllocateBuffer must not be negative/,
    ],
    [
      'a short CallbackMsg_t',
      'RangeError',
      () => api.ManualDispatch_GetNextCallback(1, new Uint8Array(19)),
      /pCallbackMsg must be a Uint8Array of at least 20 bytes/,
    ],
    [
      'a short error message buffer',
      'RangeError',
      () => api.InitFlat(new Uint8Array(1023)),
      /pOutErrMsg/,
    ],
    [
      'InitFlat with an extra argument',
      'TypeError',
      () => (api.InitFlat as (...args: unknown[]) => number)(Buffer.alloc(1024), 'extra'),
      /SteamAPI_InitFlat: takes 1 argument\(s\) \(pOutErrMsg\), got 2/,
    ],
    [
      'Shutdown with an argument (it must not shut Steam down)',
      'TypeError',
      () => (api.Shutdown as (...args: unknown[]) => void)('extra'),
      /SteamAPI_Shutdown: takes 0 argument\(s\) \(\), got 1/,
    ],
    [
      'too few arguments',
      'TypeError',
      () => (api.GetDirectPingToPOP as (...a: unknown[]) => unknown)(self),
      /takes 2 argument\(s\) \(self, popID\), got 1/,
    ],
    [
      'too many arguments',
      'TypeError',
      () => (api.GetDirectPingToPOP as (...a: unknown[]) => unknown)(self, 1, 2),
      /takes 2 argument\(s\) \(self, popID\), got 3/,
    ],
    [
      'an argument to a function that takes none',
      'TypeError',
      () => (api.GetHSteamPipe as (...a: unknown[]) => unknown)(1),
      /SteamAPI_GetHSteamPipe: takes 0 argument\(s\) \(\), got 1/,
    ],
    [
      'a 16-byte location whose own length says 512',
      'RangeError',
      () => api.EstimatePingTimeFromLocalHost(self, claiming(new Uint8Array(16), 512)),
      /remoteLocation must be a Uint8Array of at least 512 bytes, got a Uint8Array of 16 bytes/,
    ],
    [
      'a 16-byte subclass whose getters say 4096 bytes, as an output',
      'RangeError',
      () => api.GetLocalPingLocation(self, new LyingBytes(16)),
      /result must be a Uint8Array of at least 512 bytes, got a Uint8Array of 16 bytes/,
    ],
    [
      'a 16-byte output buffer whose own length says 4096, with a size of 4096',
      'RangeError',
      () =>
        api.ConvertPingLocationToString(
          self,
          new Uint8Array(512),
          claiming(new Uint8Array(16), 4096),
          4096,
        ),
      /cchBufSize must be from 1 to the length of pszBuf \(16\), got 4096/,
    ],
    [
      'a NULL pViaRelayPoP (the SDK does not document it as optional)',
      'TypeError',
      () => api.GetPingToDataCenter(self, 0x00667261, null as unknown as Uint32Array),
      /pViaRelayPoP/,
    ],
    [
      'a NULL pOutRealIdentity (the SDK does not document it as optional)',
      'TypeError',
      () =>
        api.GetRealIdentityForFakeIP(
          self,
          new Uint8Array(api.layout.SteamNetworkingIPAddr.size),
          null as unknown as Uint8Array,
        ),
      /pOutRealIdentity/,
    ],
    [
      'an Int64 config value in 4 bytes (Steam reads 8)',
      'RangeError',
      () => api.SetConfigValue(self, 24, 1, 0, 2, new Uint8Array(4)),
      /pArg must be exactly 8 bytes for eDataType 2, got 4/,
    ],
    [
      'an Int32 config value in 8 bytes',
      'RangeError',
      () => api.SetConfigValue(self, 24, 1, 0, 1, new Uint8Array(8)),
      /pArg must be exactly 4 bytes for eDataType 1, got 8/,
    ],
    [
      'a Float config value in 3 bytes',
      'RangeError',
      () => api.SetConfigValue(self, 24, 1, 0, 3, new Uint8Array(3)),
      /pArg must be exactly 4 bytes for eDataType 3, got 3/,
    ],
    [
      'a Ptr config value in 4 bytes',
      'RangeError',
      () => api.SetConfigValue(self, 24, 1, 0, 5, new Uint8Array(4)),
      /pArg must be exactly 8 bytes for eDataType 5, got 4/,
    ],
    [
      'a Ptr config value that is not a callback Relaylane registered',
      'RangeError',
      () =>
        api.SetConfigValue(self, 24, 1, 0, 5, new Uint8Array(new BigUint64Array([0x1234n]).buffer)),
      /pArg must hold NULL or a callback Relaylane registered for eDataType 5/,
    ],
    [
      'a String config value without its NUL',
      'RangeError',
      () => api.SetConfigValue(self, 24, 1, 0, 4, Uint8Array.from([0x61, 0x62])),
      /pArg must hold a NUL-terminated string for eDataType 4 \(String\), got 2 bytes without a NUL/,
    ],
    [
      'a config data type Steam does not know, with an argument',
      'RangeError',
      () => api.SetConfigValue(self, 24, 1, 0, 9, new Uint8Array(8)),
      /eDataType must be 1 \(Int32\), 2 \(Int64\), 3 \(Float\), 4 \(String\) or 5 \(Ptr\) when pArg is given, got 9/,
    ],
    [
      'a text buffer size of 0 (V_snprintf would write its NUL before the buffer)',
      'RangeError',
      () => api.ConvertPingLocationToString(self, new Uint8Array(512), new Uint8Array(16), 0),
      /cchBufSize must be from 1 to the length of pszBuf \(16\), got 0/,
    ],
    [
      'an address text buffer size of 0',
      'RangeError',
      () =>
        api.SteamNetworkingIPAddr_ToString(
          self,
          new Uint8Array(api.layout.SteamNetworkingIPAddr.size),
          new Uint8Array(48),
          0,
          true,
        ),
      /cbBuf must be from 1 to the length of buf \(48\), got 0/,
    ],
    [
      'an identity text buffer size of 0',
      'RangeError',
      () =>
        api.SteamNetworkingIdentity_ToString(
          self,
          new Uint8Array(api.layout.SteamNetworkingIdentity.size),
          new Uint8Array(128),
          0,
        ),
      /cbBuf must be from 1 to the length of buf \(128\), got 0/,
    ],
    [
      'a 2-element POP list whose own length says 100, with a size of 100',
      'RangeError',
      () => api.GetPOPList(self, claiming(new Uint32Array(2), 100), 100),
      /nListSz must be from 0 to the length of list \(2\), got 100/,
    ],
    [
      'a 4-byte result buffer whose own byteLength says 8, with cbResult 8',
      'RangeError',
      () =>
        api.GetConfigValue(
          self,
          24,
          1,
          0,
          null,
          claiming(new Uint8Array(4), 8),
          BigUint64Array.of(8n),
        ),
      /cbResult\[0\] must be at most the size of pResult \(4\), got 8/,
    ],
    [
      'bytes without a NUL whose indexOf claims one, for a string',
      'RangeError',
      () => api.SetGlobalConfigValueString(self, 103, new LyingBytes(4).fill(0x61)),
      /val must be a string without U\+0000/,
    ],
    [
      'an object made from the Uint8Array prototype',
      'TypeError',
      () =>
        api.EstimatePingTimeFromLocalHost(
          self,
          Object.create(Uint8Array.prototype, { length: { value: 512 } }) as Uint8Array,
        ),
      /remoteLocation must be a Uint8Array/,
    ],
    [
      'a Uint8Array for a list of POP ids',
      'TypeError',
      () => api.GetPOPList(self, new Uint8Array(8) as unknown as Uint32Array, 2),
      /list must be a Uint32Array/,
    ],
  ];

  it.each(cases)(
    'refuses %s with a %s naming the C function and parameter',
    (_what, name, call, message) => {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect((error as Error | undefined)?.name).toBe(name);
      expect((error as Error).message).toMatch(/^SteamAPI_\w+: /);
      expect((error as Error).message).toMatch(message);
      expect(double.log()).toEqual([]);
    },
  );
});

describe('unload', () => {
  it('makes every method throw STEAM_LIBRARY_UNLOADED instead of calling unmapped code', () => {
    api.unload();
    expect(api.loaded).toBe(false);
    let error: unknown;
    try {
      api.GetPOPCount(self);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SteamLibraryLoadError);
    expect((error as SteamLibraryLoadError).code).toBe('STEAM_LIBRARY_UNLOADED');
    expect(double.log()).toEqual(['Shutdown()']);
  });

  it('shuts Steam down first when InitFlat succeeded and Shutdown was not called', () => {
    api.unload();
    expect(double.shutdownCount()).toBe(1);
    expect(double.isInitialized()).toBe(false);
  });

  it('does not call Shutdown again after an explicit Shutdown', () => {
    api.Shutdown();
    api.unload();
    expect(double.shutdownCount()).toBe(1);
  });

  it('does not call Shutdown when InitFlat failed', () => {
    api.Shutdown();
    double.failInit(2, 'no client');
    expect(api.InitFlat(null)).toBe(2);
    api.unload();
    expect(double.shutdownCount()).toBe(1);
  });

  it('can be called twice, and the next load binds the library afresh', () => {
    api.unload();
    api.unload();
    const again = loadSteamApi({ libraryPath: double.path });
    expect(again).not.toBe(api);
    expect(again.loaded).toBe(true);
    again.unload();
  });

  it('is not needed to load twice: the same path gives the same object', () => {
    expect(loadSteamApi({ libraryPath: double.path })).toBe(api);
  });
});
