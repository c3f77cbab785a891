/**
 * The beacons backend: GodotSteam's Networking Utils on pings the player really measured, to
 * beacons the game deploys (one per region, `@relaylane/beacon`), where there is no Steam (a
 * browser, a build without Steam). A beacon is a POP, the round trips the beacons measured between
 * each other are the backbone, and everything above the port works as on Steam: the POP list,
 * pings to data centers through another POP's relay, ping locations in Steam's text, estimates
 * between players on the estimator's kernels.
 *
 * ## Time
 * Probes are timed in real time (the transport's clock, `performance.now()`). Everything else
 * (when to fetch the config, when to measure again, the age of the data) runs on the game clock,
 * so a paused game measures nothing new and a test steps it. Replies arrive between calls; the
 * backend takes them in at its next call (`runCallbacks` or any query), in arrival order, and
 * only `runCallbacks` delivers events.
 *
 * ## The relay network status
 * | field                 | values, in order                                                              |
 * |-----------------------|-------------------------------------------------------------------------------|
 * | network config        | NEVER_TRIED → ATTEMPTING → CURRENT; FAILED when the fetch fails, RETRYING on the next attempt (every `retryIntervalMs` while something needs it); a list without a URL is CURRENT at once |
 * | any relay             | NEVER_TRIED; WAITING while the config is fetched; CANNOT_TRY when it failed; ATTEMPTING during the first round; CURRENT when a beacon answered; FAILED when the first round had no answer, PREVIOUSLY when a later one had none; RETRYING while a round after a failure runs |
 * | available             | the config's value until it is CURRENT, then any relay's                      |
 * | measurement           | 1 while a round runs                                                          |
 *
 * ## Rounds
 * A round sends `probesPerBeacon` probes to each beacon. The first starts when the config
 * arrives; the next `refreshIntervalMs` of game time later, or `retryIntervalMs` later while a
 * beacon (or every beacon) did not answer, so recovery follows within that when a fault ends.
 * `checkPingDataUpToDate` starts one at once when the data is older than asked. A beacon whose
 * last round had no answer is down: its ping is FAILED, and no location or estimate goes through
 * it. A config from a URL is fetched again every `configRefreshIntervalMs` (a failed refresh keeps
 * the config in use); beacons it keeps keep their probes.
 *
 * ## Routes
 * `getPingToDataCenter` takes the best of the direct ping and every other beacon's ping plus the
 * backbone from it, with Valve's anti-flap rule: the route in use is kept until another beats it
 * by 10 % + 5 ms. With `SDRClient_ForceRelayCluster` naming a beacon, every route enters there.
 */
import { type Clock } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_ATTEMPTING,
  NETWORKING_AVAILABILITY_CANNOT_TRY,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_FAILED,
  NETWORKING_AVAILABILITY_NEVER_TRIED,
  NETWORKING_AVAILABILITY_PREVIOUSLY,
  NETWORKING_AVAILABILITY_RETRYING,
  NETWORKING_AVAILABILITY_WAITING,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
  RESULT_INVALID_PARAM,
  RESULT_NO_MATCH,
} from '../../constants/index.js';
import { ConfigStore } from '../../config-store/index.js';
import { LocalHostEstimator } from '../../estimator/local-host-estimator.js';
import { buildPingLocation, relayNetworkRoutes } from '../../estimator/location-builder.js';
import { LocationEstimator } from '../../estimator/location-estimator.js';
import { type PingLocation } from '../../estimator/ping-location.js';
import {
  pingLocationFromBytes,
  writePingLocationBytes,
  writeRecordBytes,
} from '../../estimator/ping-location-bytes.js';
import { scanPingLocationText } from '../../estimator/ping-location-text.js';
import { RECORD_SIZE } from '../../estimator/location-record.js';
import { backendShutDownError } from '../../port/backend-errors.js';
import {
  type BackendCapability,
  PopDirectoryCapability,
  type PopDirectory,
} from '../../port/backend-capability.js';
import { BackendEventQueue } from '../../port/backend-event-queue.js';
import { fakeIPTypeOf, isFakeIPv4 } from '../../port/fake-ip-range.js';
import { LocalTimestamp } from '../../port/local-timestamp.js';
import {
  type BackendEventSink,
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  type RelayNetworkStatus,
} from '../../port/networking-utils-backend.js';
import { type ProbeTransport } from '../../port/probe-transport.js';
import {
  type PopMeasurements,
  PopMeasurementsCapability,
  type PopStatistics,
} from '../../port/pop-measurements.js';
import { type BeaconListing, type BeaconNetwork, readBeaconNetwork } from './beacon-network.js';
import {
  type FakeConditions,
  type ProbeRoundSettings,
  type RoundOutcomes,
  runProbeRound,
} from './probe-round.js';
import { ProbeWindow } from './probe-statistics.js';

