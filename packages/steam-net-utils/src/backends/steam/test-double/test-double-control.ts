/// <reference types="node" />
/**
 * A typed koffi binding of the test double's control functions (`RelaylaneDouble_*` in
 * `steam_api_double.c`): reset it, script its answers, read its call log and the misuse it saw,
 * move its clock, queue callbacks, run global callbacks and a debug output thread.
 *
 * The double's state lives in the loaded library, shared by every handle of the same file in a
 * process (a Jest worker runs several spec files in one process): call `reset()` in `beforeEach`.
 */
import koffi, { type LibraryHandle } from 'koffi';

import { CONFIG_VALUE_TABLE, type ConfigValueEntry } from '../../../constants/index.js';
import { type SteamApiFunctionName } from '../native/steam-api.js';
import { buildSteamApiTestDouble, type BuildTestDoubleOptions } from './build-test-double.js';

/** The pipe the double's `GetHSteamPipe` returns once initialised. */
export const DOUBLE_PIPE = 1;

/** The delays of the double's relay network after a reset: config at 500 ms, pings at 2000 ms. */
export const DOUBLE_DEFAULT_TIMINGS = Object.freeze({ configMs: 500, pingMs: 2000 });

/** A scripted answer for the next call of one function (see `RelaylaneDouble_Script`). */
export interface ScriptedAnswer {
  /** The return value (booleans as true/false, pointers as bigint; 0 = NULL). */
  readonly returns?: number | bigint | boolean;
  /** The return value of a `float` function (`GetLocalPingLocation`). */
  readonly floatReturn?: number;
  /**
   * What the function writes into its main output (a struct, a buffer, a string without its NUL;
   * a string is sent as UTF-8). For `GetConfigValue`, the value's bytes.
   */
  readonly bytes?: Uint8Array | string;
  /**
   * A secondary output: `*pViaRelayPoP` (GetPingToDataCenter), `*pOutDataType` (GetConfigValue,
   * GetConfigValueInfo), `*pbFailed` (GetAPICallResult).
   */
  readonly aux?: number | bigint;
  /** A third output: `*pOutScope` (GetConfigValueInfo). */
  readonly aux2?: number | bigint;
}

/** A config value definition for the double's table (`RelaylaneDouble_DefineConfigValue`). */
export interface DoubleConfigValue {
  readonly id: number;
  readonly name: string;
  readonly dataType: number;
  readonly scope: number;
  readonly devOnly?: boolean;
  readonly genericEditable?: boolean;
  readonly readOnly?: boolean;
  readonly listed?: boolean;
  /** number for int32/float, bigint for int64, string for string; null for pointers. */
  readonly defaultValue: number | bigint | string | null;
  readonly min?: number;
  readonly max?: number;
}

