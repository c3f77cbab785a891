/**
 * The simulated relay network backend: one host of a {@link SimulatedWorld} answering the
 * `NetworkingUtilsBackend` seam the way Steam's relay client would, on simulated time.
 *
 * ## Time and events
 *
 * The host's lifecycle (see `relay-lifecycle.ts` for its cadence and transition table) runs on
 * its clock: the engine's game clock when the plugin creates it, so simulated time advances with
 * `engine.tick(delta)`. `runCallbacks(sink)` advances it to `clock.now()` and delivers every event
 * produced since the last call, in order. Every query also advances it first, so it answers for
 * `clock.now()`; events such a query produces wait for the next `runCallbacks`. Nothing runs from
 * a timer or a microtask, and nothing is delivered outside `runCallbacks`.
 *
 * ## What the queries answer
 *
 * | Query                                   | Before data                                   | Relays lost (FAILED, PREVIOUSLY, RETRYING)  | With data                                                         |
 * | --------------------------------------- | --------------------------------------------- | ------------------------------------------- | ----------------------------------------------------------------- |
 * | `getLocalPingLocation`                  | -1, zeros                                     | last data, its age                          | last data, seconds since that measurement finished               |
 * | `getDirectPingToPOP(pop)`               | UNKNOWN (FAILED once an attempt has failed)  | FAILED                                      | smoothed ping; FAILED if down or it never answered; UNKNOWN if not probed or not yet accurate |
 * | `getPingToDataCenter(pop)`              | as above, `relayPopId` 0                     | FAILED, 0                                   | best of direct and via another POP's relay over the backbone     |
 * | `estimatePingTimeFromLocalHost(loc)`    | UNKNOWN (FAILED once an attempt has failed)  | FAILED                                      | from the full local measurement (every counted POP, unrounded)   |
 * | `estimatePingTimeBetweenTwoLocations`   | UNKNOWN until the network config is fetched   | answered (no local data needed)             | the estimator over both locations, POPs that are down left out   |
 * | `getPOPCount` / `getPOPList`            | 0 / [] until the network config is fetched    | the config's POPs                           | every POP of the world that is not down                          |
 *
 * An unknown POP id always gives UNKNOWN (and `relayPopId` 0). `relayPopId` is the POP whose
 * relay the route enters the relay network through: the data center's own POP when pinging it
 * directly is fastest, another POP when going through that POP's relay and the backbone is
 * faster, 0 when there is no route. (The SDK documents only "the best available relayed route";
 * Relaylane reports the entry relay in every case, so a successful answer never has 0.)
 *
 * Every query that needs the relay network counts as using it (Steam: "performing any action
 * that requires access to the relay network will also trigger a retry"): the first one
 * initializes access, one after a failure retries (at most every 5 s), one on data older than
 * 5 minutes refreshes it. `getRelayNetworkStatus` only retries. Steam does not measure in the
 * background otherwise.
 *
 * ## Config values honoured
 *
 * See `simulation-settings.ts` for the table. `SDRClient_ForceRelayCluster` limits the POPs
 * probed, the local location, `getPingToDataCenter` (other data centers are reached through the
 * forced relays), `getDirectPingToPOP` (other POPs: UNKNOWN) and the local side of
 * `estimatePingTimeFromLocalHost`; `estimatePingTimeBetweenTwoLocations` takes both locations as
 * they are. `SDRClient_FakeClusterPing` replaces the measured ping of the POPs it names (once
 * there is data). Changing the forced cluster or the probe limit while data is CURRENT measures
 * again.
 *
 * ## FakeIP
 *
 * `beginAsyncRequestFakeIP` (a {@link SimulationControls} call) allocates from the world's FakeIP
 * service after {@link FAKE_IP_REQUEST_MS} of simulated time. The result is queued as a
 * `fakeIPResult` event only if `setGlobalCallback('fakeIPResult', true)` is in effect when it
 * arrives (Steam dispatches to the handler in effect when the event happens); the allocation
 * itself stands either way and `getRealIdentityForFakeIP` resolves it.
 *
 * ## Beyond the port
 *
 * `capability(SimulationControlsCapability)` is the host's {@link SimulationControls} (moves,
 * faults, FakeIP requests); `capability(ConsoleCommandsCapability)` its `net.sim.*` commands;
 * `capability(PopDirectoryCapability)` describes the world's POPs.
 */
