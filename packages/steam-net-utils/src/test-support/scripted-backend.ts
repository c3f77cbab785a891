/**
 * A scripted, in-memory {@link NetworkingUtilsBackend} for the service's unit tests: it records
 * every call with its arguments (by reference, so a test can check what the backend was handed),
 * answers from a table the test edits, and delivers the events the test queues when the service
 * calls `runCallbacks`. It models nothing: each answer is exactly what the test put there.
 */
import {
  type BackendEventSink,
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  PING_LOCATION_BYTES,
  type RelayNetworkStatus,
} from '../port/networking-utils-backend.js';
import {
  FAKE_IP_TYPE_NOT_FAKE,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_TIMEOUT_CONNECTED,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_GET_CONFIG_VALUE_OK,
  RESULT_OK,
} from '../constants/index.js';

/** What the scripted backend answers; a test changes a field before the call it scripts. */
export interface ScriptedAnswers {
  relayNetworkStatus: RelayNetworkStatus;
  /** `getLocalPingLocation`: the age returned and the bytes written into the caller's buffer. */
  localPingLocation: { age: number; bytes: Uint8Array };
  estimatePingTimeBetweenTwoLocations: number;
  estimatePingTimeFromLocalHost: number;
  convertPingLocationToString: string;
  /** `parsePingLocationString`: the result returned and the bytes written (whatever the result). */
  parsePingLocationString: { success: boolean; bytes: Uint8Array };
  checkPingDataUpToDate: boolean;
  getPingToDataCenter: { ping: number; relayPopId: number };
  getDirectPingToPOP: number;
  getPOPCount: number;
  getPOPList: number[];
  getLocalTimestamp: bigint;
  getIPv4FakeIPType: number;
  getRealIdentityForFakeIP: { result: number; steamId: bigint };
  setConfigValue: boolean;
  getConfigValue: { result: number; dataType: number; bytes: Uint8Array };
  getConfigValueInfo: { name: string; dataType: number; scope: number } | undefined;
  iterateGenericEditableConfigValues: number;
  setGlobalCallback: boolean;
}

/** One recorded call: the backend method and its arguments as received. */
export interface RecordedCall {
  readonly method: keyof NetworkingUtilsBackend;
  readonly args: readonly unknown[];
}

/** Bytes 1, 2, 3, ... (mod 256): a recognisable non-zero location. */
export function patternBytes(length: number = PING_LOCATION_BYTES, start: number = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    bytes[i] = (start + i) % 256;
  }
  return bytes;
}

/** Answers of a ready relay network, each distinct so that a test can tell them apart. */
export function defaultScriptedAnswers(): ScriptedAnswers {
  const int32 = new Uint8Array(4);
  new DataView(int32.buffer).setInt32(0, 10000, true);
  return {
    relayNetworkStatus: {
      available: NETWORKING_AVAILABILITY_CURRENT,
      pingMeasurementInProgress: 0,
      availableNetworkConfig: NETWORKING_AVAILABILITY_CURRENT,
      availableAnyRelay: NETWORKING_AVAILABILITY_CURRENT,
      debugMessage: 'scripted: ready',
    },
    localPingLocation: { age: 3.5, bytes: patternBytes(PING_LOCATION_BYTES, 1) },
    estimatePingTimeBetweenTwoLocations: 87,
    estimatePingTimeFromLocalHost: 42,
    convertPingLocationToString: 'scripted-location',
    parsePingLocationString: { success: true, bytes: patternBytes(PING_LOCATION_BYTES, 7) },
    checkPingDataUpToDate: true,
    getPingToDataCenter: { ping: 31, relayPopId: 0x00667261 },
    getDirectPingToPOP: 29,
    getPOPCount: 3,
    getPOPList: [0x00667261, 0x00616d73, 0x006c6872],
    getLocalTimestamp: 3_000_000_000_000n,
    getIPv4FakeIPType: FAKE_IP_TYPE_NOT_FAKE,
    getRealIdentityForFakeIP: { result: RESULT_OK, steamId: 76561197960287930n },
    setConfigValue: true,
    getConfigValue: {
      result: NETWORKING_GET_CONFIG_VALUE_OK,
      dataType: NETWORKING_CONFIG_TYPE_INT32,
      bytes: int32,
    },
    getConfigValueInfo: {
      name: 'TimeoutConnected',
      dataType: NETWORKING_CONFIG_TYPE_INT32,
      scope: NETWORKING_CONFIG_SCOPE_CONNECTION,
    },
    iterateGenericEditableConfigValues: NETWORKING_CONFIG_TIMEOUT_CONNECTED,
    setGlobalCallback: true,
  };
}

/** The scripted backend; see the file comment. */
export class ScriptedBackend implements NetworkingUtilsBackend {
  readonly kind = 'simulated' as const;
  /** Every call, in order. */
  readonly calls: RecordedCall[] = [];
  /** What the next calls answer. */
  answers: ScriptedAnswers = defaultScriptedAnswers();
  /** The buffers the backend wrote into, by reference (to check the caller never gets them). */
  readonly writtenBuffers: Uint8Array[] = [];
  /** The sink of the last `runCallbacks`, kept to test what happens when a backend misuses it. */
  lastSink: BackendEventSink | undefined = undefined;
  /** How many times `shutdown` was called. */
  shutdownCount = 0;

  readonly #pendingEvents: ((sink: BackendEventSink) => void)[] = [];