/** The double, as tests drive it. */
export interface SteamApiTestDouble {
  /** The compiled library's path: pass it as `libraryPath` to load the double as Steam's library. */
  readonly path: string;
  /** The `ISteamNetworkingUtils *` the double hands out. */
  readonly interfaceAddress: bigint;
  /**
   * Back to the state after loading, then (unless `configTable` is false) the project's config
   * value table defined in it (`CONFIG_VALUE_TABLE`, without the Windows-only values).
   *
   * @throws Error while a debug output thread runs (join it first).
   */
  reset(options?: { readonly configTable?: readonly ConfigValueEntry[] | false }): void;
  /** Every call since the last reset or `clearLog`, one line each: `Name(arg=value,...)`. */
  log(): string[];
  clearLog(): void;
  /**
   * Turns the call log on or off. Off, calls are not recorded (the lines already recorded stay;
   * violations are still recorded): the benchmarks time calls this way. `reset()` turns it on.
   */
  setCallLog(on: boolean): void;
  /** True while the call log records calls (after loading and after every `reset()`). */
  callLogEnabled(): boolean;
  /** The misuse the double saw (wrong self, calls before init, dispatch out of order...). */
  violations(): string[];
  clearViolations(): void;
  /** Scripts the next call of `fn` (calls of one function consume their scripts in order). */
  script(fn: SteamApiFunctionName, answer: ScriptedAnswer): void;
  /** Scripted answers not yet used. */
  pendingScripts(): number;
  /** Every `InitFlat` fails with `result` and writes `message` (0 makes it succeed again). */
  failInit(result: number, message: string): void;
  /** Makes the interface accessor return NULL. */
  setInterfaceNull(isNull: boolean): void;
  isInitialized(): boolean;
  shutdownCount(): number;
  manualDispatchInitialized(): boolean;
  /** Moves the double's clock on (delivers nothing by itself). */
  advanceTime(ms: number): void;
  setRelayTimings(configMs: number, pingMs: number): void;
  /** Adds or changes a POP (direct ping -1: no reply; `via` 0: no relay route). */
  setPOP(popId: number, directPing: number, via?: number, viaPing?: number): void;
  clearPOPs(): void;
  /** Makes `GetRealIdentityForFakeIP(ip:port)` answer `steamId` (port 0: any port). */
  addFakeIP(ip: number, port: number, steamId: bigint): void;
  defineConfigValue(value: DoubleConfigValue): void;
  /** A connection handle the connection-scoped config functions accept. */
  openConnection(): number;
  closeConnection(connection: number): boolean;
  /** Queues a callback struct for manual dispatch. */
  queueCallback(callbackId: number, bytes: Uint8Array): void;
  pendingCallbacks(): number;
  /** True while a dispatched callback has not been freed. */
  outstandingCallback(): boolean;
  /** The function installed for a global callback config value (201-207), or null. */
  installedCallback(configValue: number): bigint | null;
  /** Calls that callback with a copy of `bytes` (scribbled after it returns); false if none. */
  invokeGlobalCallback(configValue: number, bytes: Uint8Array): boolean;
  debugOutputLevel(): number;
  debugOutputFunction(): bigint | null;
  /** Calls the installed debug output function now, on this thread; false if none or filtered. */
  emitDebugOutput(type: number, message: string): boolean;
  /**
   * Starts a thread calling the debug output function `count` times ("<prefix> i/count"). The
   * calls complete only while the JavaScript event loop runs: await them, then join.
   *
   * @throws Error when a previous thread was not joined.
   */
  startDebugOutputThread(count: number, type: number, prefix: string): void;
  /**
   * The networking lock mode (`timeoutMs` > 0; 0 turns it off, as `reset()` does): debug output
   * threads started afterwards hold a lock during each call of the debug output function, as
   * Steam's service thread does, and `ManualDispatch_RunFrame` takes the same lock, waiting at most
   * `timeoutMs`; a wait that expires is recorded in `violations()` (Steam would deadlock there).
   */
  setNetworkingLockTimeout(timeoutMs: number): void;
  debugOutputThreadDelivered(): number;
  /** 0 none, 1 running, 2 finished (not joined). */
  debugOutputThreadState(): number;
  /** Waits for the thread (only once its calls arrived); returns how many calls it made. */
  joinDebugOutputThread(): number;
  /** Messages from `AllocateMessage` not released yet. */
  liveMessages(): number;
}

/** The log's text for a 512-byte location: `#` and its FNV-1a 32-bit hash in hex. */
export function locationLogText(bytes: Uint8Array): string {
  let hash = 2166136261;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return `#${hash.toString(16).padStart(8, '0')}`;
}

/**
 * A ping location in the double's own format ("RLD1", count, then uint32 POP + uint16 ping
 * entries): what its `ParsePingLocationString` / `GetLocalPingLocation` produce.
 */
export function doubleLocation(entries: readonly { popId: number; pingMs: number }[]): Uint8Array {
  const bytes = new Uint8Array(512);
  const view = new DataView(bytes.buffer);
  bytes.set([0x52, 0x4c, 0x44, 0x31], 0);
  bytes[4] = entries.length;
  entries.forEach(({ popId, pingMs }, i) => {
    view.setUint32(8 + 8 * i, popId, true);
    view.setUint16(12 + 8 * i, pingMs, true);
  });
  return bytes;
}

type ControlFunctions = Record<string, (...args: unknown[]) => unknown>;

