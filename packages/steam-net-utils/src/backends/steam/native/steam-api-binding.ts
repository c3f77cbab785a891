/**
 * The private koffi declarations of Steam's flat API: one entry per exported function (the C
 * declarations are on {@link SteamApiFunctions}), bound eagerly so a library lacking any of them is
 * refused at load time rather than at the first call.
 *
 * Every bound method checks that the library is still loaded and its arguments
 * (`native-arguments.ts`) before calling into native code. Each is a function of the C function's
 * fixed arity that converts its arguments one by one and calls koffi with them directly: a call
 * allocates nothing of its own (no argument arrays, no closures), so the binding adds a few type
 * checks to koffi's cost.
 */
import {
  typedArrayBytes,
  typedArrayElements,
  typedArrayIndexOf,
} from '../../../port/typed-arrays.js';
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
import { isTrustedNativePointer } from './trusted-pointers.js';
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

/**
 * A check involving several arguments (a size against its buffer), called after each argument was
 * converted, with `where` (the C function) and the converted arguments in C order; throws
 * RangeError.
 */
type MultiArgumentCheck = (where: string, ...converted: unknown[]) => void;

/** How one flat function is declared and checked. */
interface FunctionSpec {
  readonly symbol: string;
  readonly returns: ReturnKind;
  readonly args: readonly NativeArgument[];
  readonly check?: MultiArgumentCheck;
}

const UTILS = 'SteamAPI_ISteamNetworkingUtils_';

/**
 * Throws unless 0 <= `size` <= the element count of `target` (0 for null): the C function writes
 * up to `size` elements into it. `size` was converted already (an integer).
 */
function sizeWithin(
  where: string,
  size: unknown,
  target: unknown,
  sizeName: string,
  targetName: string,
  minimum = 0,
): void {
  // The converters let only null or a typed array of the declared kind through.
  const available = target === null ? 0 : typedArrayElements(target as ArrayBufferView);
  if ((size as number) < minimum || (size as number) > available) {
    throw new RangeError(
      `${where}: ${sizeName} must be from ${minimum} to the length of ${targetName} (${available}), got ${String(size)}`,
    );
  }
}

/** How many bytes Steam reads through `pArg` for each `ESteamNetworkingConfigDataType`. */
const CONFIG_ARGUMENT_BYTES: ReadonlyMap<number, number> = new Map([
  [1, 4], // Int32: *(int32 *)pArg
  [2, 8], // Int64: *(int64 *)pArg
  [3, 4], // Float: *(float *)pArg
  [5, 8], // Ptr: *(void **)pArg (a 64-bit pointer on every platform Relaylane loads)
]);
const CONFIG_TYPE_STRING = 4;
const CONFIG_TYPE_PTR = 5;

/**
 * Throws unless `pArg` (null resets the value) holds exactly what Steam reads for `eDataType`:
 * Valve's code dereferences it by the type (`*(int64 *)pArg`), so a short buffer would be read past
 * its end. A string must hold its NUL inside the buffer; a type Steam does not know is refused.
 */
function configArgumentFits(where: string, eDataType: number, pArg: Uint8Array | null): void {
  if (pArg === null) return;
  if (eDataType === CONFIG_TYPE_STRING) {
    if (typedArrayIndexOf(pArg, 0) === -1) {
      throw new RangeError(
        `${where}: pArg must hold a NUL-terminated string for eDataType ${eDataType} (String), got ${typedArrayBytes(pArg)} bytes without a NUL`,
      );
    }
    return;
  }
  const bytes = CONFIG_ARGUMENT_BYTES.get(eDataType);
  if (bytes === undefined) {
    throw new RangeError(
      `${where}: eDataType must be 1 (Int32), 2 (Int64), 3 (Float), 4 (String) or 5 (Ptr) when pArg is given, got ${eDataType}`,
    );
  }
  if (typedArrayBytes(pArg) !== bytes) {
    throw new RangeError(
      `${where}: pArg must be exactly ${bytes} bytes for eDataType ${eDataType}, got ${typedArrayBytes(pArg)}`,
    );
  }
  if (eDataType === CONFIG_TYPE_PTR) {
    // Steam stores the pointer and calls through it: only Relaylane's own callbacks, or NULL.
    // (Every platform Steam runs on is little-endian.)
    const pointer = new DataView(pArg.buffer, pArg.byteOffset, 8).getBigUint64(0, true);
    if (pointer !== 0n && !isTrustedNativePointer(pointer)) {
      throw new RangeError(
        `${where}: pArg must hold NULL or a callback Relaylane registered for eDataType 5 (Ptr); got a pointer it did not register`,
      );
    }
  }
}

