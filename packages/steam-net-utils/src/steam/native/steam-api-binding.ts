/**
 * The private koffi declarations of Steam's flat API: one entry per exported function (the C
 * declarations are on {@link SteamApiFunctions}), bound eagerly so a library lacking any of them is
 * refused at load time rather than at the first call.
 *
 * Every bound method checks its arguments (`native-arguments.ts`) and that the library is still
 * loaded before calling into native code.
 */
import koffi, { type LibraryHandle, type TypeObject } from 'koffi';

import {
  bool,
  buffer,
  cString,
  float32,
  functionPointer,
  int32,
  intptr,
  type NativeArgument,
  opaquePointer,
  self,
  typedArray,
  uint32,
  uint64,
} from './native-arguments.js';
import {
  type SteamApi,
  type SteamApiFunctionName,
  type SteamApiFunctions,
  type SteamCallbackTypes,
} from './steam-api.js';
import { SteamLibraryLoadError } from './steam-library-error.js';
import { type SteamPlatform, steamPlatformInfo } from './steam-platform.js';
import {
  getSteamStructLayouts,
  STEAM_ERR_MSG_BYTES,
  type SteamStructLayouts,
} from './struct-layouts.js';

type ReturnKind = 'void' | 'int32' | 'float' | 'bool' | 'int64' | 'pointer' | 'string';

const RETURN_CTYPES: Readonly<Record<ReturnKind, string>> = {
  void: 'void',
  int32: 'int32_t',
  float: 'float',
  bool: 'bool',
  int64: 'int64_t',
  pointer: 'void *',
  string: 'const char *',
};

/** How one flat function is declared and checked. */
interface FunctionSpec {
  readonly symbol: string;
  readonly returns: ReturnKind;
  readonly args: readonly NativeArgument[];
  /** Checks that involve several arguments (a size against its buffer); throws RangeError. */
  readonly check?: (args: readonly unknown[], where: string) => void;
}

const UTILS = 'SteamAPI_ISteamNetworkingUtils_';

function sizeWithin(
  sizeIndex: number,
  bufferIndex: number,
  sizeName: string,
  bufferName: string,
): (args: readonly unknown[], where: string) => void {
  return (args, where) => {
    const size = args[sizeIndex] as number;
    const target = args[bufferIndex] as ArrayBufferView | null;
    const available = target === null ? 0 : (target as unknown as { length: number }).length;
    if (size < 0 || size > available) {
      throw new RangeError(
        `${where}: ${sizeName} must be from 0 to the length of ${bufferName} (${available}), got ${size}`,
      );
    }
  };
}

