/**
 * The simulated relay network backend: one host of a {@link SimulatedWorld} answering the
 * `NetworkingUtilsBackend` seam the way Steam's relay client would, on simulated time.
 *
 * ## Time and events
 *
 * The host's lifecycle (see `relay-lifecycle.ts` for its cadence and transition table) runs on
 * the injected clock. `runCallbacks(sink)` advances it to `clock.now()` and delivers every event
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
 * | `getPingToDataCenter(pop)`              | as above, `viaRelayPop` 0                     | FAILED, 0                                   | best of direct and via another POP's relay over the backbone     |
 * | `estimatePingTimeFromLocalHost(loc)`    | UNKNOWN (FAILED once an attempt has failed)  | FAILED                                      | from the full local measurement (every counted POP, unrounded)   |
 * | `estimatePingTimeBetweenTwoLocations`   | UNKNOWN until the network config is fetched   | answered (no local data needed)             | the estimator over both locations, POPs that are down left out   |
 * | `getPOPCount` / `getPOPList`            | 0 / [] until the network config is fetched    | the config's POPs                           | every POP of the world that is not down                          |
 *
 * An unknown POP id always gives UNKNOWN (and `viaRelayPop` 0). `viaRelayPop` is the POP whose
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
 * {@link SimulatedRelayNetwork.beginAsyncRequestFakeIP} allocates from the world's FakeIP
 * service after {@link FAKE_IP_REQUEST_MS} of simulated time. The result is queued as a
 * `fakeIPResult` event only if `setGlobalCallback('fakeIPResult', true)` is in effect when it
 * arrives (Steam dispatches to the handler in effect when the event happens); the allocation
 * itself stands either way and `getRealIdentityForFakeIP` resolves it.
 */
import { type Clock, RelaylaneError } from '@relaylane/core';

import {
  type BackendEventSink,
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  type RelayNetworkStatus,
} from '../../port/networking-utils-backend.js';
import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_NEVER_TRIED,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
} from '../../constants/index.js';
import { SimulatedConfigStore } from './config/index.js';
import { type DebugSubsystem, isProduced } from './debug-messages.js';
import { fakeIPTypeOf } from './fake-ip/index.js';
import { type HostLocation } from './host-location.js';
import { LocalTimestamp } from './local-timestamp.js';
import {
  applyInjectedConditions,
  hasInjectedDelay,
  injectedLossProbability,
} from './network-faults.js';
import {
  derivedFrom,
  type PreparedPingLocation,
  preparedPingLocationBytes,
} from '../../port/prepared-ping-location.js';
import { PendingEvents } from './pending-events.js';
import {
  DecodedPingLocation,
  decodePingLocation,
  encodePingLocation,
  formatPingLocation,
  LocalHostEstimator,
  MAX_PING_MS,
  parsePingLocation,
  type PingLocationData,
  pingLocationDataFor,
} from './ping-location/index.js';
import {
  type LifecycleEnvironment,
  type MeasurementSnapshot,
  RelayLifecycle,
} from './relay-lifecycle.js';
import {
  type SimulatedWorld,
  type WorldFaultChange,
  type WorldHost,
  type WorldObserver,
  withoutPops,
} from './simulated-world.js';
import { type SimulationSettings, SimulationSettingsCache } from './simulation-settings.js';
import {
  type ChinaCarrier,
  type ConnectionType,
  greatCircleKm,
  hashLabel,
  type ProbeOutcome,
  type Seed,
  type SimulatedHost,
} from './world/index.js';

/** Simulated time between `beginAsyncRequestFakeIP` and its result, ms. */
export const FAKE_IP_REQUEST_MS = 150;

/** The SteamID64 of individual account 0 in the public universe; simulated hosts count from it. */
const STEAM_ID_BASE = 76561197960265728n;

