/**
 * The typed shape of the private binding of Steam's flat C API (`steam_api_flat.h`; it needs the
 * exports of Steamworks SDK 1.59 or later, and the struct layouts were checked against 1.64/1.65):
 * one method per exported function the Steam backend uses, named as the export without its
 * `SteamAPI_ISteamNetworkingUtils_` / `SteamAPI_` prefix, with the C argument order.
 *
 * Conventions at this boundary (see `steam-api-binding.ts`, which keeps them):
 * - `self` is the `ISteamNetworkingUtils *` that {@link SteamApiFunctions.SteamNetworkingUtils}
 *   returned: a {@link NativePointer} (koffi 3 represents pointers as bigint).
 * - A pointer to a caller buffer is a `Uint8Array` (or the typed array named, from any realm; a
 *   view into a larger buffer is passed from its own offset) that the caller allocated with the
 *   size the SDK requires; the binding refuses a shorter one with a RangeError before any native
 *   call, measuring the array's real size (an own or overridden `length` does not count). Output
 *   arguments are written in place; input buffers are read in place, never copied.
 * - Integers are range-checked for their C type (`int32`, `uint32`, `uint64`...) and floats must be
 *   finite and fit a C `float`: a value koffi would silently wrap or truncate is refused with a
 *   RangeError, a value of the wrong JavaScript type with a TypeError.
 * - A `const char *` is a JavaScript string (sent as NUL-terminated UTF-8; a string holding U+0000
 *   is refused) or a NUL-terminated `Uint8Array`.
 * - A function pointer (debug output, global callbacks) is a pointer `koffi.register` returned, or
 *   null. A JavaScript function is refused: koffi would make it a transient callback, which Steam
 *   would call after it is freed.
 * - After {@link SteamApi.unload} every method throws a `SteamLibraryLoadError` with code
 *   `STEAM_LIBRARY_UNLOADED` instead of calling into unmapped code.
 */
import { type TypeObject } from 'koffi';

import { type SteamStructLayouts } from './struct-layouts.js';
import { type SteamPlatform } from './steam-platform.js';

/** A native pointer as koffi 3 gives it (never 0n: koffi gives null for the null pointer). */
export type NativePointer = bigint;

/** `const char *` input: a string (sent as NUL-terminated UTF-8) or NUL-terminated bytes. */
export type CString = string | Uint8Array;

/**
 * The `SteamAPI_*` and `SteamAPI_ISteamNetworkingUtils_*` functions, one method each. The doc line
 * of each gives the C declaration it binds.
 */
export interface SteamApiFunctions {
  // --- init, shutdown, interface accessor, manual dispatch (steam_api.h, steam_api_internal.h)
  /** `ESteamAPIInitResult SteamAPI_InitFlat(SteamErrMsg *pOutErrMsg)`: `errMsg` is 1024 bytes or null. */
  InitFlat(errMsg: Uint8Array | null): number;
  /** `void SteamAPI_Shutdown()`. */
  Shutdown(): void;
  /** `ISteamNetworkingUtils *SteamAPI_SteamNetworkingUtils_SteamAPI_v004()`: null before init. */
  SteamNetworkingUtils(): NativePointer | null;
  /** `HSteamPipe SteamAPI_GetHSteamPipe()`: 0 before init. */
  GetHSteamPipe(): number;
  /** `void SteamAPI_ManualDispatch_Init()`: after init, before any other dispatch call. */
  ManualDispatch_Init(): void;
  /** `void SteamAPI_ManualDispatch_RunFrame(HSteamPipe)`. */
  ManualDispatch_RunFrame(pipe: number): void;
  /**
   * `bool SteamAPI_ManualDispatch_GetNextCallback(HSteamPipe, CallbackMsg_t *)`: `msg` is
   * `layout.CallbackMsg_t.size` bytes. After true, the struct `m_pubParam` points to lives only
   * until {@link ManualDispatch_FreeLastCallback}, which must be called before the next call.
   */
  ManualDispatch_GetNextCallback(pipe: number, msg: Uint8Array): boolean;
  /** `void SteamAPI_ManualDispatch_FreeLastCallback(HSteamPipe)`. */
  ManualDispatch_FreeLastCallback(pipe: number): void;
  /**
   * `bool SteamAPI_ManualDispatch_GetAPICallResult(HSteamPipe, SteamAPICall_t, void *pCallback,
   * int cubCallback, int iCallbackExpected, bool *pbFailed)`: `callback` holds at least
   * `callbackSize` bytes, `failed` one byte.
   */
  ManualDispatch_GetAPICallResult(
    pipe: number,
    apiCall: bigint,
    callback: Uint8Array,
    callbackSize: number,
    callbackExpected: number,
    failed: Uint8Array,
  ): boolean;