/** The declaration of every bound function; the sizes of CallbackMsg_t follow `layout`. */
function functionSpecs(
  layout: SteamStructLayouts,
): Readonly<Record<SteamApiFunctionName, FunctionSpec>> {
  const location = (name: string): NativeArgument =>
    buffer(name, layout.SteamNetworkPingLocation_t.size);
  const ipAddr = (name: string): NativeArgument => buffer(name, layout.SteamNetworkingIPAddr.size);
  const identity = (name: string, nullable = false): NativeArgument =>
    buffer(name, layout.SteamNetworkingIdentity.size, nullable);
  const setCallback = (symbol: string): FunctionSpec => ({
    symbol: `${UTILS}${symbol}`,
    returns: 'bool',
    args: [self(), functionPointer('fnCallback')],
  });

  return {
    InitFlat: {
      symbol: 'SteamAPI_InitFlat',
      returns: 'int32',
      args: [buffer('pOutErrMsg', STEAM_ERR_MSG_BYTES, true)],
    },
    Shutdown: { symbol: 'SteamAPI_Shutdown', returns: 'void', args: [] },
    SteamNetworkingUtils: {
      symbol: 'SteamAPI_SteamNetworkingUtils_SteamAPI_v004',
      returns: 'pointer',
      args: [],
    },
    GetHSteamPipe: { symbol: 'SteamAPI_GetHSteamPipe', returns: 'int32', args: [] },
    ManualDispatch_Init: { symbol: 'SteamAPI_ManualDispatch_Init', returns: 'void', args: [] },
    ManualDispatch_RunFrame: {
      symbol: 'SteamAPI_ManualDispatch_RunFrame',
      returns: 'void',
      args: [int32('hSteamPipe')],
    },
    ManualDispatch_GetNextCallback: {
      symbol: 'SteamAPI_ManualDispatch_GetNextCallback',
      returns: 'bool',
      args: [int32('hSteamPipe'), buffer('pCallbackMsg', layout.CallbackMsg_t.size)],
    },
    ManualDispatch_FreeLastCallback: {
      symbol: 'SteamAPI_ManualDispatch_FreeLastCallback',
      returns: 'void',
      args: [int32('hSteamPipe')],
    },
    ManualDispatch_GetAPICallResult: {
      symbol: 'SteamAPI_ManualDispatch_GetAPICallResult',
      returns: 'bool',
      args: [
        int32('hSteamPipe'),
        uint64('hSteamAPICall'),
        buffer('pCallback', 0),
        int32('cubCallback'),
        int32('iCallbackExpected'),
        buffer('pbFailed', 1),
      ],
      check: sizeWithin(3, 2, 'cubCallback', 'pCallback'),
    },

    AllocateMessage: {
      symbol: `${UTILS}AllocateMessage`,
      returns: 'pointer',
      args: [self(), int32('cbAllocateBuffer')],
      check: (args, where) => {
        if ((args[1] as number) < 0) {
          throw new RangeError(
            `${where}: cbAllocateBuffer must not be negative, got ${String(args[1])}`,
          );
        }
      },
    },
    InitRelayNetworkAccess: {
      symbol: `${UTILS}InitRelayNetworkAccess`,
      returns: 'void',
      args: [self()],
    },
    GetRelayNetworkStatus: {
      symbol: `${UTILS}GetRelayNetworkStatus`,
      returns: 'int32',
      args: [self(), buffer('pDetails', layout.SteamRelayNetworkStatus_t.size, true)],
    },
    GetLocalPingLocation: {
      symbol: `${UTILS}GetLocalPingLocation`,
      returns: 'float',
      args: [self(), location('result')],
    },
    EstimatePingTimeBetweenTwoLocations: {
      symbol: `${UTILS}EstimatePingTimeBetweenTwoLocations`,
      returns: 'int32',
      args: [self(), location('location1'), location('location2')],
    },
    EstimatePingTimeFromLocalHost: {
      symbol: `${UTILS}EstimatePingTimeFromLocalHost`,
      returns: 'int32',
      args: [self(), location('remoteLocation')],
    },
    ConvertPingLocationToString: {
      symbol: `${UTILS}ConvertPingLocationToString`,
      returns: 'void',
      args: [self(), location('location'), buffer('pszBuf', 1), int32('cchBufSize')],
      check: sizeWithin(3, 2, 'cchBufSize', 'pszBuf'),
    },
    ParsePingLocationString: {
      symbol: `${UTILS}ParsePingLocationString`,
      returns: 'bool',
      args: [self(), cString('pszString'), location('result')],
    },
    CheckPingDataUpToDate: {
      symbol: `${UTILS}CheckPingDataUpToDate`,
      returns: 'bool',
      args: [self(), float32('flMaxAgeSeconds')],
    },
    GetPingToDataCenter: {
      symbol: `${UTILS}GetPingToDataCenter`,
      returns: 'int32',
      args: [self(), uint32('popID'), typedArray('pViaRelayPoP', Uint32Array, 1, true)],
    },
    GetDirectPingToPOP: {
      symbol: `${UTILS}GetDirectPingToPOP`,
      returns: 'int32',
      args: [self(), uint32('popID')],
    },
    GetPOPCount: { symbol: `${UTILS}GetPOPCount`, returns: 'int32', args: [self()] },
    GetPOPList: {
      symbol: `${UTILS}GetPOPList`,
      returns: 'int32',
      args: [self(), typedArray('list', Uint32Array, 0, true), int32('nListSz')],
      check: sizeWithin(2, 1, 'nListSz', 'list'),
    },
    GetLocalTimestamp: { symbol: `${UTILS}GetLocalTimestamp`, returns: 'int64', args: [self()] },
    SetDebugOutputFunction: {
      symbol: `${UTILS}SetDebugOutputFunction`,
      returns: 'void',
      args: [self(), int32('eDetailLevel'), functionPointer('pfnFunc')],
    },
    IsFakeIPv4: { symbol: `${UTILS}IsFakeIPv4`, returns: 'bool', args: [self(), uint32('nIPv4')] },
    GetIPv4FakeIPType: {
      symbol: `${UTILS}GetIPv4FakeIPType`,
      returns: 'int32',
      args: [self(), uint32('nIPv4')],
    },
    GetRealIdentityForFakeIP: {
      symbol: `${UTILS}GetRealIdentityForFakeIP`,
      returns: 'int32',
      args: [self(), ipAddr('fakeIP'), identity('pOutRealIdentity', true)],
    },
    SetGlobalConfigValueInt32: {
      symbol: `${UTILS}SetGlobalConfigValueInt32`,
      returns: 'bool',
      args: [self(), int32('eValue'), int32('val')],
    },
    SetGlobalConfigValueFloat: {
      symbol: `${UTILS}SetGlobalConfigValueFloat`,
      returns: 'bool',
      args: [self(), int32('eValue'), float32('val')],
    },
    SetGlobalConfigValueString: {
      symbol: `${UTILS}SetGlobalConfigValueString`,
      returns: 'bool',
      args: [self(), int32('eValue'), cString('val')],
    },
    SetGlobalConfigValuePtr: {
      symbol: `${UTILS}SetGlobalConfigValuePtr`,
      returns: 'bool',
      args: [self(), int32('eValue'), opaquePointer('val')],
    },
    SetConnectionConfigValueInt32: {
      symbol: `${UTILS}SetConnectionConfigValueInt32`,
      returns: 'bool',
      args: [self(), uint32('hConn'), int32('eValue'), int32('val')],
    },
    SetConnectionConfigValueFloat: {
      symbol: `${UTILS}SetConnectionConfigValueFloat`,
      returns: 'bool',
      args: [self(), uint32('hConn'), int32('eValue'), float32('val')],
    },
    SetConnectionConfigValueString: {
      symbol: `${UTILS}SetConnectionConfigValueString`,
      returns: 'bool',
      args: [self(), uint32('hConn'), int32('eValue'), cString('val')],
    },
    SetGlobalCallback_SteamNetConnectionStatusChanged: setCallback(
      'SetGlobalCallback_SteamNetConnectionStatusChanged',
    ),
    SetGlobalCallback_SteamNetAuthenticationStatusChanged: setCallback(
      'SetGlobalCallback_SteamNetAuthenticationStatusChanged',
    ),
    SetGlobalCallback_SteamRelayNetworkStatusChanged: setCallback(
      'SetGlobalCallback_SteamRelayNetworkStatusChanged',
    ),
    SetGlobalCallback_FakeIPResult: setCallback('SetGlobalCallback_FakeIPResult'),
    SetGlobalCallback_MessagesSessionRequest: setCallback(
      'SetGlobalCallback_MessagesSessionRequest',
    ),
    SetGlobalCallback_MessagesSessionFailed: setCallback('SetGlobalCallback_MessagesSessionFailed'),
    SetConfigValue: {
      symbol: `${UTILS}SetConfigValue`,
      returns: 'bool',
      args: [
        self(),
        int32('eValue'),
        int32('eScopeType'),
        intptr('scopeObj'),
        int32('eDataType'),
        buffer('pArg', 1, true),
      ],
    },
    SetConfigValueStruct: {
      symbol: `${UTILS}SetConfigValueStruct`,
      returns: 'bool',
      args: [
        self(),
        buffer('opt', layout.SteamNetworkingConfigValue_t.size),
        int32('eScopeType'),
        intptr('scopeObj'),
      ],
    },
    GetConfigValue: {
      symbol: `${UTILS}GetConfigValue`,
      returns: 'int32',
      args: [
        self(),
        int32('eValue'),
        int32('eScopeType'),
        intptr('scopeObj'),
        typedArray('pOutDataType', Int32Array, 1, true),
        buffer('pResult', 0, true),
        typedArray('cbResult', BigUint64Array, 1, false),
      ],
      check: (args, where) => {
        // Steam writes up to *cbResult bytes into pResult: it must not claim more than there is.
        const claimed = (args[6] as BigUint64Array)[0]!;
        const available = args[5] === null ? 0 : (args[5] as Uint8Array).byteLength;
        if (claimed > BigInt(available)) {
          throw new RangeError(
            `${where}: cbResult[0] must be at most the size of pResult (${available}), got ${claimed}`,
          );
        }
      },
    },
    GetConfigValueInfo: {
      symbol: `${UTILS}GetConfigValueInfo`,
      returns: 'string',
      args: [
        self(),
        int32('eValue'),
        typedArray('pOutDataType', Int32Array, 1, true),
        typedArray('pOutScope', Int32Array, 1, true),
      ],
    },
    IterateGenericEditableConfigValues: {
      symbol: `${UTILS}IterateGenericEditableConfigValues`,
      returns: 'int32',
      args: [self(), int32('eCurrent'), bool('bEnumerateDevVars')],
    },
    SteamNetworkingIPAddr_ToString: {
      symbol: `${UTILS}SteamNetworkingIPAddr_ToString`,
      returns: 'void',
      args: [self(), ipAddr('addr'), buffer('buf', 1), uint32('cbBuf'), bool('bWithPort')],
      check: sizeWithin(3, 2, 'cbBuf', 'buf'),
    },
    SteamNetworkingIPAddr_ParseString: {
      symbol: `${UTILS}SteamNetworkingIPAddr_ParseString`,
      returns: 'bool',
      args: [self(), ipAddr('pAddr'), cString('pszStr')],
    },
    SteamNetworkingIPAddr_GetFakeIPType: {
      symbol: `${UTILS}SteamNetworkingIPAddr_GetFakeIPType`,
      returns: 'int32',
      args: [self(), ipAddr('addr')],
    },
    SteamNetworkingIdentity_ToString: {
      symbol: `${UTILS}SteamNetworkingIdentity_ToString`,
      returns: 'void',
      args: [self(), identity('identity'), buffer('buf', 1), uint32('cbBuf')],
      check: sizeWithin(3, 2, 'cbBuf', 'buf'),
    },
    SteamNetworkingIdentity_ParseString: {
      symbol: `${UTILS}SteamNetworkingIdentity_ParseString`,
      returns: 'bool',
      args: [self(), identity('pIdentity'), cString('pszStr')],
    },
  };
}