/** Options of a {@link SimulatedRelayNetwork}. */
export interface SimulatedRelayNetworkOptions {
  /** The world the host lives in (shared with the other simulated hosts of the process). */
  readonly world: SimulatedWorld;
  /** The clock the lifecycle runs on (a `ManualClock` in tests, the engine's clock in a game). */
  readonly clock: Clock;
  /** Where the host is: a catalogue city (`'Frankfurt'`) or `{ lat, lon }`. */
  readonly location: HostLocation;
  /** The host's access technology (default `'fiber'`). */
  readonly connection?: ConnectionType;
  /** For a host in mainland China: its carrier. */
  readonly carrier?: ChinaCarrier;
  /** The host's label in the world (unique; default: from `seed`, else `host-<n>`). */
  readonly label?: string;
  /**
   * Names the host's random streams (access latency, probe jitter and loss, fake jitter and
   * loss) when no `label` is given: the label becomes `seed:<seed>`, so it must be unique in the
   * world like a label. Same world seed and same host seed give the same pings; another host
   * seed gives other jitter.
   */
  readonly seed?: Seed;
  /** The host's SteamID64, for FakeIP requests (default: derived from the label). */
  readonly steamId?: bigint;
  /** The config store (default: a new one with every value at its default). */
  readonly config?: SimulatedConfigStore;
}

/**
 * Everything derived from the local measurement, with the inputs it was derived from. It is
 * stale as soon as any input differs (compared by identity; see `#localSide`).
 */
interface LocalSide {
  /** The measurement. */
  readonly snapshot: MeasurementSnapshot;
  /** The host model the measurement belongs to (changes when the host is moved). */
  readonly host: SimulatedHost;
  /** The config values in effect (a new object after every change of the config store). */
  readonly settings: SimulationSettings;
  /** The world's fault revision (POPs down, relays unreachable). */
  readonly faultRevision: number;
  /** The effective pings, by model POP index. */
  readonly pings: ReadonlyMap<number, number>;
  /** The local anchor, fake lag included. */
  readonly anchor: { readonly hubIndex: number; readonly accessMs: number } | undefined;
  /** The local ping location's content, built on first use. */
  data: PingLocationData | undefined;
}

/** The error a simulated network throws when used wrongly (after shutdown, re-entered). */
export class SimulatedNetworkError extends RelaylaneError {}