  /** Queues an event, delivered by the next `runCallbacks` (events queued while delivering too). */
  queueEvent(deliver: (sink: BackendEventSink) => void): void {
    this.#pendingEvents.push(deliver);
  }

  /** The argument lists of every call of `method`, in order. */
  argsOf(method: keyof NetworkingUtilsBackend): (readonly unknown[])[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  initRelayNetworkAccess(): void {
    this.#record('initRelayNetworkAccess', []);
  }

  getRelayNetworkStatus(): RelayNetworkStatus {
    this.#record('getRelayNetworkStatus', []);
    return this.answers.relayNetworkStatus;
  }

  getLocalPingLocation(out: Uint8Array): number {
    this.#record('getLocalPingLocation', [out]);
    out.set(this.answers.localPingLocation.bytes);
    this.writtenBuffers.push(out);
    return this.answers.localPingLocation.age;
  }

  estimatePingTimeBetweenTwoLocations(location1: Uint8Array, location2: Uint8Array): number {
    this.#record('estimatePingTimeBetweenTwoLocations', [location1, location2]);
    return this.answers.estimatePingTimeBetweenTwoLocations;
  }

  estimatePingTimeFromLocalHost(location: Uint8Array): number {
    this.#record('estimatePingTimeFromLocalHost', [location]);
    return this.answers.estimatePingTimeFromLocalHost;
  }

  convertPingLocationToString(location: Uint8Array): string {
    this.#record('convertPingLocationToString', [location]);
    return this.answers.convertPingLocationToString;
  }

  parsePingLocationString(text: string, out: Uint8Array): boolean {
    this.#record('parsePingLocationString', [text, out]);
    out.set(this.answers.parsePingLocationString.bytes);
    this.writtenBuffers.push(out);
    return this.answers.parsePingLocationString.success;
  }

  checkPingDataUpToDate(maxAgeSeconds: number): boolean {
    this.#record('checkPingDataUpToDate', [maxAgeSeconds]);
    return this.answers.checkPingDataUpToDate;
  }

  getPingToDataCenter(popId: number): { ping: number; relayPopId: number } {
    this.#record('getPingToDataCenter', [popId]);
    return { ...this.answers.getPingToDataCenter };
  }

  getDirectPingToPOP(popId: number): number {
    this.#record('getDirectPingToPOP', [popId]);
    return this.answers.getDirectPingToPOP;
  }

  getPOPCount(): number {
    this.#record('getPOPCount', []);
    return this.answers.getPOPCount;
  }

  getPOPList(): number[] {
    this.#record('getPOPList', []);
    // The same array every time, as a backend caching its list would: the service must copy it.
    return this.answers.getPOPList;
  }

  getLocalTimestamp(): bigint {
    this.#record('getLocalTimestamp', []);
    return this.answers.getLocalTimestamp;
  }

  setDebugOutputLevel(detailLevel: number): void {
    this.#record('setDebugOutputLevel', [detailLevel]);
  }

  getIPv4FakeIPType(ipv4: number): number {
    this.#record('getIPv4FakeIPType', [ipv4]);
    return this.answers.getIPv4FakeIPType;
  }

  getRealIdentityForFakeIP(ipv4: number, port: number): { result: number; steamId: bigint } {
    this.#record('getRealIdentityForFakeIP', [ipv4, port]);
    return { ...this.answers.getRealIdentityForFakeIP };
  }

  setConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: number | bigint | string,
  ): boolean {
    this.#record('setConfigValue', [configValue, scope, scopeObject, dataType, value]);
    return this.answers.setConfigValue;
  }

  getConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
  ): { result: number; dataType: number; bytes: Uint8Array } {
    this.#record('getConfigValue', [configValue, scope, scopeObject]);
    // The answer's own bytes, not a copy: the service must copy them before returning them.
    return { ...this.answers.getConfigValue };
  }

  getConfigValueInfo(
    configValue: number,
  ): { name: string; dataType: number; scope: number } | undefined {
    this.#record('getConfigValueInfo', [configValue]);
    const info = this.answers.getConfigValueInfo;
    return info === undefined ? undefined : { ...info };
  }

  iterateGenericEditableConfigValues(current: number, enumerateDevVars: boolean): number {
    this.#record('iterateGenericEditableConfigValues', [current, enumerateDevVars]);
    return this.answers.iterateGenericEditableConfigValues;
  }

  setGlobalCallback(kind: GlobalCallbackKind, enabled: boolean): boolean {
    this.#record('setGlobalCallback', [kind, enabled]);
    return this.answers.setGlobalCallback;
  }

  runCallbacks(sink: BackendEventSink): void {
    this.#record('runCallbacks', [sink]);
    this.lastSink = sink;
    // Events queued by a listener during delivery are delivered in this same call.
    while (this.#pendingEvents.length > 0) {
      const deliver = this.#pendingEvents.shift();
      deliver?.(sink);
    }
  }

  shutdown(): void {
    this.calls.push({ method: 'shutdown', args: [] });
    this.shutdownCount++;
  }

  // A call after shutdown is a service bug that the tests must see.
  #record(method: keyof NetworkingUtilsBackend, args: readonly unknown[]): void {
    if (this.shutdownCount > 0) {
      throw new Error(`ScriptedBackend.${method} called after shutdown`);
    }
    this.calls.push({ method, args });
  }
}