/** The exported C symbol of every bound function, in declaration order. */
export function steamApiSymbols(): string[] {
  return Object.values(functionSpecs(getSteamStructLayouts(4))).map((spec) => spec.symbol);
}

let callbackTypes: SteamCallbackTypes | undefined;

/** The callback prototypes (pointer types for `koffi.register`), made once per process. */
export function getSteamCallbackTypes(): SteamCallbackTypes {
  if (callbackTypes === undefined) {
    // Anonymous: koffi type names are global to the process.
    const structCallback = (): TypeObject => koffi.pointer(koffi.proto('void', ['void *']));
    callbackTypes = Object.freeze({
      debugOutput: koffi.pointer(koffi.proto('void', ['int32_t', 'const char *'])),
      relayNetworkStatusChanged: structCallback(),
      connectionStatusChanged: structCallback(),
      authenticationStatusChanged: structCallback(),
      fakeIPResult: structCallback(),
      messagesSessionRequest: structCallback(),
      messagesSessionFailed: structCallback(),
    });
  }
  return callbackTypes;
}

function convertReturn(kind: ReturnKind, value: unknown): unknown {
  switch (kind) {
    case 'int64':
      // koffi returns a number when it is safe, a bigint otherwise: always a bigint here.
      return typeof value === 'bigint' ? value : BigInt(value as number);
    case 'pointer':
      return value === null || value === 0n ? null : value;
    default:
      return value;
  }
}