function declare(lib: LibraryHandle): ControlFunctions {
  const f = (name: string, ret: string, args: string[]): [string, (...a: unknown[]) => unknown] => [
    name,
    lib.func(`RelaylaneDouble_${name}`, ret, args) as (...a: unknown[]) => unknown,
  ];
  return Object.fromEntries([
    f('Reset', 'int32_t', []),
    f('ReadLog', 'int64_t', ['void *', 'int64_t']),
    f('ClearLog', 'void', []),
    f('SetCallLog', 'void', ['int32_t']),
    f('CallLogEnabled', 'int32_t', []),
    f('ReadViolations', 'int64_t', ['void *', 'int64_t']),
    f('ClearViolations', 'void', []),
    f('Script', 'void', [
      'const char *',
      'int64_t',
      'double',
      'void *',
      'int32_t',
      'int64_t',
      'int64_t',
    ]),
    f('PendingScripts', 'int32_t', []),
    f('FailInit', 'void', ['int32_t', 'const char *']),
    f('SetInterfaceNull', 'void', ['int32_t']),
    f('InterfaceAddress', 'void *', []),
    f('IsInitialized', 'int32_t', []),
    f('ShutdownCount', 'int32_t', []),
    f('ManualDispatchInitialized', 'int32_t', []),
    f('AdvanceTime', 'void', ['int64_t']),
    f('SetRelayTimings', 'void', ['int64_t', 'int64_t']),
    f('SetPOP', 'void', ['uint32_t', 'int32_t', 'uint32_t', 'int32_t']),
    f('ClearPOPs', 'void', []),
    f('AddFakeIP', 'void', ['uint32_t', 'uint16_t', 'uint64_t']),
    f('DefineConfigValue', 'int32_t', [
      'int32_t',
      'const char *',
      'int32_t',
      'int32_t',
      'int32_t',
      'int64_t',
      'double',
      'const char *',
      'int32_t',
      'double',
      'double',
    ]),
    f('OpenConnection', 'uint32_t', []),
    f('CloseConnection', 'int32_t', ['uint32_t']),
    f('QueueCallback', 'void', ['int32_t', 'void *', 'int32_t']),
    f('PendingCallbacks', 'int32_t', []),
    f('OutstandingCallback', 'int32_t', []),
    f('InstalledCallback', 'void *', ['int32_t']),
    f('InvokeGlobalCallback', 'int32_t', ['int32_t', 'void *', 'int32_t']),
    f('DebugOutputLevel', 'int32_t', []),
    f('DebugOutputFunction', 'void *', []),
    f('EmitDebugOutput', 'int32_t', ['int32_t', 'const char *']),
    f('StartDebugOutputThread', 'int32_t', ['int32_t', 'int32_t', 'const char *']),
    f('SetNetworkingLockTimeout', 'void', ['int32_t']),
    f('DebugOutputThreadDelivered', 'int32_t', []),
    f('DebugOutputThreadState', 'int32_t', []),
    f('JoinDebugOutputThread', 'int32_t', []),
    f('LiveMessages', 'int64_t', []),
  ]);
}