/** What the backend is built from; `beaconsBackend()` fills in the defaults. */
export interface BeaconsRelayNetworkOptions extends ProbeRoundSettings {
  /** Where the network config is fetched from (a beacon's `/network-config`). */
  readonly networkConfigUrl: string | undefined;
  /** Beacons listed in the options (see `beacon-network.ts`). */
  readonly beacons: readonly BeaconListing[];
  /** Carries the probes. Closed by `shutdown()`. */
  readonly transport: ProbeTransport;
  /** Fetches the config's text (rejects on failure). */
  readonly fetchConfig: (url: string) => Promise<string>;
  /** The game clock: schedules, ages. */
  readonly clock: Clock;
  /** Game time between rounds while every beacon answers, ms. */
  readonly refreshIntervalMs: number;
  /** Game time before a failed fetch or round is tried again, ms. */
  readonly retryIntervalMs: number;
  /** Game time between two fetches of a config from `networkConfigUrl`, ms. */
  readonly configRefreshIntervalMs: number;
  /** Uniform in [0, 1): the fake packet loss. */
  readonly random: () => number;
}

/** The config values that change the probes: Steam's fake lag and loss. */
const FAKE_CONDITION_VALUES: ReadonlySet<number> = new Set([
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV,
]);

/** Steam's status message limit: `m_debugMsg` is a 256-byte buffer. */
const STATUS_MESSAGE_MAX = 255;

/** Valve's anti-flap rule for a route switch: the new route beats the old by 10 % + 5 ms. */
function beatsRoute(candidateMs: number, currentMs: number): boolean {
  return candidateMs < currentMs - (currentMs * 0.1 + 5);
}

/** What the last finished round left: the pings and the location. */
interface LocalData {
  /** Beacon index → ping (the round's median), for the beacons that answered. */
  readonly pings: ReadonlyMap<number, number>;
  readonly location: PingLocation;
  /** Game time when the round finished, ms. */
  readonly atMs: number;
}

/** The network and what hangs off it, once the config is read. */
interface Configured extends BeaconNetwork {
  readonly windows: readonly ProbeWindow[];
  readonly estimator: LocationEstimator;
  /** `EstimatePingTimeFromLocalHost` over this network, fed by each round's pings. */
  readonly localEstimator: LocalHostEstimator;
}

