/**
 * The Steam backend: `NetworkingUtilsBackend` over Steam's flat C API through koffi.
 *
 * Lifecycle:
 * 1. `createSteamBackend(options)` makes it; nothing is loaded yet;
 * 2. `init()` loads the library, sets the app id, calls `SteamAPI_InitFlat`, starts manual dispatch
 *    and gets the `ISteamNetworkingUtils` interface; on failure it throws and leaves nothing behind,
 *    so it may be called again;
 * 3. the service calls the backend's methods, and `runCallbacks(sink)` once a frame;
 * 4. `shutdown()` makes Steam drop every callback, shuts Steam down, releases the callbacks; every
 *    later call throws `BackendStateError` `BACKEND_SHUT_DOWN`.
 *
 * Every output buffer handed to Steam is allocated here with the size the SDK requires, except
 * the caller's 512-byte location buffer (`out`), which Steam fills in place. A ping location the
 * caller passes in (read by Steam, never written) goes to Steam as the caller's own array,
 * without a copy: the backend contract lets the service hand it over that way, and the call is
 * synchronous. Arguments are checked where they enter: the service checks what the game passes
 * (its public API), and the binding checks every value and every buffer's real size against the C
 * signature before native code runs (`native/native-arguments.ts`). This class checks only the
 * arguments it works on in JavaScript before the binding sees them (text it encodes, an address it
 * packs, a callback kind it looks up, an age it clamps), so that a game holding the backend
 * directly gets a TypeError or RangeError naming the method there too, and no object's trap runs.
 */
import { describeValue } from '@relaylane/core';

import {
  type BackendEventSink,
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  type RelayNetworkStatus,
  MAX_PING_LOCATION_TEXT_LENGTH,
} from '../../port/networking-utils-backend.js';
import {
  MAX_NETWORKING_PING_LOCATION_STRING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
} from '../../constants/index.js';
import {
  checkBoolean,
  checkFiniteNumber,
  checkIntegerInRange,
  checkPingLocation,
  checkString,
  checkUint32,
} from '../../port/argument-checks.js';
import { backendShutDownError, runCallbacksReentrantError } from '../../port/backend-errors.js';
import { type BackendEvent } from '../../port/backend-events.js';
import { BackendEventQueue, MAX_QUEUED_DEBUG_MESSAGES } from '../../port/backend-event-queue.js';
import { type NativePointer, type SteamApi } from './native/steam-api.js';
import {
  decodeCallbackMsg,
  decodeIdentity,
  decodeRelayNetworkStatus,
  encodeIPv4Addr,
  readCString,
} from './native/structs.js';
import { DebugOutputRelay } from './debug-output-relay.js';
import { NativeCallbackOwner } from './native-callback-owner.js';
import {
  readCallbackEvent,
  STEAM_API_CALL_COMPLETED_ID,
  STEAM_CALLBACKS,
  steamCallbackById,
} from './steam-callback-events.js';
import {
  encodeConfigArgument,
  readConfigValue,
  readConfigValueInfo,
} from './steam-config-calls.js';
import { SteamBackendStateError } from './steam-errors.js';
import {
  claimSteam,
  releaseSteam,
  type SteamSession,
  type SteamSessionStarter,
} from './steam-session.js';

/** The most POPs `getPOPList` reads (Steam lists well under 100; GodotSteam reads at most 256). */
export const MAX_POP_LIST_LENGTH = 1024;

/** The most manual-dispatch callbacks one `runCallbacks` takes; the rest wait for the next frame. */
export const MAX_DISPATCHED_CALLBACKS_PER_FRAME = 1024;

type CallbackKey = GlobalCallbackKind;

/** Counters for diagnostics and tests. */
export interface SteamBackendDiagnostics {
  /** Callbacks this backend holds registered with koffi (0 after shutdown). */
  readonly registeredCallbacks: number;
  /** Events waiting for `runCallbacks`. */
  readonly queuedEvents: number;
  /** Manual-dispatch callbacks freed without an event: unknown ids, call results, short structs. */
  readonly skippedCallbacks: number;
  /** Debug messages dropped because too many waited (reported at the next delivery). */
  readonly droppedDebugMessages: number;
}

const utf8 = new TextEncoder();

/**
 * `NetworkingUtilsBackend` over the real Steam client library (or anything exporting its C ABI,
 * such as the test double). Node and Electron's main process only.
 */
export class SteamBackend implements NetworkingUtilsBackend {
  readonly kind = 'steam';