import { type Clock } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_NEVER_TRIED,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from '../../constants/index.js';
import {
  type BackendCapability,
  ConsoleCommandsCapability,
  type PopDirectory,
  PopDirectoryCapability,
} from '../../port/backend-capability.js';
import { backendShutDownError } from '../../port/backend-errors.js';
import { BackendEventQueue } from '../../port/backend-event-queue.js';
import { passesDebugOutputLevel } from '../../port/debug-output-level.js';
import {
  type BackendEventSink,
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  type RelayNetworkStatus,
} from '../../port/networking-utils-backend.js';
import { derivedFrom, type PreparedPingLocation } from '../../port/prepared-ping-location.js';
import { RECORD_SIZE } from '../../estimator/location-record.js';
import {
  pingLocationFromBytes,
  writePingLocationBytes,
  writeRecordBytes,
} from '../../estimator/ping-location-bytes.js';
import { scanPingLocationText } from '../../estimator/ping-location-text.js';
import { type PingLocation } from '../../estimator/ping-location.js';
import { ConfigStore } from '../../config-store/index.js';
import { type DebugSubsystem, isProduced } from './debug-messages.js';
import { fakeIPTypeOf } from './fake-ip/index.js';
import { HostConditions } from './host-conditions.js';
import { type HostLocation } from './host-location.js';
import { createLifecycleEnvironment } from './lifecycle-environment.js';
import { LocalSideCache } from './local-side.js';
import { LocalTimestamp } from '../../port/local-timestamp.js';
import { RelayLifecycle } from './relay-lifecycle.js';
import {
  type SimulatedWorld,
  type WorldFaultChange,
  type WorldHost,
  type WorldObserver,
} from './simulated-world.js';
import { createSimulationCommands } from './simulation-commands.js';
import { type SimulationControls, SimulationControlsCapability } from './simulation-controls.js';
import { type SimulationSettings, SimulationSettingsCache } from './simulation-settings.js';
import { type ChinaCarrier, type ConnectionType, hashLabel, type Seed } from './world/index.js';

/** Simulated time between `beginAsyncRequestFakeIP` and its result, ms. */
export const FAKE_IP_REQUEST_MS = 150;

/** The SteamID64 of individual account 0 in the public universe; simulated hosts count from it. */
const STEAM_ID_BASE = 76561197960265728n;

/** Options of a {@link SimulatedRelayNetwork}. */
export interface SimulatedRelayNetworkOptions {
  /** The world the host lives in (shared with the other simulated hosts of the process). */
  readonly world: SimulatedWorld;
  /** The clock the lifecycle runs on (the engine's game clock in a game, a `ManualClock` in tests). */
  readonly clock: Clock;
  /** Where the host is: a catalogue city (`'Frankfurt'`) or `{ lat, lon }`. */
  readonly location: HostLocation;
  /** The host's access technology (default `'fiber'`). */
  readonly connection?: ConnectionType | undefined;
  /** For a host in mainland China: its carrier. */
  readonly carrier?: ChinaCarrier | undefined;
  /** The host's label in the world (unique; default: from `seed`, else `host-<n>`). */
  readonly label?: string | undefined;
  /**
   * Names the host's random streams (access latency, probe jitter and loss, fake jitter and
   * loss) when no `label` is given: the label becomes `seed:<seed>`, so it must be unique in the
   * world like a label. Same world seed and same host seed give the same pings; another host
   * seed gives other jitter.
   */
  readonly seed?: Seed | undefined;
  /** The host's SteamID64, for FakeIP requests (default: derived from the label). */
  readonly steamId?: bigint | undefined;
  /** The config store (default: a new one with every value at its default). */
  readonly config?: ConfigStore | undefined;
}