/**
 * Binds every flat function of `lib` (a library koffi loaded from `path`) into a {@link SteamApi}.
 *
 * @throws SteamLibraryLoadError `STEAM_LIBRARY_SYMBOL_MISSING` naming the first missing export.
 */
export function bindSteamApi(
  lib: LibraryHandle,
  path: string,
  platform: SteamPlatform,
  onUnload: () => void,
): SteamApi {
  const layout = getSteamStructLayouts(steamPlatformInfo(platform).pack);
  const specs = functionSpecs(layout);
  const state = { loaded: true, steamRunning: false };
  const functions: Partial<Record<SteamApiFunctionName, (...args: unknown[]) => unknown>> = {};

  for (const [name, spec] of Object.entries(specs) as [SteamApiFunctionName, FunctionSpec][]) {
    let native: (...args: unknown[]) => unknown;
    try {
      native = lib.func(
        spec.symbol,
        RETURN_CTYPES[spec.returns],
        spec.args.map((arg) => arg.ctype),
      );
    } catch (error) {
      throw new SteamLibraryLoadError(
        'STEAM_LIBRARY_SYMBOL_MISSING',
        `Steam's library '${path}' has no function '${spec.symbol}' (${String(
          (error as Error).message,
        )}). It is older than Steamworks SDK 1.59 or is not Valve's steam_api library. ` +
          'Ship the libsteam_api of the Steamworks SDK 1.59 or newer (the copy inside the ' +
          'steamworks.js npm package qualifies).',
        { runtime: platform, cause: error },
      );
    }
    const where = spec.symbol;
    functions[name] = (...args: unknown[]): unknown => {
      if (!state.loaded) {
        throw new SteamLibraryLoadError(
          'STEAM_LIBRARY_UNLOADED',
          `${where}: Steam's library '${path}' was unloaded; call loadSteamApi() again to load it.`,
          { runtime: platform },
        );
      }
      if (args.length !== spec.args.length) {
        throw new TypeError(
          `${where}: takes ${spec.args.length} argument(s) (${spec.args
            .map((arg) => arg.name)
            .join(', ')}), got ${args.length}`,
        );
      }
      const converted = spec.args.map((arg, i) => arg.convert(args[i], where));
      spec.check?.(args, where);
      return convertReturn(spec.returns, native(...converted));
    };
  }

  const bound = functions as unknown as SteamApiFunctions;
  const initFlat = bound.InitFlat;
  const shutdown = bound.Shutdown;
  const api: SteamApi = {
    ...bound,
    InitFlat(errMsg) {
      const result = initFlat(errMsg);
      // Remembered so that unload() can shut Steam down before unmapping its code.
      if (result === 0) state.steamRunning = true;
      return result;
    },
    Shutdown() {
      shutdown();
      state.steamRunning = false;
    },
    path,
    platform,
    layout,
    callbackTypes: getSteamCallbackTypes(),
    get loaded() {
      return state.loaded;
    },
    unload() {
      if (!state.loaded) return;
      if (state.steamRunning) shutdown();
      state.steamRunning = false;
      state.loaded = false;
      onUnload();
      lib.unload();
    },
  };
  return Object.freeze(api);
}