  // --- ISteamNetworkingUtils (steam_api_flat.h)
  /** `SteamNetworkingMessage_t *AllocateMessage(self, int cbAllocateBuffer)`: null on failure. */
  AllocateMessage(self: NativePointer, allocateBytes: number): NativePointer | null;
  /** `void InitRelayNetworkAccess(self)`. */
  InitRelayNetworkAccess(self: NativePointer): void;
  /** `ESteamNetworkingAvailability GetRelayNetworkStatus(self, SteamRelayNetworkStatus_t *pDetails)`: `details` is 272 bytes or null. */
  GetRelayNetworkStatus(self: NativePointer, details: Uint8Array | null): number;
  /** `float GetLocalPingLocation(self, SteamNetworkPingLocation_t &result)`: `result` is 512 bytes; age in s or -1. */
  GetLocalPingLocation(self: NativePointer, result: Uint8Array): number;
  /** `int EstimatePingTimeBetweenTwoLocations(self, const SteamNetworkPingLocation_t &, const SteamNetworkPingLocation_t &)`. */
  EstimatePingTimeBetweenTwoLocations(
    self: NativePointer,
    location1: Uint8Array,
    location2: Uint8Array,
  ): number;
  /** `int EstimatePingTimeFromLocalHost(self, const SteamNetworkPingLocation_t &remoteLocation)`. */
  EstimatePingTimeFromLocalHost(self: NativePointer, remoteLocation: Uint8Array): number;
  /** `void ConvertPingLocationToString(self, const SteamNetworkPingLocation_t &, char *pszBuf, int cchBufSize)`: `bufSize` ≤ `buf.byteLength`. */
  ConvertPingLocationToString(
    self: NativePointer,
    location: Uint8Array,
    buf: Uint8Array,
    bufSize: number,
  ): void;
  /** `bool ParsePingLocationString(self, const char *pszString, SteamNetworkPingLocation_t &result)`. */
  ParsePingLocationString(self: NativePointer, text: CString, result: Uint8Array): boolean;
  /** `bool CheckPingDataUpToDate(self, float flMaxAgeSeconds)`. */
  CheckPingDataUpToDate(self: NativePointer, maxAgeSeconds: number): boolean;
  /** `int GetPingToDataCenter(self, SteamNetworkingPOPID popID, SteamNetworkingPOPID *pViaRelayPoP)`. */
  GetPingToDataCenter(self: NativePointer, popId: number, relayPopId: Uint32Array): number;
  /** `int GetDirectPingToPOP(self, SteamNetworkingPOPID popID)`. */
  GetDirectPingToPOP(self: NativePointer, popId: number): number;
  /** `int GetPOPCount(self)`. */
  GetPOPCount(self: NativePointer): number;
  /** `int GetPOPList(self, SteamNetworkingPOPID *list, int nListSz)`: `listSize` ≤ `list.length`. */
  GetPOPList(self: NativePointer, list: Uint32Array | null, listSize: number): number;
  /** `SteamNetworkingMicroseconds GetLocalTimestamp(self)`. */
  GetLocalTimestamp(self: NativePointer): bigint;
  /** `void SetDebugOutputFunction(self, ESteamNetworkingSocketsDebugOutputType, FSteamNetworkingSocketsDebugOutput)`. */
  SetDebugOutputFunction(self: NativePointer, detailLevel: number, fn: NativePointer | null): void;
  /** `bool IsFakeIPv4(self, uint32 nIPv4)`. */
  IsFakeIPv4(self: NativePointer, ipv4: number): boolean;
  /** `ESteamNetworkingFakeIPType GetIPv4FakeIPType(self, uint32 nIPv4)`. */
  GetIPv4FakeIPType(self: NativePointer, ipv4: number): number;
  /** `EResult GetRealIdentityForFakeIP(self, const SteamNetworkingIPAddr &fakeIP, SteamNetworkingIdentity *pOutRealIdentity)`: 18 and 136 bytes. */
  GetRealIdentityForFakeIP(
    self: NativePointer,
    fakeIP: Uint8Array,
    outRealIdentity: Uint8Array,
  ): number;
  /** `bool SetGlobalConfigValueInt32(self, ESteamNetworkingConfigValue, int32 val)`. */
  SetGlobalConfigValueInt32(self: NativePointer, configValue: number, value: number): boolean;
  /** `bool SetGlobalConfigValueFloat(self, ESteamNetworkingConfigValue, float val)`. */
  SetGlobalConfigValueFloat(self: NativePointer, configValue: number, value: number): boolean;
  /** `bool SetGlobalConfigValueString(self, ESteamNetworkingConfigValue, const char *val)`. */
  SetGlobalConfigValueString(self: NativePointer, configValue: number, value: CString): boolean;
  /** `bool SetGlobalConfigValuePtr(self, ESteamNetworkingConfigValue, void *val)`. */
  SetGlobalConfigValuePtr(
    self: NativePointer,
    configValue: number,
    value: NativePointer | null,
  ): boolean;
  /** `bool SetConnectionConfigValueInt32(self, HSteamNetConnection, ESteamNetworkingConfigValue, int32)`. */
  SetConnectionConfigValueInt32(
    self: NativePointer,
    connection: number,
    configValue: number,
    value: number,
  ): boolean;
  /** `bool SetConnectionConfigValueFloat(self, HSteamNetConnection, ESteamNetworkingConfigValue, float)`. */
  SetConnectionConfigValueFloat(
    self: NativePointer,
    connection: number,
    configValue: number,
    value: number,
  ): boolean;
  /** `bool SetConnectionConfigValueString(self, HSteamNetConnection, ESteamNetworkingConfigValue, const char *)`. */
  SetConnectionConfigValueString(
    self: NativePointer,
    connection: number,
    configValue: number,
    value: CString,
  ): boolean;
  /** `bool SetGlobalCallback_SteamNetConnectionStatusChanged(self, FnSteamNetConnectionStatusChanged)`. */
  SetGlobalCallback_SteamNetConnectionStatusChanged(
    self: NativePointer,
    fn: NativePointer | null,
  ): boolean;
  /** `bool SetGlobalCallback_SteamNetAuthenticationStatusChanged(self, FnSteamNetAuthenticationStatusChanged)`. */
  SetGlobalCallback_SteamNetAuthenticationStatusChanged(
    self: NativePointer,
    fn: NativePointer | null,
  ): boolean;
  /** `bool SetGlobalCallback_SteamRelayNetworkStatusChanged(self, FnSteamRelayNetworkStatusChanged)`. */
  SetGlobalCallback_SteamRelayNetworkStatusChanged(
    self: NativePointer,
    fn: NativePointer | null,
  ): boolean;
  /** `bool SetGlobalCallback_FakeIPResult(self, FnSteamNetworkingFakeIPResult)`. */
  SetGlobalCallback_FakeIPResult(self: NativePointer, fn: NativePointer | null): boolean;
  /** `bool SetGlobalCallback_MessagesSessionRequest(self, FnSteamNetworkingMessagesSessionRequest)`. */
  SetGlobalCallback_MessagesSessionRequest(self: NativePointer, fn: NativePointer | null): boolean;
  /** `bool SetGlobalCallback_MessagesSessionFailed(self, FnSteamNetworkingMessagesSessionFailed)`. */
  SetGlobalCallback_MessagesSessionFailed(self: NativePointer, fn: NativePointer | null): boolean;
  /**
   * `bool SetConfigValue(self, ESteamNetworkingConfigValue, ESteamNetworkingConfigScope, intptr_t
   * scopeObj, ESteamNetworkingConfigDataType, const void *pArg)`: `arg` holds the value's bytes
   * (4 for int32/float, 8 for int64, NUL-terminated UTF-8 for a string), or null to reset it.
   */
  SetConfigValue(
    self: NativePointer,
    configValue: number,
    scope: number,
    scopeObject: number | bigint,
    dataType: number,
    arg: Uint8Array | null,
  ): boolean;
  /** `bool SetConfigValueStruct(self, const SteamNetworkingConfigValue_t &opt, ESteamNetworkingConfigScope, intptr_t)`: `option` is 16 bytes. */
  SetConfigValueStruct(
    self: NativePointer,
    option: Uint8Array,
    scope: number,
    scopeObject: number | bigint,
  ): boolean;
  /**
   * `ESteamNetworkingGetConfigValueResult GetConfigValue(self, ESteamNetworkingConfigValue,
   * ESteamNetworkingConfigScope, intptr_t scopeObj, ESteamNetworkingConfigDataType *pOutDataType,
   * void *pResult, size_t *cbResult)`: `resultSize[0]` is the size of `result` on the way in (at
   * most `result.byteLength`; 0 when `result` is null) and the size Steam needs on the way out.
   */
  GetConfigValue(
    self: NativePointer,
    configValue: number,
    scope: number,
    scopeObject: number | bigint,
    outDataType: Int32Array | null,
    result: Uint8Array | null,
    resultSize: BigUint64Array,
  ): number;
  /**
   * `const char *GetConfigValueInfo(self, ESteamNetworkingConfigValue,
   * ESteamNetworkingConfigDataType *pOutDataType, ESteamNetworkingConfigScope *pOutScope)`: the
   * name, or null for a value Steam does not know (then the outputs are untouched).
   */
  GetConfigValueInfo(
    self: NativePointer,
    configValue: number,
    outDataType: Int32Array | null,
    outScope: Int32Array | null,
  ): string | null;
  /** `ESteamNetworkingConfigValue IterateGenericEditableConfigValues(self, ESteamNetworkingConfigValue eCurrent, bool bEnumerateDevVars)`. */
  IterateGenericEditableConfigValues(
    self: NativePointer,
    current: number,
    enumerateDevVars: boolean,
  ): number;
  /** `void SteamNetworkingIPAddr_ToString(self, const SteamNetworkingIPAddr &, char *buf, uint32 cbBuf, bool bWithPort)`. */
  SteamNetworkingIPAddr_ToString(
    self: NativePointer,
    addr: Uint8Array,
    buf: Uint8Array,
    bufSize: number,
    withPort: boolean,
  ): void;
  /** `bool SteamNetworkingIPAddr_ParseString(self, SteamNetworkingIPAddr *pAddr, const char *pszStr)`. */
  SteamNetworkingIPAddr_ParseString(self: NativePointer, addr: Uint8Array, text: CString): boolean;
  /** `ESteamNetworkingFakeIPType SteamNetworkingIPAddr_GetFakeIPType(self, const SteamNetworkingIPAddr &)`. */
  SteamNetworkingIPAddr_GetFakeIPType(self: NativePointer, addr: Uint8Array): number;
  /** `void SteamNetworkingIdentity_ToString(self, const SteamNetworkingIdentity &, char *buf, uint32 cbBuf)`. */
  SteamNetworkingIdentity_ToString(
    self: NativePointer,
    identity: Uint8Array,
    buf: Uint8Array,
    bufSize: number,
  ): void;
  /** `bool SteamNetworkingIdentity_ParseString(self, SteamNetworkingIdentity *pIdentity, const char *pszStr)`. */
  SteamNetworkingIdentity_ParseString(
    self: NativePointer,
    identity: Uint8Array,
    text: CString,
  ): boolean;
}