/**
 * A simulated host's `ISteamNetworkingUtils`. See the file comment for what each query answers,
 * and `relay-lifecycle.ts` for the status transitions.
 *
 * ```ts
 * const world = new SimulatedWorld({ seed: 1 });
 * const clock = new ManualClock();
 * const network = new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt' });
 * network.initRelayNetworkAccess();
 * clock.advance(5000);
 * network.runCallbacks(sink); // relayNetworkStatus: ATTEMPTING ... CURRENT
 * network.getPingToDataCenter(popIdFromCode('fra')); // { ping: 3, relayPopId: <fra> }
 * ```
 */
export class SimulatedRelayNetwork
  implements NetworkingUtilsBackend, SimulationControls, WorldObserver
{
  readonly kind = 'simulated';
  readonly world: SimulatedWorld;
  readonly host: WorldHost;
  /** The host's networking config values. */
  readonly config: ConfigStore;
  readonly steamId: bigint;

  readonly #clock: Clock;
  readonly #settings: SimulationSettingsCache;
  readonly #conditions = new HostConditions();
  readonly #lifecycle: RelayLifecycle;
  readonly #local: LocalSideCache;
  readonly #events = new BackendEventQueue();
  readonly #timestamp: LocalTimestamp;
  readonly #callbacks = new Set<GlobalCallbackKind>();
  readonly #unobserve: () => void;
  #debugOutputLevel: number = NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE;
  #shutDown = false;
  #fakeIPRequests: { dueMs: number; portCount: number }[] = [];
  /** The relay settings a measurement depends on, to notice when they change. */
  #probeSettingsKey: string;
  /** The fake lag (send + receive, ms) the current probe history was measured with. */
  #lagMs = 0;
  #consoleCommands: ReturnType<typeof createSimulationCommands> | undefined;

  /**
   * @throws RangeError for an unknown city, coordinates off the globe or an unknown connection
   *   type; `SimulatedWorldError` `SIMULATION_DUPLICATE_HOST_LABEL` when the world already has
   *   the label.
   */
  constructor(options: SimulatedRelayNetworkOptions) {
    this.world = options.world;
    this.#clock = options.clock;
    const label =
      options.label ?? (options.seed === undefined ? undefined : `seed:${options.seed}`);
    this.host = options.world.createHost({
      location: options.location,
      connection: options.connection,
      carrier: options.carrier,
      label,
    });
    this.steamId = options.steamId ?? STEAM_ID_BASE + BigInt(hashLabel(this.host.label));
    this.config = options.config ?? new ConfigStore();
    this.#settings = new SimulationSettingsCache(this.config);
    this.#probeSettingsKey = probeSettingsKey(this.#settings.current);
    this.#lagMs = this.#settings.current.lagSendMs + this.#settings.current.lagRecvMs;
    this.#timestamp = new LocalTimestamp(this.#clock);
    const popUsable = (popIndex: number): boolean => this.#popUsable(popIndex);
    this.#lifecycle = new RelayLifecycle(
      createLifecycleEnvironment({
        world: this.world,
        host: this.host,
        settings: this.#settings,
        conditions: this.#conditions,
        popUsable,
        debug: (type, subsystem, message) => this.#debug(type, subsystem, message),
        statusChanged: (status) => this.#events.push({ kind: 'relayNetworkStatus', status }),
      }),
      this.world.model.pops.length,
      this.#clock.now(),
    );
    this.#local = new LocalSideCache({
      world: this.world,
      host: this.host,
      settings: this.#settings,
      lifecycle: this.#lifecycle,
      popUsable,
    });
    this.#unobserve = this.world.observe(this);
  }

  capability<T>(key: BackendCapability<T>): T | undefined {
    // Each branch hands out the value its key declares (the keys are typed by it).
    if (key === SimulationControlsCapability) return this as SimulationControls as T;
    if (key === ConsoleCommandsCapability) {
      this.#consoleCommands ??= createSimulationCommands(this);
      return this.#consoleCommands as T;
    }
    if (key === PopDirectoryCapability) return this.#popDirectory as T;
    return undefined;
  }

  readonly #popDirectory: PopDirectory = {
    describePop: (popId) => {
      const pop = this.world.model.pops[this.world.model.popIndex(popId)];
      return pop === undefined
        ? undefined
        : { code: pop.code, description: pop.description, lat: pop.lat, lon: pop.lon };
    },
  };

  // NetworkingUtilsBackend ------------------------------------------------------------------------

  initRelayNetworkAccess(): void {
    this.#sync('initRelayNetworkAccess');
    this.#lifecycle.initialize();
  }

  getRelayNetworkStatus(): RelayNetworkStatus {
    this.#sync('getRelayNetworkStatus');
    this.#lifecycle.statusQueried();
    return this.#lifecycle.status();
  }

  getLocalPingLocation(out: Uint8Array): number {
    this.#use('getLocalPingLocation');
    const location = this.#local.location();
    if (location === undefined) {
      out.fill(0);
      return -1;
    }
    writePingLocationBytes(location, out);
    return this.#lifecycle.ageSeconds ?? -1;
  }

  estimatePingTimeBetweenTwoLocations(location1: Uint8Array, location2: Uint8Array): number {
    this.#use('estimatePingTimeBetweenTwoLocations');
    if (this.#lifecycle.config !== NETWORKING_AVAILABILITY_CURRENT) return NETWORKING_PING_UNKNOWN;
    return this.world.estimator.estimateBytes(location1, location2, this.#downTest());
  }

  estimatePingTimeFromLocalHost(location: Uint8Array): number {
    this.#use('estimatePingTimeFromLocalHost');
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return unavailable;
    // With data there is a local side.
    return this.#local.current()!.estimator.estimateBytes(location);
  }

  estimatePreparedBetweenTwoLocations(
    location1: PreparedPingLocation,
    location2: PreparedPingLocation,
  ): number {
    this.#use('estimatePingTimeBetweenTwoLocations');
    if (this.#lifecycle.config !== NETWORKING_AVAILABILITY_CURRENT) return NETWORKING_PING_UNKNOWN;
    return this.world.estimator.estimateLocations(
      decodedOf(location1),
      decodedOf(location2),
      this.#downTest(),
    );
  }

  estimatePreparedFromLocalHost(location: PreparedPingLocation): number {
    this.#use('estimatePingTimeFromLocalHost');
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return unavailable;
    return this.#local.current()!.estimator.estimateLocation(decodedOf(location));
  }

  convertPingLocationToString(location: Uint8Array): string {
    this.#assertOpen('convertPingLocationToString');
    return pingLocationFromBytes(location)?.toString() ?? '';
  }

  parsePingLocationString(text: string, out: Uint8Array): boolean {
    this.#assertOpen('parsePingLocationString');
    // Straight from the text to the bytes through one reused record: nothing is allocated.
    if (!scanPingLocationText(text, parsedRecord, 0)) {
      out.fill(0);
      return false;
    }
    writeRecordBytes(parsedRecord, 0, out);
    return true;
  }

  checkPingDataUpToDate(maxAgeSeconds: number): boolean {
    this.#sync('checkPingDataUpToDate');
    return this.#lifecycle.checkUpToDate(maxAgeSeconds * 1000);
  }

  getPingToDataCenter(popId: number): { ping: number; relayPopId: number } {
    this.#use('getPingToDataCenter');
    const model = this.world.model;
    const target = model.popIndex(popId);
    if (target < 0) return { ping: NETWORKING_PING_UNKNOWN, relayPopId: 0 };
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return { ping: unavailable, relayPopId: 0 };
    if (this.world.isPopDown(popId)) return { ping: NETWORKING_PING_FAILED, relayPopId: 0 };
    const pings = this.#local.current()!.pings;
    // The direct route first: on a tie it wins.
    let best = pings.get(target) ?? Infinity;
    let via = best === Infinity ? -1 : target;
    for (const [relayIndex, relayMs] of pings) {
      if (relayIndex === target) continue;
      const total = relayMs + model.backbone.rttMs(relayIndex, target);
      if (total < best) {
        best = total;
        via = relayIndex;
      }
    }
    if (via < 0) return { ping: NETWORKING_PING_FAILED, relayPopId: 0 };
    return { ping: Math.round(best), relayPopId: model.pops[via]!.id };
  }

  getDirectPingToPOP(popId: number): number {
    this.#use('getDirectPingToPOP');
    const index = this.world.model.popIndex(popId);
    if (index < 0) return NETWORKING_PING_UNKNOWN;
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return unavailable;
    if (this.world.isPopDown(popId)) return NETWORKING_PING_FAILED;
    if (!this.#popUsable(index)) return NETWORKING_PING_UNKNOWN;
    const snapshot = this.#lifecycle.snapshot!;
    const fake = this.#settings.current.fakeClusterPings.get(this.world.model.pops[index]!.code);
    if (fake !== undefined) return fake;
    const measured = snapshot.pings.get(index);
    if (measured !== undefined) return Math.round(measured);
    if (snapshot.unreachable.has(index)) return NETWORKING_PING_FAILED;
    return NETWORKING_PING_UNKNOWN;
  }

  getPOPCount(): number {
    return this.getPOPList().length;
  }

  getPOPList(): number[] {
    this.#use('getPOPList');
    if (this.#lifecycle.config !== NETWORKING_AVAILABILITY_CURRENT) return [];
    return this.world.livePops().map((pop) => pop.id);
  }

  getLocalTimestamp(): bigint {
    this.#assertOpen('getLocalTimestamp');
    return this.#timestamp.now();
  }

  setDebugOutputLevel(detailLevel: number): void {
    this.#assertOpen('setDebugOutputLevel');
    this.#debugOutputLevel = detailLevel;
  }

  getIPv4FakeIPType(ipv4: number): number {
    this.#assertOpen('getIPv4FakeIPType');
    return fakeIPTypeOf(ipv4);
  }

  getRealIdentityForFakeIP(ipv4: number, port: number): { result: number; steamId: bigint } {
    this.#assertOpen('getRealIdentityForFakeIP');
    const { result, steamId } = this.world.fakeIPs.resolve(ipv4, port);
    return { result, steamId };
  }

  setConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: number | bigint | string,
  ): boolean {
    // Run up to now under the old values: the new ones apply from this moment on.
    this.#sync('setConfigValue');
    const changed = this.config.set(configValue, scope, scopeObject, dataType, value);
    if (changed) this.#settingsChanged(configValue);
    return changed;
  }

  getConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
  ): { result: number; dataType: number; bytes: Uint8Array } {
    this.#assertOpen('getConfigValue');
    return this.config.get(configValue, scope, scopeObject);
  }

  getConfigValueInfo(
    configValue: number,
  ): { name: string; dataType: number; scope: number } | undefined {
    this.#assertOpen('getConfigValueInfo');
    return this.config.info(configValue);
  }

  iterateGenericEditableConfigValues(current: number, enumerateDevVars: boolean): number {
    this.#assertOpen('iterateGenericEditableConfigValues');
    return this.config.iterate(current, enumerateDevVars);
  }

  /** Every kind can be installed in the simulation; returns true. */
  setGlobalCallback(kind: GlobalCallbackKind, enabled: boolean): boolean {
    this.#assertOpen('setGlobalCallback');
    if (enabled) this.#callbacks.add(kind);
    else this.#callbacks.delete(kind);
    return true;
  }

  /**
   * Advances the simulation to `clock.now()` and delivers, in order, every event produced since
   * the last call (events the sink's handlers cause wait for the next call).
   *
   * @throws BackendStateError `BACKEND_RUN_CALLBACKS_REENTRANT` when called from inside a delivery.
   */
  runCallbacks(sink: BackendEventSink): void {
    this.#assertOpen('runCallbacks');
    this.#events.refuseReentry('SimulatedRelayNetwork');
    this.#sync('runCallbacks');
    this.#events.deliver(sink);
  }

  /** Stops the lifecycle, leaves the world (releasing the host's FakeIP) and drops pending events. Idempotent. */
  shutdown(): void {
    if (this.#shutDown) return;
    this.#shutDown = true;
    this.#lifecycle.stop();
    this.#unobserve();
    this.world.removeHost(this.host, this.steamId);
    this.#events.clear();
    this.#fakeIPRequests = [];
  }

  // SimulationControls ----------------------------------------------------------------------------

  get offline(): boolean {
    return this.#conditions.offline;
  }

  setOffline(offline: boolean): void {
    this.#sync('setOffline');
    if (!this.#conditions.setOffline(offline)) return;
    this.#debug(
      offline
        ? NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING
        : NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
      'general',
      offline
        ? 'Simulated fault: the host lost its Internet connection'
        : 'Simulated fault cleared: the host is back online',
    );
  }

  get packetLossPercent(): number {
    return this.#conditions.packetLossPercent;
  }

  setPacketLoss(percent: number): void {
    this.#sync('setPacketLoss');
    this.#conditions.setPacketLoss(percent);
  }

  moveTo(location: HostLocation): void {
    this.#sync('moveTo');
    const before = this.host.model;
    this.world.moveHost(this.host, location);
    this.#local.moving(before);
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
      'general',
      `Simulated host moved to ${this.host.locationName}`,
    );
    this.#lifecycle.moved();
  }

  beginAsyncRequestFakeIP(portCount: number): boolean {
    if (!Number.isInteger(portCount)) {
      throw new RangeError(
        `SimulationControls.beginAsyncRequestFakeIP(portCount): portCount must be an integer (1 to 4), got ${String(portCount)}.`,
      );
    }
    this.#sync('beginAsyncRequestFakeIP');
    if (this.#fakeIPRequests.length > 0) return false;
    this.#fakeIPRequests.push({ dueMs: this.#clock.now() + FAKE_IP_REQUEST_MS, portCount });
    return true;
  }

  get pendingEventCount(): number {
    this.#sync('pendingEventCount');
    return this.#events.length;
  }

  peekRelayNetworkStatus(): RelayNetworkStatus {
    this.#sync('peekRelayNetworkStatus');
    return this.#lifecycle.status();
  }

  get now(): number {
    return this.#lifecycle.now;
  }

  /** @internal The local side, for the specs' from-scratch reference estimate. */
  get localSide(): LocalSideCache {
    return this.#local;
  }

  // WorldObserver ---------------------------------------------------------------------------------

  /** @internal Runs the host up to now before the world changes. */
  beforeWorldChange(): void {
    if (!this.#shutDown) this.#sync('beforeWorldChange');
  }

  /** @internal Reports a world fault to this host. */
  afterWorldChange(change: WorldFaultChange): void {
    if (this.#shutDown || this.#lifecycle.config === NETWORKING_AVAILABILITY_NEVER_TRIED) return;
    if (change.kind === 'popDown') {
      this.#debug(
        change.down
          ? NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING
          : NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
        'general',
        change.down
          ? `POP ${change.pop.code} unreachable: its relays stopped answering (simulated fault)`
          : `POP ${change.pop.code} reachable again (simulated fault cleared)`,
      );
    } else {
      this.#debug(
        change.unreachable
          ? NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING
          : NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
        'general',
        change.unreachable
          ? 'Simulated fault: no relay answers any more'
          : 'Simulated fault cleared: relays answer again',
      );
    }
    // The status names the nearest usable POP: say so again if that changed.
    this.#lifecycle.faultsChanged();
  }

  // Internals -------------------------------------------------------------------------------------

  #assertOpen(method: string): void {
    if (this.#shutDown) throw backendShutDownError('SimulatedRelayNetwork', method);
  }

  /** Advances everything to `clock.now()`, FakeIP results in time order with the lifecycle. */
  #sync(method: string): void {
    this.#assertOpen(method);
    const now = this.#clock.now();
    while (this.#fakeIPRequests.length > 0 && this.#fakeIPRequests[0]!.dueMs <= now) {
      const request = this.#fakeIPRequests.shift()!;
      this.#lifecycle.advanceTo(request.dueMs);
      const { result, ip, ports } = this.world.fakeIPs.allocate(this.steamId, request.portCount);
      if (this.#callbacks.has('fakeIPResult')) {
        this.#events.push({
          kind: 'fakeIPResult',
          result,
          steamId: this.steamId,
          ipv4: ip,
          ports,
        });
      }
    }
    this.#lifecycle.advanceTo(now);
    this.#noticeLagChange();
  }

  /**
   * Every sample so far has the old fake lag in it: when the lag changed (through
   * `setConfigValue` or straight in a shared config store), the host forgets them and measures
   * again at once, and the new lag is in its pings, and everything estimated from them, as soon
   * as that measurement is done (a second or two of simulated time). Until then the previous
   * data answers.
   */
  #noticeLagChange(): void {
    const settings = this.#settings.current;
    const lag = settings.lagSendMs + settings.lagRecvMs;
    if (lag === this.#lagMs) return;
    this.#lagMs = lag;
    this.#lifecycle.lagChanged();
  }

  /** Advances, then counts as a use of the relay network (may initialize, retry or refresh). */
  #use(method: string): void {
    this.#sync(method);
    this.#lifecycle.use();
  }

  /**
   * Queues a message that the relay-ping log level produces and the output level asks for (as
   * Steam calls the debug output function only for those).
   */
  #debug(type: number, subsystem: DebugSubsystem, message: string): void {
    if (
      isProduced(type, subsystem, this.#settings.current.relayPingsLogLevel) &&
      passesDebugOutputLevel(type, this.#debugOutputLevel)
    ) {
      this.#events.push({ kind: 'debugOutput', type, message });
    }
  }

  #settingsChanged(configValue: number): void {
    const settings = this.#settings.current;
    if (configValue === NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING) {
      for (const invalid of settings.invalidFakeClusterPings) {
        this.#debug(
          NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
          'general',
          `SDRClient_FakeClusterPing: ignoring '${invalid}' (expected code=ms, e.g. sto=32,iad=100)`,
        );
      }
    }
    this.#noticeLagChange();
    const key = probeSettingsKey(settings);
    if (key === this.#probeSettingsKey) return;
    this.#probeSettingsKey = key;
    for (const code of settings.forcedClusters) {
      if (this.world.findPop(code) === undefined) {
        this.#debug(
          NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
          'general',
          `SDRClient_ForceRelayCluster names '${code}', which is not a POP of the network`,
        );
      }
    }
    // Which POPs are probed changed: data that is CURRENT is measured again now.
    if (this.#lifecycle.snapshot !== undefined && !this.#lifecycle.busy) {
      this.#lifecycle.checkUpToDate(-1);
    }
  }

  /** The world's test for POPs that are down, or undefined while none is (the common case). */
  #downTest(): ((popId: number) => boolean) | undefined {
    const world = this.world;
    return world.hasDownPops ? (popId) => world.isPopDown(popId) : undefined;
  }

  /** Whether the POP may be used now: up, and in the forced cluster when one is set. */
  #popUsable(popIndex: number): boolean {
    const pop = this.world.model.pops[popIndex];
    if (pop === undefined || this.world.isPopDown(pop.id)) return false;
    const forced = this.#settings.current.forcedClusters;
    return forced.length === 0 || forced.includes(pop.code);
  }

  /**
   * Why the local data cannot answer a query: before any data, UNKNOWN (FAILED once an attempt
   * has failed); FAILED while the relays are lost; undefined when the data answers.
   */
  #localDataProblem(): number | undefined {
    const lifecycle = this.#lifecycle;
    const relay = lifecycle.relay;
    if (lifecycle.snapshot === undefined) {
      // Negative availabilities (CANNOT_TRY, FAILED, PREVIOUSLY, RETRYING) all mean an attempt
      // has failed: a networking difficulty. Otherwise the data is simply not there yet.
      return relay < 0 || lifecycle.config < 0 ? NETWORKING_PING_FAILED : NETWORKING_PING_UNKNOWN;
    }
    if (relay !== NETWORKING_AVAILABILITY_CURRENT) return NETWORKING_PING_FAILED;
    return undefined;
  }
}

/** The settings that decide which POPs a measurement probes. */
function probeSettingsKey(settings: SimulationSettings): string {
  return `${settings.forcedClusters.join(',')}|${settings.probeNearestN}`;
}

/** The record `parsePingLocationString` reads text into (used within one call, never kept). */
const parsedRecord = new Int32Array(RECORD_SIZE);

/** Marks the simulation's decoded form of a prepared location (see `derivedFrom`). */
const DECODED = {};

/** The location a prepared location holds (undefined: none), decoded on its first estimate. */
function decodedOf(location: PreparedPingLocation): PingLocation | undefined {
  return derivedFrom(location, DECODED, pingLocationFromBytes);
}