/** See the file comment. */
export class BeaconsRelayNetwork implements NetworkingUtilsBackend, PopMeasurements, PopDirectory {
  readonly kind = 'beacons';
  /** The backend's networking config values, with Steam's rules. */
  readonly config = new ConfigStore();
  readonly #options: BeaconsRelayNetworkOptions;
  readonly #clock: Clock;
  readonly #events = new BackendEventQueue();
  readonly #timestamp: LocalTimestamp;
  /** Completions of async work (fetches, rounds), applied in arrival order by `#sync`. */
  readonly #inbox: (() => void)[] = [];
  readonly #callbacks = new Set<GlobalCallbackKind>();
  readonly #routes = new Map<number, number>();
  readonly #idleWaiters: (() => void)[] = [];
  #configured: Configured | undefined;
  #configState = NETWORKING_AVAILABILITY_NEVER_TRIED;
  #configBusy = false;
  #configFailedAtMs = 0;
  /** When the config in use was fetched (game time); a refresh is due `configRefreshIntervalMs` later. */
  #configFetchedAtMs = 0;
  #configError = '';
  #relayState = NETWORKING_AVAILABILITY_NEVER_TRIED;
  #roundBusy = false;
  #nextRoundAtMs = 0;
  #local: LocalData | undefined;
  #accessRequested = false;
  #debugLevel = 0;
  #lastStatus: RelayNetworkStatus | undefined;
  #shutDown = false;
  /** Fetches and rounds started and not yet finished (their results not yet in the inbox). */
  #inFlight = 0;
  readonly #scratch = new Int32Array(RECORD_SIZE);

  /**
   * A backend that has not started: `initRelayNetworkAccess` (or any query that needs the relay
   * network) starts it. Throws `RelayNetworkConfigError` for a list that makes no network.
   */
  constructor(options: BeaconsRelayNetworkOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#timestamp = new LocalTimestamp(options.clock);
    if (options.networkConfigUrl === undefined) {
      this.#configure(readBeaconNetwork(undefined, options.beacons));
    }
  }

  capability<T>(key: BackendCapability<T>): T | undefined {
    if (
      key === (PopDirectoryCapability as symbol) ||
      key === (PopMeasurementsCapability as symbol)
    ) {
      return this as unknown as T;
    }
    return undefined;
  }

  // PopDirectory and PopMeasurements -----------------------------------------------------------

  describePop(
    popId: number,
  ): { code: string; description: string; lat: number; lon: number } | undefined {
    const network = this.#configured?.network;
    const index = network?.indexOf(popId) ?? -1;
    if (network === undefined || index < 0) return undefined;
    const pop = network.pops[index]!;
    return { code: pop.code, description: pop.description, lat: pop.lat, lon: pop.lon };
  }

  statistics(): PopStatistics[] {
    this.#sync();
    const configured = this.#configured;
    if (configured === undefined) return [];
    return configured.beacons.map((beacon) =>
      configured.windows[beacon.index]!.statistics(beacon.code, beacon.popId),
    );
  }

  get transportName(): string {
    return this.#options.transport.name;
  }

  whenIdle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  // NetworkingUtilsBackend ------------------------------------------------------------------------

  initRelayNetworkAccess(): void {
    this.#use('initRelayNetworkAccess');
  }

  getRelayNetworkStatus(): RelayNetworkStatus {
    this.#assertOpen('getRelayNetworkStatus');
    this.#sync();
    return this.#status();
  }

  getLocalPingLocation(out: Uint8Array): number {
    this.#use('getLocalPingLocation');
    const local = this.#local;
    if (local === undefined) {
      out.fill(0);
      return -1;
    }
    writePingLocationBytes(local.location, out);
    return this.#ageSeconds(local);
  }