/** The name of one bound function. */
export type SteamApiFunctionName = keyof SteamApiFunctions;

/**
 * The C function pointer types Steam calls back through, as koffi pointer-to-prototype types ready
 * for `koffi.register(fn, type)`. Every struct argument arrives as a {@link NativePointer}: copy
 * the bytes with `copyNativeBytes` before the callback returns, then decode them with `structs.ts`.
 * - `debugOutput`: `void (ESteamNetworkingSocketsDebugOutputType nType, const char *pszMsg)`, the
 *   message as a string; may be called from a Steam service thread while Steam holds its lock,
 *   which koffi then blocks until the event loop of the thread that registered the function has
 *   run the call (the backend registers it in a dedicated worker for that reason);
 * - the others: `void (T *)` for `SteamRelayNetworkStatus_t`,
 *   `SteamNetConnectionStatusChangedCallback_t`, `SteamNetAuthenticationStatus_t`,
 *   `SteamNetworkingFakeIPResult_t`, `SteamNetworkingMessagesSessionRequest_t`,
 *   `SteamNetworkingMessagesSessionFailed_t`.
 */
export interface SteamCallbackTypes {
  readonly debugOutput: TypeObject;
  readonly relayNetworkStatusChanged: TypeObject;
  readonly connectionStatusChanged: TypeObject;
  readonly authenticationStatusChanged: TypeObject;
  readonly fakeIPResult: TypeObject;
  readonly messagesSessionRequest: TypeObject;
  readonly messagesSessionFailed: TypeObject;
}

/** A loaded Steam API library: its functions, struct layouts and callback prototypes. */
export interface SteamApi extends SteamApiFunctions {
  /** The file that was loaded. */
  readonly path: string;
  /** Which build of the library it is (decides the struct packing). */
  readonly platform: SteamPlatform;
  /** The SDK's struct layouts for this platform's packing (4 on Linux/macOS, 8 on Windows). */
  readonly layout: SteamStructLayouts;
  /** The callback prototypes, for `koffi.register`. */
  readonly callbackTypes: SteamCallbackTypes;
  /** False once {@link unload} ran. */
  readonly loaded: boolean;
  /**
   * Unloads the library (once; later calls do nothing). If `InitFlat` succeeded and `Shutdown` was
   * not called since, it calls `Shutdown` first, so no Steam thread keeps running code that is
   * unmapped. The next `loadSteamApi` loads the file again. Every method of this object throws
   * `STEAM_LIBRARY_UNLOADED` afterwards. Callbacks registered with koffi are the caller's to
   * release (after Steam dropped them).
   */
  unload(): void;
}