/**
 * Throws unless the `SteamNetworkingConfigValue_t` at the start of `opt` is safe to hand over: its
 * union holds a number (Int32, Int64, Float), NULL or a callback Relaylane registered (Ptr). A
 * String's `m_string` is a raw address Steam would read a string from, which no check here can
 * vouch for: strings go through `SetConfigValue`, whose buffer the binding checks.
 * (`SteamNetworkingConfigValue_t`: m_eValue at 0, m_eDataType at 4, m_val at 8, on every platform.)
 */
function configStructFits(where: string, opt: Uint8Array): void {
  const data = new DataView(opt.buffer, opt.byteOffset, 16);
  const dataType = data.getInt32(4, true);
  if (dataType === CONFIG_TYPE_STRING) {
    throw new RangeError(
      `${where}: opt must not carry a String (its m_string is a raw address); set strings with SetConfigValue`,
    );
  }
  if (dataType === CONFIG_TYPE_PTR) {
    const pointer = data.getBigUint64(8, true);
    if (pointer !== 0n && !isTrustedNativePointer(pointer)) {
      throw new RangeError(
        `${where}: opt must hold NULL or a callback Relaylane registered for m_eDataType 5 (Ptr); got a pointer it did not register`,
      );
    }
    return;
  }
  if (!CONFIG_ARGUMENT_BYTES.has(dataType)) {
    throw new RangeError(
      `${where}: opt's m_eDataType must be 1 (Int32), 2 (Int64), 3 (Float) or 5 (Ptr), got ${dataType}`,
    );
  }
}

/**
 * {@link sizeWithin} for a text buffer that Steam fills with `V_snprintf`: with a size of 0 it
 * writes its NUL one byte before the buffer, so the size must be at least 1.
 */