  readonly #start: SteamSessionStarter;
  readonly #callbacks = new NativeCallbackOwner<CallbackKey>();
  readonly #queue = new BackendEventQueue();
  /** The worker owning the debug output function, while Steam may call it. */
  #debugOutput: DebugOutputRelay | undefined;
  #session: SteamSession | undefined;
  #state: 'new' | 'running' | 'shut down' = 'new';
  #delivering = false;
  #skippedCallbacks = 0;

  /** @param start starts Steam; `createSteamBackend` builds it from its options. */
  constructor(start: SteamSessionStarter) {
    this.#start = start;
  }

  /** True between a successful `init()` and `shutdown()`. */
  get running(): boolean {
    return this.#state === 'running';
  }

  /** The library file in use (undefined before `init()` succeeded). */
  get libraryPath(): string | undefined {
    return this.#session?.api.path;
  }

  /** Counters for diagnostics and tests. */
  get diagnostics(): SteamBackendDiagnostics {
    this.#drainDebugOutput();
    return {
      registeredCallbacks: this.#callbacks.size + (this.#debugOutput === undefined ? 0 : 1),
      queuedEvents: this.#queue.length,
      skippedCallbacks: this.#skippedCallbacks,
      droppedDebugMessages: this.#queue.droppedDebugMessages,
    };
  }

  /**
   * Starts Steam. On failure nothing stays initialised and it may be called again.
   *
   * @throws SteamLibraryLoadError when the library cannot be found or loaded; SteamInitError
   *   `STEAM_INIT_FAILED` (Steam's reason in the message) or `STEAM_INTERFACE_UNAVAILABLE`;
   *   SteamBackendStateError `STEAM_BACKEND_ALREADY_INITIALIZED`, or `STEAM_ALREADY_RUNNING` when
   *   another backend runs Steam through the same library; BackendStateError `BACKEND_SHUT_DOWN`.
   */
  init(): void {
    if (this.#state === 'running') {
      throw new SteamBackendStateError(
        'STEAM_BACKEND_ALREADY_INITIALIZED',
        'SteamBackend.init: Steam is already initialised by this backend; call init() once.',
      );
    }
    this.#requireNotShutDown('init');
    // The starter refuses a library another backend runs Steam through, before SteamAPI_InitFlat.
    const session = this.#start();
    claimSteam(session.api.path, this);
    this.#session = session;
    this.#state = 'running';
  }

  // Relay network and ping locations ------------------------------------------------------------

  initRelayNetworkAccess(): void {
    const { api, self } = this.#running('initRelayNetworkAccess');
    api.InitRelayNetworkAccess(self);
  }

  getRelayNetworkStatus(): RelayNetworkStatus {
    const { api, self } = this.#running('getRelayNetworkStatus');
    const details = new Uint8Array(api.layout.SteamRelayNetworkStatus_t.size);
    const available = api.GetRelayNetworkStatus(self, details);
    return { ...decodeRelayNetworkStatus(details), available };
  }

  getLocalPingLocation(out: Uint8Array): number {
    const { api, self } = this.#running('getLocalPingLocation');
    // Steam writes the 512 bytes straight into the caller's buffer (the binding checks its real
    // size once more); whatever it left there without a location is zeroed.
    const age = api.GetLocalPingLocation(self, out);
    if (!(age >= 0)) {
      out.fill(0);
      return -1;
    }
    return age;
  }

  // The three functions reading a location take the caller's array itself (see the module
  // comment), not a copy.

  estimatePingTimeBetweenTwoLocations(location1: Uint8Array, location2: Uint8Array): number {
    const { api, self } = this.#running('estimatePingTimeBetweenTwoLocations');
    return api.EstimatePingTimeBetweenTwoLocations(self, location1, location2);
  }

  estimatePingTimeFromLocalHost(location: Uint8Array): number {
    const { api, self } = this.#running('estimatePingTimeFromLocalHost');
    return api.EstimatePingTimeFromLocalHost(self, location);
  }

  convertPingLocationToString(location: Uint8Array): string {
    const { api, self } = this.#running('convertPingLocationToString');
    const text = new Uint8Array(MAX_NETWORKING_PING_LOCATION_STRING);
    api.ConvertPingLocationToString(self, location, text, text.byteLength);
    // Read up to the NUL, and never the last byte: a string that fills the buffer is cut there.
    return readCString(text, 0, text.byteLength - 1);
  }