  estimatePingTimeBetweenTwoLocations(location1: Uint8Array, location2: Uint8Array): number {
    this.#use('estimatePingTimeBetweenTwoLocations');
    const configured = this.#configured;
    if (configured === undefined) return NETWORKING_PING_UNKNOWN;
    return configured.estimator.estimateBytes(location1, location2, this.#downTest());
  }

  estimatePingTimeFromLocalHost(location: Uint8Array): number {
    this.#use('estimatePingTimeFromLocalHost');
    const problem = this.#localDataProblem();
    if (problem !== undefined) return problem;
    return this.#configured!.localEstimator.estimateBytes(location);
  }

  convertPingLocationToString(location: Uint8Array): string {
    this.#assertOpen('convertPingLocationToString');
    return pingLocationFromBytes(location)?.toString() ?? '';
  }

  parsePingLocationString(text: string, out: Uint8Array): boolean {
    this.#assertOpen('parsePingLocationString');
    if (!scanPingLocationText(text, this.#scratch, 0)) {
      out.fill(0);
      return false;
    }
    writeRecordBytes(this.#scratch, 0, out);
    return true;
  }

  checkPingDataUpToDate(maxAgeSeconds: number): boolean {
    this.#use('checkPingDataUpToDate');
    const local = this.#local;
    if (local !== undefined && this.#ageSeconds(local) <= maxAgeSeconds) return true;
    this.#nextRoundAtMs = Math.min(this.#nextRoundAtMs, this.#clock.now());
    this.#schedule();
    return false;
  }

  getPingToDataCenter(popId: number): { ping: number; relayPopId: number } {
    this.#use('getPingToDataCenter');
    const configured = this.#configured;
    const target = configured?.network.indexOf(popId) ?? -1;
    if (configured === undefined || target < 0)
      return { ping: NETWORKING_PING_UNKNOWN, relayPopId: 0 };
    const problem = this.#localDataProblem();
    if (problem !== undefined) return { ping: problem, relayPopId: 0 };
    if (configured.windows[target]!.down) return { ping: NETWORKING_PING_FAILED, relayPopId: 0 };
    const { pings } = this.#local!;
    const { backbone, size } = configured.network;
    const routeMs = (relay: number): number =>
      relay === target ? pings.get(target)! : pings.get(relay)! + backbone[relay * size + target]!;
    // `SDRClient_ForceRelayCluster` (a region selector's pin): every route enters through that
    // beacon, as on Steam; FAILED while it does not answer.
    const forced = this.#forcedRelay(configured);
    if (forced !== undefined) {
      if (!pings.has(forced)) return { ping: NETWORKING_PING_FAILED, relayPopId: 0 };
      return { ping: Math.round(routeMs(forced)), relayPopId: configured.beacons[forced]!.popId };
    }
    // The direct route first: on a tie it wins.
    let best = pings.has(target) ? target : -1;
    for (const relay of pings.keys()) {
      if (relay !== target && (best < 0 || routeMs(relay) < routeMs(best))) best = relay;
    }
    if (best < 0) return { ping: NETWORKING_PING_FAILED, relayPopId: 0 };
    const current = this.#routes.get(target);
    if (
      current !== undefined &&
      pings.has(current) &&
      !beatsRoute(routeMs(best), routeMs(current))
    ) {
      best = current;
    }
    this.#routes.set(target, best);
    return { ping: Math.round(routeMs(best)), relayPopId: configured.beacons[best]!.popId };
  }

  getDirectPingToPOP(popId: number): number {
    this.#use('getDirectPingToPOP');
    const configured = this.#configured;
    const index = configured?.network.indexOf(popId) ?? -1;
    if (configured === undefined || index < 0) return NETWORKING_PING_UNKNOWN;
    const problem = this.#localDataProblem();
    if (problem !== undefined) return problem;
    const window = configured.windows[index]!;
    if (window.down || !this.#options.transport.canReach(configured.beacons[index]!)) {
      return NETWORKING_PING_FAILED;
    }
    const ping = this.#local!.pings.get(index);
    return ping === undefined ? NETWORKING_PING_UNKNOWN : Math.round(ping);
  }

  getPOPCount(): number {
    return this.getPOPList().length;
  }

  getPOPList(): number[] {
    this.#use('getPOPList');
    return this.#configured?.network.pops.map((pop) => pop.id) ?? [];
  }

  getLocalTimestamp(): bigint {
    this.#assertOpen('getLocalTimestamp');
    return this.#timestamp.now();
  }

  setDebugOutputLevel(detailLevel: number): void {
    this.#assertOpen('setDebugOutputLevel');
    this.#debugLevel = detailLevel;
  }

  getIPv4FakeIPType(ipv4: number): number {
    this.#assertOpen('getIPv4FakeIPType');
    return fakeIPTypeOf(ipv4);
  }

  /** No FakeIP service exists without Steam: a FakeIP matches nothing, another address is invalid. */
  getRealIdentityForFakeIP(ipv4: number, _port: number): { result: number; steamId: bigint } {
    this.#assertOpen('getRealIdentityForFakeIP');
    return { result: isFakeIPv4(ipv4) ? RESULT_NO_MATCH : RESULT_INVALID_PARAM, steamId: 0n };
  }

  setConfigValue(
    configValue: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: number | bigint | string,
  ): boolean {
    this.#assertOpen('setConfigValue');
    const changed = this.config.set(configValue, scope, scopeObject, dataType, value);
    // New fake conditions measure again at once (a round in flight is measured again after it).
    if (changed && FAKE_CONDITION_VALUES.has(configValue)) {
      this.#nextRoundAtMs = Math.min(this.#nextRoundAtMs, this.#clock.now());
    }
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

  /**
   * Every kind can be installed; returns true. Only relay network status and debug output ever
   * happen here (there are no connections, no authentication and no FakeIP service).
   */
  setGlobalCallback(kind: GlobalCallbackKind, enabled: boolean): boolean {
    this.#assertOpen('setGlobalCallback');
    if (enabled) this.#callbacks.add(kind);
    else this.#callbacks.delete(kind);
    return true;
  }

  runCallbacks(sink: BackendEventSink): void {
    this.#assertOpen('runCallbacks');
    this.#events.refuseReentry('BeaconsRelayNetwork');
    this.#sync();
    this.#events.deliver(sink);
  }

  shutdown(): void {
    if (this.#shutDown) return;
    this.#shutDown = true;
    this.#options.transport.close();
    this.#events.clear();
    this.#inbox.length = 0;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  // The lifecycle ---------------------------------------------------------------------------------

  #assertOpen(method: string): void {
    if (this.#shutDown) throw backendShutDownError('BeaconsRelayNetwork', method);
  }

  /** A call that needs the relay network: it starts access (Steam does the same) and syncs. */
  #use(method: string): void {
    this.#assertOpen(method);
    this.#accessRequested = true;
    this.#sync();
  }

  /** Takes in what arrived, starts what is due, and queues a status event if the status changed. */
  #sync(): void {
    for (const apply of this.#inbox.splice(0)) apply();
    this.#schedule();
    const status = this.#status();
    const last = this.#lastStatus;
    if (
      last === undefined ||
      last.available !== status.available ||
      last.availableNetworkConfig !== status.availableNetworkConfig ||
      last.availableAnyRelay !== status.availableAnyRelay ||
      last.pingMeasurementInProgress !== status.pingMeasurementInProgress
    ) {
      this.#lastStatus = status;
      if (last !== undefined || this.#accessRequested) {
        this.#events.push({ kind: 'relayNetworkStatus', status });
      }
    }
  }

  #schedule(): void {
    if (!this.#accessRequested || this.#shutDown) return;
    const now = this.#clock.now();
    if (this.#configured === undefined) {
      if (this.#configBusy) return;
      if (
        this.#configState === NETWORKING_AVAILABILITY_NEVER_TRIED ||
        now - this.#configFailedAtMs >= this.#options.retryIntervalMs
      ) {
        this.#fetchConfig();
      }
      return;
    }
    if (this.#configState !== NETWORKING_AVAILABILITY_CURRENT) {
      this.#configState = NETWORKING_AVAILABILITY_CURRENT;
    }
    // A config from a URL is fetched again now and then: beacons come and go, and the mesh keeps
    // measuring its backbone. A refetch that fails keeps the config in use and tries again later.
    if (
      this.#options.networkConfigUrl !== undefined &&
      !this.#configBusy &&
      now - this.#configFetchedAtMs >= this.#options.configRefreshIntervalMs
    ) {
      this.#fetchConfig();
    }
    if (!this.#roundBusy && now >= this.#nextRoundAtMs) this.#startRound();
  }

  #fetchConfig(): void {
    const url = this.#options.networkConfigUrl!;
    const refreshing = this.#configured !== undefined;
    if (!refreshing) {
      this.#configState =
        this.#configState === NETWORKING_AVAILABILITY_NEVER_TRIED
          ? NETWORKING_AVAILABILITY_ATTEMPTING
          : NETWORKING_AVAILABILITY_RETRYING;
    }
    this.#configBusy = true;
    this.#inFlight++;
    const finish = (apply: () => void): void => {
      this.#inbox.push(() => {
        this.#configBusy = false;
        apply();
      });
      this.#finished();
    };
    this.#options.fetchConfig(url).then(
      (text) =>
        finish(() => {
          try {
            const network = readBeaconNetwork(text, this.#options.beacons);
            this.#configure(network);
            this.#debug(
              NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
              `Network config from ${url}: ${network.beacons.length} beacons` +
                (network.skipped.length > 0 ? `; left out: ${network.skipped.join('; ')}` : ''),
            );
          } catch (error) {
            this.#configFailed(url, (error as Error).message);
          }
        }),
      (error: unknown) =>
        finish(() =>
          this.#configFailed(url, error instanceof Error ? error.message : String(error)),
        ),
    );
  }

  #configFailed(url: string, reason: string): void {
    if (this.#configured !== undefined) {
      // A refresh failed: the config in use stays; the next attempt comes after retryIntervalMs.
      this.#configFetchedAtMs =
        this.#clock.now() - this.#options.configRefreshIntervalMs + this.#options.retryIntervalMs;
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
        `Network config from ${url} could not be refreshed (the one in use stays): ${reason}`,
      );
      return;
    }
    this.#configState = NETWORKING_AVAILABILITY_FAILED;
    this.#configFailedAtMs = this.#clock.now();
    this.#configError = `Network config from ${url} failed: ${reason}`;
    this.#debug(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING, this.#configError);
  }

  /**
   * Puts `network` in use. A beacon that was already known keeps its probes; when the beacons
   * changed, the local data (indexed by beacon) is dropped and a round starts at once.
   */
  #configure(network: BeaconNetwork): void {
    const before = this.#configured;
    const windowOf = new Map(
      before?.beacons.map((beacon) => [beacon.code, before.windows[beacon.index]!]) ?? [],
    );
    this.#configured = {
      ...network,
      windows: network.beacons.map((beacon) => windowOf.get(beacon.code) ?? new ProbeWindow()),
      estimator: new LocationEstimator(network.network),
      localEstimator: new LocalHostEstimator(network.network),
    };
    const sameBeacons =
      before !== undefined &&
      before.beacons.length === network.beacons.length &&
      before.beacons.every((beacon, index) => network.beacons[index]!.code === beacon.code);
    if (before !== undefined && !sameBeacons) {
      this.#local = undefined;
      this.#routes.clear();
      this.#nextRoundAtMs = this.#clock.now();
    } else if (this.#local !== undefined) {
      // The backbone may have changed: the local side is derived from it again.
      this.#configured.localEstimator.setLocal({
        pings: this.#local.pings,
        isPopDown: this.#downTest() ?? (() => false),
      });
    }
    this.#configFetchedAtMs = this.#clock.now();
    this.#configState = NETWORKING_AVAILABILITY_CURRENT;
    this.#configError = '';
  }

  #startRound(): void {
    const configured = this.#configured!;
    this.#roundBusy = true;
    // The first round attempts; a round after one that failed retries; CURRENT stays CURRENT.
    if (this.#relayState === NETWORKING_AVAILABILITY_NEVER_TRIED) {
      this.#relayState = NETWORKING_AVAILABILITY_ATTEMPTING;
    } else if (
      this.#relayState === NETWORKING_AVAILABILITY_FAILED ||
      this.#relayState === NETWORKING_AVAILABILITY_PREVIOUSLY
    ) {
      this.#relayState = NETWORKING_AVAILABILITY_RETRYING;
    }
    const fake = this.#fakeConditions();
    this.#inFlight++;
    void runProbeRound(configured.beacons, this.#options.transport, this.#options, fake).then(
      (outcomes) => {
        this.#inbox.push(() => {
          this.#roundBusy = false;
          if (this.#shutDown) return;
          // Measured over a config that has been replaced since: measure again over the new one.
          if (this.#configured !== configured) this.#nextRoundAtMs = this.#clock.now();
          else this.#finishRound(configured, outcomes, fake);
        });
        this.#finished();
      },
    );
  }

  #finishRound(configured: Configured, outcomes: RoundOutcomes, fake: FakeConditions): void {
    const now = this.#clock.now();
    // A round measured under fake conditions that changed meanwhile measures again at once.
    const current = this.#fakeConditions();
    const stale = current.lagMs !== fake.lagMs || current.loss !== fake.loss;
    const pings = new Map<number, number>();
    let allUp = true;
    for (const beacon of configured.beacons) {
      const window = configured.windows[beacon.index]!;
      // A beacon the transport cannot reach (no endpoint it carries) is not probed, and is not
      // a fault to retry soon: getDirectPingToPOP says FAILED for it.
      const measured = outcomes.get(beacon);
      if (measured === undefined) continue;
      const wasDown = window.down;
      const wasMeasured = window.measured;
      window.addRound(measured);
      if (window.down !== wasDown || (window.down && !wasMeasured)) {
        this.#debug(
          window.down
            ? NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING
            : NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
          window.down
            ? `Beacon ${beacon.code} did not answer`
            : `Beacon ${beacon.code} answers again`,
        );
      }
      if (window.pingMs === undefined) allUp = false;
      else pings.set(beacon.index, window.pingMs);
    }
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE,
      `Ping round: ${configured.beacons
        .map(
          (beacon) =>
            `${beacon.code}=${pings.has(beacon.index) ? Math.round(pings.get(beacon.index)!) : '-'}`,
        )
        .join(' ')}`,
    );
    if (pings.size === 0) {
      this.#relayState =
        this.#local === undefined
          ? NETWORKING_AVAILABILITY_FAILED
          : NETWORKING_AVAILABILITY_PREVIOUSLY;
      this.#local = undefined;
      this.#routes.clear();
    } else {
      if (this.#relayState !== NETWORKING_AVAILABILITY_CURRENT) {
        this.#debug(
          NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
          `Ping measurement done over ${this.#options.transport.name}: ${pings.size} of ${configured.beacons.length} beacons answer${pings.size === 1 ? 's' : ''}`,
        );
      }
      this.#relayState = NETWORKING_AVAILABILITY_CURRENT;
      const network = configured.network;
      const location = buildPingLocation(
        relayNetworkRoutes(network),
        pings,
        (index) => !configured.windows[index]!.down,
      );
      configured.localEstimator.setLocal({ pings, isPopDown: this.#downTest() ?? (() => false) });
      this.#local = { pings, location, atMs: now };
    }
    const interval = allUp ? this.#options.refreshIntervalMs : this.#options.retryIntervalMs;
    this.#nextRoundAtMs = stale ? now : now + interval;
  }

  /** The index of the beacon `SDRClient_ForceRelayCluster` names, or undefined (none, or unknown). */
  #forcedRelay(configured: Configured): number | undefined {
    const code = this.config.effectiveString(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER);
    if (code === '') return undefined;
    const pop = configured.network.pop(code);
    return pop === undefined ? undefined : configured.network.indexOf(pop.id);
  }

  #fakeConditions(): FakeConditions {
    const config = this.config;
    const lagMs =
      Math.max(0, config.effectiveInt32(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND)) +
      Math.max(0, config.effectiveInt32(NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV));
    const send = clampPercent(config.effectiveFloat(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND));
    const recv = clampPercent(config.effectiveFloat(NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV));
    return { lagMs, loss: 1 - (1 - send) * (1 - recv), random: this.#options.random };
  }

  /** One fetch or round has put its result in the inbox. */
  #finished(): void {
    this.#inFlight--;
    if (this.#inFlight === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #downTest(): ((popId: number) => boolean) | undefined {
    const configured = this.#configured;
    if (configured === undefined || !configured.windows.some((window) => window.down))
      return undefined;
    return (popId) => {
      const index = configured.network.indexOf(popId);
      return index >= 0 && configured.windows[index]!.down;
    };
  }

  #localDataProblem(): number | undefined {
    if (this.#configured === undefined) {
      return this.#configState === NETWORKING_AVAILABILITY_FAILED
        ? NETWORKING_PING_FAILED
        : NETWORKING_PING_UNKNOWN;
    }
    if (this.#local !== undefined) return undefined;
    return this.#relayState === NETWORKING_AVAILABILITY_FAILED ||
      this.#relayState === NETWORKING_AVAILABILITY_PREVIOUSLY
      ? NETWORKING_PING_FAILED
      : NETWORKING_PING_UNKNOWN;
  }

  #ageSeconds(local: LocalData): number {
    return Math.max(0, Math.floor((this.#clock.now() - local.atMs) / 1000));
  }

  #status(): RelayNetworkStatus {
    const config = this.#configState;
    let anyRelay = this.#relayState;
    if (this.#configured === undefined) {
      anyRelay =
        config === NETWORKING_AVAILABILITY_NEVER_TRIED
          ? NETWORKING_AVAILABILITY_NEVER_TRIED
          : config === NETWORKING_AVAILABILITY_FAILED
            ? NETWORKING_AVAILABILITY_CANNOT_TRY
            : NETWORKING_AVAILABILITY_WAITING;
    }
    const available = config === NETWORKING_AVAILABILITY_CURRENT ? anyRelay : config;
    return {
      available,
      pingMeasurementInProgress: this.#roundBusy ? 1 : 0,
      availableNetworkConfig: config,
      availableAnyRelay: anyRelay,
      debugMessage: this.#statusMessage(available).slice(0, STATUS_MESSAGE_MAX),
    };
  }

  #statusMessage(available: number): string {
    if (this.#configError !== '') return this.#configError;
    const configured = this.#configured;
    if (configured === undefined)
      return available === NETWORKING_AVAILABILITY_NEVER_TRIED ? '' : 'Fetching the network config';
    const down = configured.beacons.filter((beacon) => configured.windows[beacon.index]!.down);
    if (available === NETWORKING_AVAILABILITY_CURRENT) {
      return down.length === 0
        ? answeringBeacons(this.#local?.pings.size ?? 0)
        : `Beacons not answering: ${down.map((beacon) => beacon.code).join(', ')}`;
    }
    if (
      available === NETWORKING_AVAILABILITY_FAILED ||
      available === NETWORKING_AVAILABILITY_PREVIOUSLY
    ) {
      return 'No beacon answers';
    }
    return this.#roundBusy ? 'Pinging the beacons' : '';
  }

  #debug(type: number, message: string): void {
    if (type > this.#debugLevel) return;
    this.#events.push({ kind: 'debugOutput', type, message: `[beacons] ${message}` });
  }
}

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(1, Math.max(0, percent / 100)) : 0;
}

/** `1 beacon answers`, `3 beacons answer`: the status's words for how many beacons answer. */
function answeringBeacons(count: number): string {
  return count === 1 ? '1 beacon answers' : `${count} beacons answer`;
}