function textSizeWithin(
  where: string,
  size: unknown,
  target: unknown,
  sizeName: string,
  targetName: string,
): void {
  sizeWithin(where, size, target, sizeName, targetName, 1);
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
      check: (where, _pipe, _call, pCallback, cubCallback) =>
        sizeWithin(where, cubCallback, pCallback, 'cubCallback', 'pCallback'),
    },

    AllocateMessage: {
      symbol: `${UTILS}AllocateMessage`,
      returns: 'pointer',
      args: [self(), int32('cbAllocateBuffer')],
      check: (where, _self, cbAllocateBuffer) => {
        if ((cbAllocateBuffer as number) < 0) {
          throw new RangeError(
            `${where}: cbAllocateBuffer must not be negative, got ${String(cbAllocateBuffer)}`,
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
      check: (where, _self, _location, pszBuf, cchBufSize) =>
        textSizeWithin(where, cchBufSize, pszBuf, 'cchBufSize', 'pszBuf'),
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
      // The SDK does not say pViaRelayPoP may be NULL: it is always given.
      args: [self(), uint32('popID'), typedArray('pViaRelayPoP', Uint32Array, 1, false)],
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
      check: (where, _self, list, nListSz) => sizeWithin(where, nListSz, list, 'nListSz', 'list'),
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
      // The SDK does not say pOutRealIdentity may be NULL: it is always given.
      args: [self(), ipAddr('fakeIP'), identity('pOutRealIdentity', false)],
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
      check: (where, _self, _eValue, _eScopeType, _scopeObj, eDataType, pArg) =>
        configArgumentFits(where, eDataType as number, pArg as Uint8Array | null),
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
      check: (where, _self, opt) => configStructFits(where, opt as Uint8Array),
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
      check: (where, _self, _eValue, _eScopeType, _scopeObj, _pOutDataType, pResult, cbResult) => {
        // Steam writes up to *cbResult bytes into pResult: it must not claim more than there is.
        const claimed = (cbResult as BigUint64Array)[0]!;
        const available = pResult === null ? 0 : typedArrayBytes(pResult as Uint8Array);
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
      check: (where, _self, _value, buf, cbBuf) =>
        textSizeWithin(where, cbBuf, buf, 'cbBuf', 'buf'),
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
      check: (where, _self, _value, buf, cbBuf) =>
        textSizeWithin(where, cbBuf, buf, 'cbBuf', 'buf'),
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

/** One bound function as the binding declares it: its C symbol and its parameters, in order. */
export interface SteamApiSignature {
  readonly symbol: string;
  readonly params: readonly Omit<NativeArgument, 'convert'>[];
}

/**
 * Every function of {@link SteamApiFunctions} with its parameters as the binding checks them, for
 * the structure packing `pack` (it sizes the struct buffers): what tools that describe or probe the
 * binding read (the hostile-input suite calls every one with every kind of wrong value).
 */
export function steamApiSignatures(
  pack: 4 | 8,
): Readonly<Record<SteamApiFunctionName, SteamApiSignature>> {
  const specs = functionSpecs(getSteamStructLayouts(pack));
  const signatures = {} as Record<SteamApiFunctionName, SteamApiSignature>;
  for (const [name, spec] of Object.entries(specs) as [SteamApiFunctionName, FunctionSpec][]) {
    signatures[name] = Object.freeze({
      symbol: spec.symbol,
      params: Object.freeze(
        spec.args.map(({ convert: _convert, ...described }) => Object.freeze(described)),
      ),
    });
  }
  return Object.freeze(signatures);
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

/** How a result becomes what {@link SteamApiFunctions} promises (none: as koffi gives it). */
const RETURN_CONVERSIONS: Readonly<Partial<Record<ReturnKind, (value: unknown) => unknown>>> = {
  // koffi returns a number when it is safe, a bigint otherwise: always a bigint here.
  int64: (value) => (typeof value === 'bigint' ? value : BigInt(value as number)),
  pointer: (value) => (value === null || value === 0n ? null : value),
};

type NativeFunction = (...args: unknown[]) => unknown;

/** What every bound function of one loaded library shares. */
interface BindingState {
  loaded: boolean;
  steamRunning: boolean;
  /**
   * The `ISteamNetworkingUtils *` that `SteamNetworkingUtils()` last returned (undefined before):
   * the only `self` a call may pass. Real Steam would call through any other pointer.
   */
  interfacePointer: bigint | undefined;
}

/** `self`, converted as before, and then refused unless it is the interface Steam handed out. */
function interfaceOnly(self: NativeArgument, state: BindingState): NativeArgument {
  return {
    ...self,
    convert(value, where) {
      const converted = self.convert(value, where);
      if (converted !== state.interfacePointer) {
        throw new TypeError(
          `${where}: self must be the ISteamNetworkingUtils pointer that SteamNetworkingUtils() returned` +
            (state.interfacePointer === undefined ? ' (it has not been called yet)' : ''),
        );
      }
      return converted;
    },
  };
}

/**
 * The bound method for `spec`: a function of the C function's arity that refuses to run once the
 * library is unloaded, refuses another number of arguments, converts each argument (which throws
 * for one that could reach native code wrongly), runs the spec's multi-argument check and calls
 * koffi with the converted values, then converts the result. One closure per function, made here;
 * a call allocates nothing of its own.
 */
function bindFunction(
  native: NativeFunction,
  spec: FunctionSpec,
  state: BindingState,
  unloadedError: (where: string) => Error,
): NativeFunction {
  const where = spec.symbol;
  const args = spec.args;
  const check = spec.check;
  const convertResult = RETURN_CONVERSIONS[spec.returns];
  const unloaded = (): Error => unloadedError(where);
  const arity = (got: number): TypeError =>
    new TypeError(
      `${where}: takes ${args.length} argument(s) (${args.map((arg) => arg.name).join(', ')}), got ${got}`,
    );
  // Every method on the interface checks its `self` against the pointer the accessor returned.
  const first = args[0]?.name === 'self' ? interfaceOnly(args[0], state) : args[0];
  const [p0, p1, p2, p3, p4, p5, p6] = [first, ...args.slice(1)] as [
    NativeArgument,
    NativeArgument,
    NativeArgument,
    NativeArgument,
    NativeArgument,
    NativeArgument,
    NativeArgument,
  ];
  // One case per arity, spelled out on purpose: a generic `(...args)` wrapper converts into an
  // array and spreads it into koffi on every call, which `pnpm bench` (steam group) measured as
  // slower; BENCHMARKS.md has the figures.
  // `arguments.length` only: the engine materialises no arguments object for it.
  switch (args.length) {
    case 0:
      return function (): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 0) throw arity(arguments.length);
        const result = native();
        return convertResult === undefined ? result : convertResult(result);
      };
    case 1:
      return function (a0: unknown): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 1) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        if (check !== undefined) check(where, v0);
        const result = native(v0);
        return convertResult === undefined ? result : convertResult(result);
      };
    case 2:
      return function (a0: unknown, a1: unknown): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 2) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        const v1 = p1.convert(a1, where);
        if (check !== undefined) check(where, v0, v1);
        const result = native(v0, v1);
        return convertResult === undefined ? result : convertResult(result);
      };
    case 3:
      return function (a0: unknown, a1: unknown, a2: unknown): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 3) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        const v1 = p1.convert(a1, where);
        const v2 = p2.convert(a2, where);
        if (check !== undefined) check(where, v0, v1, v2);
        const result = native(v0, v1, v2);
        return convertResult === undefined ? result : convertResult(result);
      };
    case 4:
      return function (a0: unknown, a1: unknown, a2: unknown, a3: unknown): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 4) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        const v1 = p1.convert(a1, where);
        const v2 = p2.convert(a2, where);
        const v3 = p3.convert(a3, where);
        if (check !== undefined) check(where, v0, v1, v2, v3);
        const result = native(v0, v1, v2, v3);
        return convertResult === undefined ? result : convertResult(result);
      };
    case 5:
      return function (a0: unknown, a1: unknown, a2: unknown, a3: unknown, a4: unknown): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 5) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        const v1 = p1.convert(a1, where);
        const v2 = p2.convert(a2, where);
        const v3 = p3.convert(a3, where);
        const v4 = p4.convert(a4, where);
        if (check !== undefined) check(where, v0, v1, v2, v3, v4);
        const result = native(v0, v1, v2, v3, v4);
        return convertResult === undefined ? result : convertResult(result);
      };
    case 6:
      return function (
        a0: unknown,
        a1: unknown,
        a2: unknown,
        a3: unknown,
        a4: unknown,
        a5: unknown,
      ): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 6) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        const v1 = p1.convert(a1, where);
        const v2 = p2.convert(a2, where);
        const v3 = p3.convert(a3, where);
        const v4 = p4.convert(a4, where);
        const v5 = p5.convert(a5, where);
        if (check !== undefined) check(where, v0, v1, v2, v3, v4, v5);
        const result = native(v0, v1, v2, v3, v4, v5);
        return convertResult === undefined ? result : convertResult(result);
      };
    case 7:
      return function (
        a0: unknown,
        a1: unknown,
        a2: unknown,
        a3: unknown,
        a4: unknown,
        a5: unknown,
        a6: unknown,
      ): unknown {
        if (!state.loaded) throw unloaded();
        if (arguments.length !== 7) throw arity(arguments.length);
        const v0 = p0.convert(a0, where);
        const v1 = p1.convert(a1, where);
        const v2 = p2.convert(a2, where);
        const v3 = p3.convert(a3, where);
        const v4 = p4.convert(a4, where);
        const v5 = p5.convert(a5, where);
        const v6 = p6.convert(a6, where);
        if (check !== undefined) check(where, v0, v1, v2, v3, v4, v5, v6);
        const result = native(v0, v1, v2, v3, v4, v5, v6);
        return convertResult === undefined ? result : convertResult(result);
      };
    default:
      throw new Error(`${where}: ${args.length} parameters; the binding handles at most 7`);
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
  const state: BindingState = { loaded: true, steamRunning: false, interfacePointer: undefined };
  const functions: Partial<Record<SteamApiFunctionName, NativeFunction>> = {};
  const unloadedError = (where: string): Error =>
    new SteamLibraryLoadError(
      'STEAM_LIBRARY_UNLOADED',
      `${where}: Steam's library '${path}' was unloaded; call loadSteamApi() again to load it.`,
      { runtime: platform },
    );

  for (const [name, spec] of Object.entries(specs) as [SteamApiFunctionName, FunctionSpec][]) {
    let native: NativeFunction;
    try {
      native = lib.func(
        spec.symbol,
        RETURN_CTYPES[spec.returns],
        spec.args.map((arg) => arg.ctype),
      ) as NativeFunction;
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
    functions[name] = bindFunction(native, spec, state, unloadedError);
  }

  const bound = functions as unknown as SteamApiFunctions;
  const initFlat = bound.InitFlat;
  const shutdown = bound.Shutdown;
  const utilsAccessor = bound.SteamNetworkingUtils;
  const api: SteamApi = {
    ...bound,
    // Both pass every argument on, so the bound function's own count check refuses a call with
    // too many or too few (`Shutdown(extra)` must not shut Steam down).
    InitFlat(...args: Parameters<SteamApiFunctions['InitFlat']>) {
      const result = (initFlat as (...given: unknown[]) => number)(...args);
      // Remembered so that unload() can shut Steam down before unmapping its code.
      if (result === 0) state.steamRunning = true;
      return result;
    },
    Shutdown(...args: Parameters<SteamApiFunctions['Shutdown']>) {
      (shutdown as (...given: unknown[]) => void)(...args);
      state.steamRunning = false;
      // The interface dies with Steam: a pointer kept from before is refused from now on.
      state.interfacePointer = undefined;
    },
    SteamNetworkingUtils(...args: Parameters<SteamApiFunctions['SteamNetworkingUtils']>) {
      const pointer = (utilsAccessor as (...given: unknown[]) => bigint | null)(...args);
      state.interfacePointer = pointer ?? undefined;
      return pointer;
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