  parsePingLocationString(text: string, out: Uint8Array): boolean {
    const method = 'SteamBackend.parsePingLocationString';
    // Checked here too: a game may hold this backend without the service in front of it.
    checkString(method, 'text', text, 'the text of a ping location');
    checkPingLocation(method, 'out', out);
    const { api, self } = this.#running('parsePingLocationString');
    // Text no location can be (too long for Steam's buffer, or cut short by a NUL) never reaches
    // Steam: it is answered as Steam answers text it cannot parse.
    const encoded = text.includes('\0') ? undefined : utf8.encode(text);
    if (encoded === undefined || encoded.byteLength > MAX_PING_LOCATION_TEXT_LENGTH) {
      out.fill(0);
      return false;
    }
    const terminated = new Uint8Array(encoded.byteLength + 1);
    terminated.set(encoded);
    // Written in place, as for getLocalPingLocation; zeroed when Steam could not parse the text.
    if (!api.ParsePingLocationString(self, terminated, out)) {
      out.fill(0);
      return false;
    }
    return true;
  }

  checkPingDataUpToDate(maxAgeSeconds: number): boolean {
    checkFiniteNumber(
      'SteamBackend.checkPingDataUpToDate',
      'maxAgeSeconds',
      maxAgeSeconds,
      'the maximum age of the ping data, in seconds',
    );
    const { api, self } = this.#running('checkPingDataUpToDate');
    // A C float holds up to ~3.4e38; any larger age asks for the same thing (no refresh).
    return api.CheckPingDataUpToDate(
      self,
      Math.max(-FLOAT_MAX, Math.min(FLOAT_MAX, maxAgeSeconds)),
    );
  }

  // POPs -----------------------------------------------------------------------------------------

  getPingToDataCenter(popId: number): { ping: number; relayPopId: number } {
    const { api, self } = this.#running('getPingToDataCenter');
    const via = new Uint32Array(1);
    const ping = api.GetPingToDataCenter(self, popId, via);
    return { ping, relayPopId: via[0]! };
  }

  getDirectPingToPOP(popId: number): number {
    const { api, self } = this.#running('getDirectPingToPOP');
    return api.GetDirectPingToPOP(self, popId);
  }

  getPOPCount(): number {
    const { api, self } = this.#running('getPOPCount');
    return Math.max(0, api.GetPOPCount(self));
  }

  getPOPList(): number[] {
    const { api, self } = this.#running('getPOPList');
    const count = Math.min(Math.max(0, api.GetPOPCount(self)), MAX_POP_LIST_LENGTH);
    if (count === 0) {
      return [];
    }
    const list = new Uint32Array(count);
    const written = api.GetPOPList(self, list, count);
    // Steam writes at most `count` ids; a negative or larger answer is not trusted past the buffer.
    return Array.from(list.subarray(0, Math.min(Math.max(0, written), count)));
  }

  getLocalTimestamp(): bigint {
    const { api, self } = this.#running('getLocalTimestamp');
    return BigInt(api.GetLocalTimestamp(self));
  }

  // FakeIP ---------------------------------------------------------------------------------------

  getIPv4FakeIPType(ipv4: number): number {
    const { api, self } = this.#running('getIPv4FakeIPType');
    return api.GetIPv4FakeIPType(self, ipv4);
  }

  getRealIdentityForFakeIP(ipv4: number, port: number): { result: number; steamId: bigint } {
    const method = 'SteamBackend.getRealIdentityForFakeIP';
    checkUint32(method, 'ipv4', ipv4, 'a host-order IPv4 address');
    checkIntegerInRange(method, 'port', port, 0, 0xffff, 'a port');
    const { api, self } = this.#running('getRealIdentityForFakeIP');
    const address = encodeIPv4Addr(ipv4, port);
    const identity = new Uint8Array(api.layout.SteamNetworkingIdentity.size);
    const result = api.GetRealIdentityForFakeIP(self, address, identity);
    return { result, steamId: decodeIdentity(identity).steamId };
  }

  // Config values --------------------------------------------------------------------------------

  setConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: number | bigint | string,
  ): boolean {
    const arg = encodeConfigArgument('SteamBackend.setConfigValue', dataType, value);
    const { api, self } = this.#running('setConfigValue');
    return api.SetConfigValue(self, configValue, scope, scopeObject, dataType, arg);
  }

  getConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
  ): { result: number; dataType: number; bytes: Uint8Array } {
    const { api, self } = this.#running('getConfigValue');
    return readConfigValue(api, self, configValue, scope, scopeObject);
  }

  getConfigValueInfo(
    configValue: number,
  ): { name: string; dataType: number; scope: number } | undefined {
    const { api, self } = this.#running('getConfigValueInfo');
    return readConfigValueInfo(api, self, configValue);
  }

  iterateGenericEditableConfigValues(current: number, enumerateDevVars: boolean): number {
    const { api, self } = this.#running('iterateGenericEditableConfigValues');
    return api.IterateGenericEditableConfigValues(self, current, enumerateDevVars);
  }

  // Debug output and global callbacks ------------------------------------------------------------

  /**
   * `SetDebugOutputFunction`. The function is registered once, by a dedicated worker thread (see
   * `debug-output-relay.ts`), and kept while the level is above NONE. Steam calls it from a service
   * thread while holding its lock: the call waits only for the worker, never for the main thread,
   * and the worker forwards the message without blocking; `runCallbacks` delivers it. The first
   * call above NONE blocks until the worker has started.
   *
   * @throws SteamDebugOutputError `STEAM_DEBUG_OUTPUT_UNAVAILABLE` when the worker cannot start.
   */
  setDebugOutputLevel(detailLevel: number): void {
    const { api, self } = this.#running('setDebugOutputLevel');
    if (detailLevel === NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE) {
      api.SetDebugOutputFunction(self, NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE, null);
      // Steam dropped the pointer in the call above (under its lock, so no call is in flight):
      // only now may it be released. Messages that arrived before are kept for runCallbacks.
      this.#releaseDebugOutput();
      return;
    }
    this.#debugOutput ??= DebugOutputRelay.start({ limit: MAX_QUEUED_DEBUG_MESSAGES });
    api.SetDebugOutputFunction(self, detailLevel, this.#debugOutput.pointer);
  }

  /**
   * `SetGlobalCallback_*`: installs (or, with `enabled` false, removes) a koffi callback that
   * copies the struct it is given and queues the event. The callback stays registered while Steam
   * holds it; a callback Steam refused is released at once.
   */
  setGlobalCallback(kind: GlobalCallbackKind, enabled: boolean): boolean {
    const method = 'SteamBackend.setGlobalCallback';
    // Only an own key of the table: a lookup with an object would run its toString.
    const spec =
      typeof kind === 'string' && Object.prototype.hasOwnProperty.call(STEAM_CALLBACKS, kind)
        ? STEAM_CALLBACKS[kind]
        : undefined;
    if (spec === undefined) {
      throw new RangeError(
        `${method}: kind must be one of ${Object.keys(STEAM_CALLBACKS).join(', ')}, got ${describeValue(kind)}`,
      );
    }
    checkBoolean(method, 'enabled', enabled, 'whether the callback is installed');
    const { api, self } = this.#running('setGlobalCallback');
    const installed = this.#callbacks.pointer(kind);
    if (!enabled) {
      if (installed === undefined) {
        return true;
      }
      const removed = api[spec.setter](self, null);
      // Released only when Steam let go of it; otherwise shutdown() releases it after Steam's end.
      if (removed) {
        this.#callbacks.release(kind);
      }
      return removed;
    }
    const layout = api.layout;
    const size = layout[spec.struct].size;
    const fn =
      installed ??
      this.#callbacks.register(
        kind,
        (pointer: NativePointer | null) => {
          // The struct lives only during this call: readCallbackEvent copies it before returning.
          const event = readCallbackEvent(spec, pointer, size, layout);
          if (event !== undefined) {
            this.#push(event);
          }
        },
        api.callbackTypes[spec.prototype],
      );
    const accepted = api[spec.setter](self, fn);
    if (!accepted && installed === undefined) {
      // Steam did not take the new pointer: nothing can call it.
      this.#callbacks.release(kind);
    }
    return accepted;
  }

  // The frame ------------------------------------------------------------------------------------

  /**
   * Runs Steam's manual dispatch for this frame and delivers every pending event in arrival order:
   * first what the global callbacks and the debug output queued (during earlier calls or this
   * frame's dispatch), then the dispatched callbacks, each copied and decoded before it was freed.
   * Debug messages are taken from the worker that receives them before any other event is queued,
   * so they keep their place among the events; one that Steam's service thread hands over while
   * this runs is delivered in this frame when it arrives before the queue is empty, else in the
   * next.
   */
  runCallbacks(sink: BackendEventSink): void {
    const { api, pipe } = this.#running('runCallbacks');
    if (this.#delivering) throw runCallbacksReentrantError('SteamBackend');
    this.#delivering = true;
    try {
      api.ManualDispatch_RunFrame(pipe);
      this.#dispatch(api, pipe);
      // Debug messages that arrived before the dispatched callbacks keep their place (#push
      // drains before queueing); these are the ones that arrived since. A handler that shuts the
      // backend down clears the queue, which ends the delivery at once.
      this.#drainDebugOutput();
      this.#queue.deliver(sink);
    } finally {
      this.#delivering = false;
    }
  }

  /**
   * Makes Steam drop every callback and the debug output function, shuts Steam down, then
   * releases the callbacks (never before Steam dropped them). Idempotent; every later call throws
   * `BackendStateError` `BACKEND_SHUT_DOWN`. If a native call throws on the way, the rest still runs and the
   * first error is thrown at the end.
   */
  shutdown(): void {
    if (this.#state === 'shut down') {
      return;
    }
    const session = this.#session;
    this.#state = 'shut down';
    this.#session = undefined;
    this.#queue.clear();
    if (session === undefined) {
      return;
    }
    const { api, self } = session;
    const errors: unknown[] = [];
    const attempt = (step: () => void): void => {
      try {
        step();
      } catch (error) {
        errors.push(error);
      }
    };
    for (const kind of Object.keys(STEAM_CALLBACKS) as GlobalCallbackKind[]) {
      if (this.#callbacks.pointer(kind) !== undefined) {
        attempt(() => api[STEAM_CALLBACKS[kind].setter](self, null));
      }
    }
    if (this.#debugOutput !== undefined) {
      attempt(() =>
        api.SetDebugOutputFunction(self, NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE, null),
      );
    }
    attempt(() => api.Shutdown());
    // Steam is down: nothing can call the callbacks any more.
    this.#callbacks.releaseAll();
    attempt(() => this.#releaseDebugOutput());
    // Nothing is delivered after shutdown, not even the debug messages taken off the worker.
    this.#queue.clear();
    releaseSteam(api.path, this);
    if (errors.length > 0) {
      throw errors[0];
    }
  }

  // ----------------------------------------------------------------------------------------------

  #dispatch(api: SteamApi, pipe: number): void {
    const message = new Uint8Array(api.layout.CallbackMsg_t.size);
    for (let taken = 0; taken < MAX_DISPATCHED_CALLBACKS_PER_FRAME; taken++) {
      if (!api.ManualDispatch_GetNextCallback(pipe, message)) {
        return;
      }
      try {
        const { callbackId, param, paramSize } = decodeCallbackMsg(message, api.layout);
        // A call result (703) needs nothing but freeing: this backend makes no API calls.
        const spec =
          callbackId === STEAM_API_CALL_COMPLETED_ID ? undefined : steamCallbackById(callbackId);
        // Decoded now, from a copy of at most m_cubParam bytes: the struct dies at the free below.
        const event =
          spec === undefined ? undefined : readCallbackEvent(spec, param, paramSize, api.layout);
        if (event === undefined) {
          this.#skippedCallbacks++;
        } else {
          this.#push(event);
        }
      } finally {
        api.ManualDispatch_FreeLastCallback(pipe);
      }
    }
  }

  /** Queues an event after the debug messages that arrived before it. */
  #push(event: BackendEvent): void {
    this.#drainDebugOutput();
    this.#queue.push(event);
  }

  /** Moves the debug messages waiting in the worker's port into the queue, oldest first. */
  #drainDebugOutput(): void {
    const relay = this.#debugOutput;
    if (relay === undefined) {
      return;
    }
    const dropped = relay.drain((type, message) =>
      this.#queue.push({ kind: 'debugOutput', type, message }),
    );
    if (dropped > 0) {
      this.#queue.countDroppedDebugMessages(dropped);
    }
  }

  /** Takes the last messages, then ends the worker. Steam must have dropped the function. */
  #releaseDebugOutput(): void {
    const relay = this.#debugOutput;
    if (relay === undefined) {
      return;
    }
    this.#drainDebugOutput();
    this.#debugOutput = undefined;
    relay.release();
  }

  #requireNotShutDown(method: string): void {
    if (this.#state === 'shut down') throw backendShutDownError('SteamBackend', method);
  }

  /** The running session; one field read on the path of every call. */
  #running(method: string): SteamSession {
    const session = this.#session;
    // Set exactly while running: undefined before init() and after shutdown().
    if (session === undefined) {
      this.#notRunning(method);
    }
    return session;
  }

  #notRunning(method: string): never {
    this.#requireNotShutDown(method);
    throw new SteamBackendStateError(
      'STEAM_BACKEND_NOT_INITIALIZED',
      `SteamBackend.${method}: Steam is not initialised. Call init() first (it throws ` +
        'when Steam cannot start; steamBackend() as the backend option calls it for you).',
    );
  }
}

const FLOAT_MAX = 3.4028234663852886e38;