/** The host's cheapest entry hub and its access round trip (unrounded), as a location's anchor. */
function anchorOf(
  world: SimulatedWorld,
  host: SimulatedHost,
): { hubIndex: number; accessMs: number } | undefined {
  const internet = world.model.internet;
  const point = internet.locate(host.place, host.place.countryCode);
  let best: { hubIndex: number; accessMs: number } | undefined;
  for (const attachment of point.attachments) {
    const accessMs = internet.accessRttMs(attachment) + host.accessRttMs;
    if (best === undefined || accessMs < best.accessMs) {
      best = { hubIndex: attachment.hub, accessMs };
    }
  }
  return best;
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
 * network.runCallbacks(sink); // relay_network_status: ATTEMPTING ... CURRENT
 * network.getPingToDataCenter(popIdFromCode('fra')); // { ping: 3, viaRelayPop: <fra> }
 * ```
 */
export class SimulatedRelayNetwork implements NetworkingUtilsBackend, WorldObserver {
  readonly kind = 'simulated' as const;
  /** The world the host lives in. */
  readonly world: SimulatedWorld;
  /** The host in the world. */
  readonly host: WorldHost;
  /** The host's networking config values. */
  readonly config: SimulatedConfigStore;
  /** The host's SteamID64 (FakeIP requests are made for it). */
  readonly steamId: bigint;

  readonly #clock: Clock;
  readonly #settings: SimulationSettingsCache;
  readonly #lifecycle: RelayLifecycle;
  readonly #events = new PendingEvents();
  readonly #timestamp: LocalTimestamp;
  readonly #callbacks = new Set<GlobalCallbackKind>();
  readonly #unobserve: () => void;
  #debugOutputLevel: number = NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE;
  #offline = false;
  #packetLossPercent = 0;
  #delivering = false;
  #shutDown = false;
  /** The host model the current data was measured at, while it differs from the host's (after a move). */
  #measuredAt: { snapshot: MeasurementSnapshot | undefined; host: SimulatedHost } | undefined;
  #fakeIPRequests: { dueMs: number; portCount: number }[] = [];
  /** The relay settings a measurement depends on, to notice when they change. */
  #probeSettingsKey: string;
  /** What the local measurement gives, while its inputs are unchanged (see `#localSide`). */
  #local: LocalSide | undefined;
  /** Estimates from this host, its local side set from {@link #local} whenever that is rebuilt. */
  #localEstimator: LocalHostEstimator | undefined;

  /**
   * @throws RangeError for an unknown city, coordinates off the globe or an unknown connection
   *   type; `SimulatedWorldError` `DUPLICATE_HOST_LABEL` when the world already has the label.
   */
  constructor(options: SimulatedRelayNetworkOptions) {
    this.world = options.world;
    this.#clock = options.clock;
    const label =
      options.label ?? (options.seed === undefined ? undefined : `seed:${options.seed}`);
    this.host = options.world.createHost({
      location: options.location,
      ...(options.connection === undefined ? {} : { connection: options.connection }),
      ...(options.carrier === undefined ? {} : { carrier: options.carrier }),
      ...(label === undefined ? {} : { label }),
    });
    this.steamId = options.steamId ?? STEAM_ID_BASE + BigInt(hashLabel(this.host.label));
    this.config = options.config ?? new SimulatedConfigStore();
    this.#settings = new SimulationSettingsCache(this.config);
    this.#probeSettingsKey = probeSettingsKey(this.#settings.current);
    this.#timestamp = new LocalTimestamp(this.#clock);
    this.#lifecycle = new RelayLifecycle(
      this.#environment(),
      this.world.model.pops.length,
      this.#clock.now(),
    );
    this.#unobserve = this.world.observe(this);
  }

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
    const local = this.#localSide();
    if (local === undefined) {
      out.fill(0);
      return -1;
    }
    local.data ??= this.#localLocationData(local);
    encodePingLocation(local.data, out);
    return this.#lifecycle.ageSeconds ?? -1;
  }

  estimatePingTimeBetweenTwoLocations(location1: Uint8Array, location2: Uint8Array): number {
    this.#use('estimatePingTimeBetweenTwoLocations');
    if (this.#lifecycle.config !== NETWORKING_AVAILABILITY_CURRENT) return NETWORKING_PING_UNKNOWN;
    if (!this.world.hasDownPops) return this.world.estimator.estimate(location1, location2);
    const a = decodePingLocation(location1, 'ignored');
    const b = decodePingLocation(location2, 'ignored');
    if (a === undefined || b === undefined) return NETWORKING_PING_UNKNOWN;
    const down = (popId: number): boolean => this.world.isPopDown(popId);
    return this.world.estimator.estimateData(withoutPops(a, down), withoutPops(b, down));
  }

  estimatePingTimeFromLocalHost(location: Uint8Array): number {
    this.#use('estimatePingTimeFromLocalHost');
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return unavailable;
    // With data there is a local side; its estimator was set from it when it was built.
    this.#localSide();
    return this.#localEstimator!.estimate(location);
  }

  estimatePreparedBetweenTwoLocations(
    location1: PreparedPingLocation,
    location2: PreparedPingLocation,
  ): number {
    if (this.world.hasDownPops) {
      // Rare (a fault injected by hand): the byte path leaves out the POPs that are down.
      return this.estimatePingTimeBetweenTwoLocations(
        preparedPingLocationBytes(location1),
        preparedPingLocationBytes(location2),
      );
    }
    this.#use('estimatePingTimeBetweenTwoLocations');
    if (this.#lifecycle.config !== NETWORKING_AVAILABILITY_CURRENT) return NETWORKING_PING_UNKNOWN;
    return this.world.estimator.estimateDecoded(decodedOf(location1), decodedOf(location2));
  }

  estimatePreparedFromLocalHost(location: PreparedPingLocation): number {
    this.#use('estimatePingTimeFromLocalHost');
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return unavailable;
    this.#localSide();
    return this.#localEstimator!.estimateDecoded(decodedOf(location));
  }

  /**
   * @internal {@link estimatePingTimeFromLocalHost} computed from scratch, without the cached
   * local side and without counting as a use of the relay network: the reference the cache is
   * checked against.
   */
  estimatePingTimeFromLocalHostUncached(location: Uint8Array): number {
    this.#sync('estimatePingTimeFromLocalHostUncached');
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return unavailable;
    const decoded = decodePingLocation(location, 'ignored');
    if (decoded === undefined) return NETWORKING_PING_UNKNOWN;
    const remote = withoutPops(decoded, (popId) => this.world.isPopDown(popId));
    const model = this.world.model;
    const local = this.#effectivePings();
    let best = Infinity;
    for (const [localIndex, localMs] of local) {
      for (const entry of remote.entries) {
        const remoteIndex = model.popIndex(entry.popId);
        if (remoteIndex < 0) continue;
        const total = localMs + model.backbone.rttMs(localIndex, remoteIndex) + entry.pingMs;
        if (total < best) best = total;
      }
    }
    if (best === Infinity) return NETWORKING_PING_FAILED;
    // As the estimator does: a direct route between the anchors only lowers a relayed estimate.
    const anchor = this.#localAnchor();
    const remoteAnchor = remote.anchor;
    const hubCount = model.internet.topology.hubs.length;
    if (anchor !== undefined && remoteAnchor !== undefined && remoteAnchor.hubIndex < hubCount) {
      const direct =
        anchor.accessMs +
        model.internet.hubRttMs(anchor.hubIndex, remoteAnchor.hubIndex) +
        remoteAnchor.accessMs;
      if (direct < best) best = direct;
    }
    return Math.round(best);
  }

  convertPingLocationToString(location: Uint8Array): string {
    this.#assertOpen('convertPingLocationToString');
    return formatPingLocation(location);
  }

  parsePingLocationString(text: string, out: Uint8Array): boolean {
    this.#assertOpen('parsePingLocationString');
    return parsePingLocation(text, out);
  }

  checkPingDataUpToDate(maxAgeSeconds: number): boolean {
    this.#sync('checkPingDataUpToDate');
    return this.#lifecycle.checkUpToDate(maxAgeSeconds * 1000);
  }

  getPingToDataCenter(popId: number): { ping: number; viaRelayPop: number } {
    this.#use('getPingToDataCenter');
    const model = this.world.model;
    const target = model.popIndex(popId);
    if (target < 0) return { ping: NETWORKING_PING_UNKNOWN, viaRelayPop: 0 };
    const unavailable = this.#localDataProblem();
    if (unavailable !== undefined) return { ping: unavailable, viaRelayPop: 0 };
    if (this.world.isPopDown(popId)) return { ping: NETWORKING_PING_FAILED, viaRelayPop: 0 };
    const pings = this.#localSide()!.pings;
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
    if (via < 0) return { ping: NETWORKING_PING_FAILED, viaRelayPop: 0 };
    return { ping: Math.round(best), viaRelayPop: model.pops[via]!.id };
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
    const { result, dataType, bytes } = this.config.get(configValue, scope, scopeObject);
    return { result, dataType, bytes };
  }

  getConfigValueInfo(
    configValue: number,
  ): { name: string; dataType: number; scope: number } | undefined {
    this.#assertOpen('getConfigValueInfo');
    const info = this.config.info(configValue);
    return info === undefined
      ? undefined
      : { name: info.name, dataType: info.dataType, scope: info.scope };
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
   * @throws SimulatedNetworkError `RUN_CALLBACKS_REENTERED` when called from inside a delivery.
   */
  runCallbacks(sink: BackendEventSink): void {
    this.#assertOpen('runCallbacks');
    if (this.#delivering) {
      throw new SimulatedNetworkError(
        'RUN_CALLBACKS_REENTERED',
        'SimulatedRelayNetwork.runCallbacks was called while it was delivering events (from a ' +
          'signal listener?). Call it once per frame from the host loop only.',
      );
    }
    this.#sync('runCallbacks');
    this.#delivering = true;
    try {
      this.#events.deliver(sink, this.#debugOutputLevel);
    } finally {
      this.#delivering = false;
    }
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

  // Faults and moves --------------------------------------------------------------------------------

  /** True while the host is offline (see {@link setOffline}). */
  get offline(): boolean {
    return this.#offline;
  }

  /**
   * Takes the host's Internet connection away (true) or gives it back (false). Offline, the
   * network config cannot be fetched and no probe is answered; the lifecycle notices through its
   * attempts and keepalives (see the transition table in `relay-lifecycle.ts`). Coming back
   * online changes nothing by itself: the next use of the relay network retries.
   *
   * @throws TypeError when `offline` is not a boolean.
   */
  setOffline(offline: boolean): void {
    if (typeof offline !== 'boolean') {
      throw new TypeError(
        `SimulatedRelayNetwork.setOffline(offline): offline must be true or false, got ${String(offline)}.`,
      );
    }
    this.#sync('setOffline');
    if (this.#offline === offline) return;
    this.#offline = offline;
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

  /** The host's own packet loss, percent (see {@link setPacketLoss}). */
  get packetLossPercent(): number {
    return this.#packetLossPercent;
  }

  /**
   * Drops `percent` % of the host's ping probes and answers, on top of the `FakePacketLoss_*`
   * config values. 100 loses everything, as if every relay were unreachable.
   *
   * @throws RangeError when `percent` is not a number from 0 to 100.
   */
  setPacketLoss(percent: number): void {
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new RangeError(
        `SimulatedRelayNetwork.setPacketLoss(percent): percent must be a number from 0 to 100, got ${String(percent)}.`,
      );
    }
    this.#sync('setPacketLoss');
    this.#packetLossPercent = percent;
  }

  /**
   * Moves the host (the player travels, or switches networks): new base round trips and access
   * latency; the probe history is forgotten and, once the network config is at hand, the host
   * measures again at once. Until that measurement is done, the previous location stays (and
   * ages), as Steam keeps its last data.
   *
   * @throws RangeError for an unknown city or coordinates off the globe.
   */
  moveTo(location: HostLocation): void {
    this.#sync('moveTo');
    const before = this.host.model;
    this.world.moveHost(this.host, location);
    this.#measuredAt = { snapshot: this.#lifecycle.snapshot, host: before };
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
      'general',
      `Simulated host moved to ${this.host.locationName}`,
    );
    this.#lifecycle.moved();
  }

  /**
   * `BeginAsyncRequestFakeIP(portCount)` for this host's SteamID: the world allocates after
   * {@link FAKE_IP_REQUEST_MS}, and the result becomes a `fakeIPResult` event if that global
   * callback is installed then (see the file comment). Returns false, doing nothing, while a
   * request is already in progress; true when a request was started.
   *
   * @throws RangeError when `portCount` is not an integer (out-of-range counts are answered with
   *   `RESULT_INVALID_PARAM`, as Steam does).
   */
  beginAsyncRequestFakeIP(portCount: number): boolean {
    if (!Number.isInteger(portCount)) {
      throw new RangeError(
        `SimulatedRelayNetwork.beginAsyncRequestFakeIP(portCount): portCount must be an integer (1 to 4), got ${String(portCount)}.`,
      );
    }
    this.#sync('beginAsyncRequestFakeIP');
    if (this.#fakeIPRequests.length > 0) return false;
    this.#fakeIPRequests.push({ dueMs: this.#clock.now() + FAKE_IP_REQUEST_MS, portCount });
    return true;
  }

  /** How many events wait for the next {@link runCallbacks}, after advancing to `clock.now()`. */
  get pendingEventCount(): number {
    this.#sync('pendingEventCount');
    return this.#events.size;
  }

  /** The relay status at `clock.now()` without counting as a query (no retry starts). */
  peekRelayNetworkStatus(): RelayNetworkStatus {
    this.#sync('peekRelayNetworkStatus');
    return this.#lifecycle.status();
  }

  /** The simulated time the host has been advanced to, ms on its clock. */
  get now(): number {
    return this.#lifecycle.now;
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
  }

  // Internals -------------------------------------------------------------------------------------

  #assertOpen(method: string): void {
    if (this.#shutDown) {
      throw new SimulatedNetworkError(
        'BACKEND_SHUT_DOWN',
        `SimulatedRelayNetwork.${method} was called after shutdown(). Create a new SimulatedRelayNetwork (or backend) instead.`,
      );
    }
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
        this.#events.push({ kind: 'fakeIPResult', result, steamId: this.steamId, ip, ports });
      }
    }
    this.#lifecycle.advanceTo(now);
  }

  /** Advances, then counts as a use of the relay network (may initialize, retry or refresh). */
  #use(method: string): void {
    this.#sync(method);
    this.#lifecycle.use();
  }

  #debug(type: number, subsystem: DebugSubsystem, message: string): void {
    if (isProduced(type, subsystem, this.#settings.current.relayPingsLogLevel)) {
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

  /**
   * The pings the host's answers come from, by model POP index: the last measurement's smoothed
   * pings of usable POPs, with `SDRClient_FakeClusterPing` replacing (or adding) the POPs it
   * names. Empty without data.
   */
  #effectivePings(): Map<number, number> {
    const snapshot = this.#lifecycle.snapshot;
    const pings = new Map<number, number>();
    if (snapshot === undefined) return pings;
    for (const [popIndex, pingMs] of snapshot.pings) {
      if (this.#popUsable(popIndex)) pings.set(popIndex, pingMs);
    }
    const model = this.world.model;
    for (const [code, pingMs] of this.#settings.current.fakeClusterPings) {
      const pop = this.world.findPop(code);
      if (pop === undefined) continue;
      const popIndex = model.popIndex(pop.id);
      if (this.#popUsable(popIndex)) pings.set(popIndex, pingMs);
    }
    return pings;
  }

  /** The host model the current data belongs to (the previous one until a move is re-measured). */
  #measuredHost(): SimulatedHost {
    const measuredAt = this.#measuredAt;
    if (measuredAt !== undefined && measuredAt.snapshot === this.#lifecycle.snapshot) {
      return measuredAt.host;
    }
    this.#measuredAt = undefined;
    return this.host.model;
  }

  /** The local anchor, fake lag included (it delays every packet, direct ones too). */
  #localAnchor(): { hubIndex: number; accessMs: number } | undefined {
    const anchor = anchorOf(this.world, this.#measuredHost());
    if (anchor === undefined) return undefined;
    const settings = this.#settings.current;
    return { ...anchor, accessMs: anchor.accessMs + settings.lagSendMs + settings.lagRecvMs };
  }

  /**
   * What the local measurement gives, or undefined without data. Built again only when one of
   * its inputs changed: a new measurement, the host model it belongs to (a move), the config
   * values (`SDRClient_ForceRelayCluster` and the POP faults decide which POPs are usable,
   * `SDRClient_FakeClusterPing` replaces pings, fake lag enters the anchor) or the world's
   * faults. Every input is compared on every call, so the cache is never stale.
   */
  #localSide(): LocalSide | undefined {
    const snapshot = this.#lifecycle.snapshot;
    if (snapshot === undefined) return undefined;
    const host = this.#measuredHost();
    const settings = this.#settings.current;
    const faultRevision = this.world.faultRevision;
    const cached = this.#local;
    if (
      cached !== undefined &&
      cached.snapshot === snapshot &&
      cached.host === host &&
      cached.settings === settings &&
      cached.faultRevision === faultRevision
    ) {
      return cached;
    }
    const pings = this.#effectivePings();
    const anchor = this.#localAnchor();
    this.#localEstimator ??= new LocalHostEstimator(this.world.model);
    this.#localEstimator.setLocal({
      pings,
      anchor,
      isPopDown: (popId) => this.world.isPopDown(popId),
    });
    const local: LocalSide = {
      snapshot,
      host,
      settings,
      faultRevision,
      pings,
      anchor,
      data: undefined,
    };
    this.#local = local;
    return local;
  }

  /** The local ping location's content, from the local side's pings, host and anchor. */
  #localLocationData(local: LocalSide): PingLocationData {
    const model = this.world.model;
    const byId = new Map<number, number>();
    for (const [popIndex, pingMs] of local.pings) byId.set(model.pops[popIndex]!.id, pingMs);
    const built = withoutPops(pingLocationDataFor(model, local.host, byId), (popId) =>
      this.world.isPopDown(popId),
    );
    const entries = built.entries;
    const anchor = local.anchor;
    // The builder leaves the anchor out when it does not fit the format; so does fake lag.
    if (anchor === undefined || built.anchor === undefined) return { entries };
    const accessMs = Math.round(anchor.accessMs);
    if (accessMs > MAX_PING_MS) return { entries };
    return { entries, anchor: { hubIndex: anchor.hubIndex, accessMs } };
  }

  /** The host's side of the lifecycle. */
  #environment(): LifecycleEnvironment {
    const world = this.world;
    const model = world.model;
    return {
      settings: (): SimulationSettings => this.#settings.current,
      configReachable: (): boolean =>
        !this.#offline &&
        injectedLossProbability(this.#settings.current, this.#packetLossPercent) < 1,
      measurementCandidates: (): number[] => {
        const place = this.host.place;
        const candidates = model.pops
          .map((pop, popIndex) => ({ popIndex, km: greatCircleKm(place, pop) }))
          .filter(({ popIndex }) => this.#popUsable(popIndex))
          .sort((a, b) => a.km - b.km || a.popIndex - b.popIndex)
          .map(({ popIndex }) => popIndex);
        const limit = this.#settings.current.probeNearestN;
        return limit > 0 ? candidates.slice(0, limit) : candidates;
      },
      popUsable: (popIndex: number): boolean => this.#popUsable(popIndex),
      probe: (popIndex: number, probeIndex: number): ProbeOutcome => {
        const pop = model.pops[popIndex]!;
        if (this.#offline || world.allRelaysUnreachable || world.isPopDown(pop.id)) {
          return { lost: true };
        }
        const hostModel = this.host.model;
        const outcome = model.sampleProbe(hostModel, pop.id, probeIndex);
        const random = world.random.fork(`conditions:${hostModel.label}:${pop.code}:${probeIndex}`);
        return applyInjectedConditions(
          outcome,
          random,
          this.#settings.current,
          this.#packetLossPercent,
        );
      },
      keepaliveCertain: (popIndices: readonly number[]): boolean => {
        const settings = this.#settings.current;
        return (
          !this.#offline &&
          !world.allRelaysUnreachable &&
          injectedLossProbability(settings, this.#packetLossPercent) === 0 &&
          !hasInjectedDelay(settings) &&
          popIndices.every((popIndex) => this.#popUsable(popIndex))
        );
      },
      describeOutage: (): string => {
        const settings = this.#settings.current;
        if (this.#offline) return 'the host is offline';
        if (world.allRelaysUnreachable) return 'no relay answers';
        if (injectedLossProbability(settings, this.#packetLossPercent) >= 1) {
          return '100% packet loss';
        }
        if (settings.forcedClusters.length > 0) {
          return `SDRClient_ForceRelayCluster is '${settings.forcedClusters.join(',')}'`;
        }
        return 'no relay answered';
      },
      popCode: (popIndex: number): string => model.pops[popIndex]!.code,
      debug: (type: number, subsystem: DebugSubsystem, message: string): void =>
        this.#debug(type, subsystem, message),
      statusChanged: (status: RelayNetworkStatus): void =>
        this.#events.push({ kind: 'relayNetworkStatus', status }),
    };
  }
}

/** The settings that decide which POPs a measurement probes. */
function probeSettingsKey(settings: SimulationSettings): string {
  return `${settings.forcedClusters.join(',')}|${settings.probeNearestN}`;
}

/** The simulation's decoded form of a prepared location, made on its first estimate. */
function decodedOf(location: PreparedPingLocation): DecodedPingLocation {
  return derivedFrom(location, DecodedPingLocation, DecodedPingLocation.decode);
}