function readText(read: (...args: unknown[]) => unknown): string[] {
  const size = Number(read(null, 0));
  const buffer = Buffer.alloc(size);
  read(buffer, size);
  const text = buffer.toString('utf8', 0, Math.max(0, size - 1));
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

function toInt64(value: number | bigint | boolean | undefined): bigint {
  if (value === undefined || value === false) return 0n;
  if (value === true) return 1n;
  return typeof value === 'bigint' ? value : BigInt(value);
}

function flagsOf(value: DoubleConfigValue): number {
  return (
    (value.devOnly === true ? 1 : 0) |
    (value.genericEditable === true ? 2 : 0) |
    (value.readOnly === true ? 4 : 0) |
    (value.listed === false ? 8 : 0)
  );
}

/** The project's table entry as the double defines it (an unpublished int32 default becomes 0). */
export function doubleConfigValueOf(entry: ConfigValueEntry): DoubleConfigValue {
  const limits =
    'min' in entry && entry.min !== undefined && entry.max !== undefined
      ? { min: entry.min, max: entry.max }
      : {};
  return {
    id: entry.id,
    name: entry.steamName,
    dataType: entry.dataType,
    scope: entry.scope,
    devOnly: entry.devOnly,
    genericEditable: entry.genericEditable,
    readOnly: entry.readOnly,
    listed: entry.listed,
    defaultValue: entry.defaultValue ?? (entry.dataType === 1 ? 0 : null),
    ...limits,
  };
}

const doubles = new Map<string, SteamApiTestDouble>();

/**
 * Builds (once, cached) and loads the test double, and binds its control functions. The same
 * object is returned for the same build within a module registry. `options` picks the build (the
 * sanitized one: `{ sanitizer: 'address' }`, in a process with the sanitizer's runtime preloaded).
 */
export function loadSteamApiTestDouble(options: BuildTestDoubleOptions = {}): SteamApiTestDouble {
  const path = buildSteamApiTestDouble(options);
  const existing = doubles.get(path);
  if (existing !== undefined) return existing;
  const lib = koffi.load(path);
  const c = declare(lib);

  const control: SteamApiTestDouble = {
    path,
    interfaceAddress: c['InterfaceAddress']!() as bigint,
    reset(options = {}) {
      if ((c['Reset']!() as number) !== 0) {
        throw new Error(
          'RelaylaneDouble_Reset: the debug output thread is still running; await its calls, ' +
            'then joinDebugOutputThread()',
        );
      }
      const table = options.configTable ?? CONFIG_VALUE_TABLE;
      if (table === false) return;
      for (const entry of table) {
        if (entry.windowsOnly && process.platform !== 'win32') continue;
        control.defineConfigValue(doubleConfigValueOf(entry));
      }
    },
    log: () => readText(c['ReadLog']!),
    clearLog: () => void c['ClearLog']!(),
    setCallLog: (on) => void c['SetCallLog']!(on ? 1 : 0),
    callLogEnabled: () => c['CallLogEnabled']!() !== 0,
    violations: () => readText(c['ReadViolations']!),
    clearViolations: () => void c['ClearViolations']!(),
    script(fn, answer) {
      const bytes =
        typeof answer.bytes === 'string' ? Buffer.from(answer.bytes, 'utf8') : answer.bytes;
      c['Script']!(
        fn,
        toInt64(answer.returns),
        answer.floatReturn ?? 0,
        bytes ?? null,
        bytes === undefined ? -1 : bytes.byteLength,
        toInt64(answer.aux),
        toInt64(answer.aux2),
      );
    },
    pendingScripts: () => c['PendingScripts']!() as number,
    failInit: (result, message) => void c['FailInit']!(result, message),
    setInterfaceNull: (isNull) => void c['SetInterfaceNull']!(isNull ? 1 : 0),
    isInitialized: () => c['IsInitialized']!() !== 0,
    shutdownCount: () => c['ShutdownCount']!() as number,
    manualDispatchInitialized: () => c['ManualDispatchInitialized']!() !== 0,
    advanceTime: (ms) => void c['AdvanceTime']!(BigInt(Math.round(ms))),
    setRelayTimings: (configMs, pingMs) =>
      void c['SetRelayTimings']!(BigInt(Math.round(configMs)), BigInt(Math.round(pingMs))),
    setPOP: (popId, directPing, via = 0, viaPing = -1) =>
      void c['SetPOP']!(popId, directPing, via, viaPing),
    clearPOPs: () => void c['ClearPOPs']!(),
    addFakeIP: (ip, port, steamId) => void c['AddFakeIP']!(ip, port, steamId),
    defineConfigValue(value) {
      const d = value.defaultValue;
      const result = c['DefineConfigValue']!(
        value.id,
        value.name,
        value.dataType,
        value.scope,
        flagsOf(value),
        typeof d === 'bigint' ? d : typeof d === 'number' && Number.isInteger(d) ? BigInt(d) : 0n,
        typeof d === 'number' ? d : 0,
        typeof d === 'string' ? d : '',
        value.min !== undefined && value.max !== undefined ? 1 : 0,
        value.min ?? 0,
        value.max ?? 0,
      );
      if (result !== 0) throw new Error(`RelaylaneDouble_DefineConfigValue refused ${value.name}`);
    },
    openConnection: () => c['OpenConnection']!() as number,
    closeConnection: (connection) => c['CloseConnection']!(connection) !== 0,
    queueCallback: (callbackId, bytes) =>
      void c['QueueCallback']!(callbackId, bytes.byteLength === 0 ? null : bytes, bytes.byteLength),
    pendingCallbacks: () => c['PendingCallbacks']!() as number,
    outstandingCallback: () => c['OutstandingCallback']!() !== 0,
    installedCallback: (configValue) => c['InstalledCallback']!(configValue) as bigint | null,
    invokeGlobalCallback: (configValue, bytes) =>
      c['InvokeGlobalCallback']!(
        configValue,
        bytes.byteLength === 0 ? null : bytes,
        bytes.byteLength,
      ) !== 0,
    debugOutputLevel: () => c['DebugOutputLevel']!() as number,
    debugOutputFunction: () => c['DebugOutputFunction']!() as bigint | null,
    emitDebugOutput: (type, message) => c['EmitDebugOutput']!(type, message) !== 0,
    startDebugOutputThread(count, type, prefix) {
      if (c['StartDebugOutputThread']!(count, type, prefix) === 0) {
        throw new Error(
          'RelaylaneDouble_StartDebugOutputThread: a previous thread was not joined (or none could start)',
        );
      }
    },
    setNetworkingLockTimeout(timeoutMs) {
      c['SetNetworkingLockTimeout']!(timeoutMs);
    },
    debugOutputThreadDelivered: () => c['DebugOutputThreadDelivered']!() as number,
    debugOutputThreadState: () => c['DebugOutputThreadState']!() as number,
    joinDebugOutputThread: () => c['JoinDebugOutputThread']!() as number,
    liveMessages: () => Number(c['LiveMessages']!()),
  };
  doubles.set(path, Object.freeze(control));
  return control;
}
