/**
 * The relay network lifecycle of one simulated host, on simulated time: fetching the network
 * config, measuring pings to the POPs, watching the relays while the data is in use, noticing a
 * fault and retrying. It keeps the three `NetworkingAvailability` values Steam reports (the network
 * config, any relay, the summary) and the "ping measurement in progress" flag.
 *
 * ## Cadence
 *
 * - Config fetch: {@link CONFIG_FETCH_MS} plus the fake lag of both directions. While the host is
 *   offline it is tried again every fetch time until {@link CONFIG_TIMEOUT_MS} after the start.
 * - Measurement: a probe round every {@link PROBE_ROUND_INTERVAL_MS}. In each round every POP that
 *   still needs answers gets one probe, unless enough probes to it are already in flight. A POP
 *   is done when it answered at least {@link MIN_FRESH_ANSWERS} times in this measurement and
 *   `SDRClient_MinPingsBeforePingAccurate` times in its life (default 10: about 2.5 s for a first
 *   measurement, under 1 s for a refresh). A probe not answered within {@link PROBE_TIMEOUT_MS}
 *   times out; a POP is given up after `SDRClient_ConsecutitivePingTimeoutsFailInitial` timeouts
 *   in a row if it never answered (default 2), `SDRClient_ConsecutitivePingTimeoutsFail` if it
 *   did (default 4). The measurement ends when every POP is done or given up, or after
 *   {@link MAX_MEASUREMENT_MS}. The first probe to a POP is slower (the latency model's
 *   `sampleProbe`), which the smoothing (mean of the best 2 of the last 3) leaves out.
 * - Watch: while the relays are CURRENT, the host pings its {@link KEEPALIVE_POPS} nearest POPs
 *   every {@link KEEPALIVE_INTERVAL_MS}; `SDRClient_ConsecutitivePingTimeoutsFail` rounds in a row
 *   with no answer mean the relays are lost. (When no injected fault can lose a keepalive, the
 *   rounds are known to succeed and are skipped, so long idle stretches cost nothing.)
 *
 * ## Transitions
 *
 * `summary` is derived: the config's value until the config is CURRENT; then the relays' value,
 * except ATTEMPTING while the first measurement has not finished. "Retry" means: fetch the config
 * again if it is not CURRENT, else measure again with the relays RETRYING.
 *
 * | #  | When                                                 | config      | any relay   | measuring | summary |
 * | -- | ---------------------------------------------------- | ----------- | ----------- | --------- | ------- |
 * | 1  | created                                              | NEVER_TRIED | NEVER_TRIED | 0         | NEVER_TRIED |
 * | 2  | init (or first use), config never obtained           | ATTEMPTING  | WAITING     | 1         | ATTEMPTING |
 * | 3  | config fetched                                       | CURRENT     | ATTEMPTING  | 1         | ATTEMPTING |
 * | 4  | first probe answer                                   | CURRENT     | CURRENT     | 1         | ATTEMPTING |
 * | 5  | measurement done, some POP counted                   | CURRENT     | CURRENT     | 0         | CURRENT |
 * | 6  | offline through a whole config attempt               | FAILED      | CANNOT_TRY  | 0         | FAILED |
 * | 7  | retry after row 6                                    | RETRYING    | WAITING     | 1         | RETRYING |
 * | 8  | measurement done, no POP counted, none ever reached  | CURRENT     | FAILED      | 0         | FAILED |
 * | 9  | relays lost while CURRENT (keepalives unanswered)    | CURRENT     | RETRYING    | 1         | RETRYING |
 * | 10 | measurement done, no POP counted, one reached before | CURRENT     | PREVIOUSLY  | 0         | PREVIOUSLY |
 * | 11 | retry after row 8 or 10                              | CURRENT     | RETRYING    | 1         | RETRYING |
 * | 12 | a retry's first answer, then its success             | CURRENT     | CURRENT     | 1, then 0 | CURRENT (ATTEMPTING until there is data) |
 * | 13 | refresh while CURRENT (stale data asked for, moved)  | CURRENT     | CURRENT     | 1         | CURRENT |
 *
 * ## What starts an attempt (Steam does not retry in the background)
 *
 * - {@link initialize} (`InitRelayNetworkAccess`): starts at once unless an attempt is running or
 *   the data is CURRENT; it forces a retry after a failure.
 * - {@link checkUpToDate} (`CheckPingDataUpToDate`): measures when the data is missing or older
 *   than asked, unless an attempt is running ("you cannot restart a measurement in progress").
 * - {@link use} (any query that needs the relay network): initializes on first use; after a
 *   failure retries once {@link RETRY_BACKOFF_MS} have passed since the last attempt ended;
 *   refreshes data older than {@link PING_DATA_REFRESH_AGE_MS}.
 * - {@link statusQueried} (`GetRelayNetworkStatus`): only the retry after a failure, with the same
 *   back-off; querying never initializes (so NEVER_TRIED can be seen).
 */
import {
  NETWORKING_AVAILABILITY_ATTEMPTING,
  NETWORKING_AVAILABILITY_CANNOT_TRY,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_FAILED,
  NETWORKING_AVAILABILITY_NEVER_TRIED,
  NETWORKING_AVAILABILITY_PREVIOUSLY,
  NETWORKING_AVAILABILITY_RETRYING,
  NETWORKING_AVAILABILITY_WAITING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from '../../constants/index.js';
import { type RelayNetworkStatus } from '../../port/networking-utils-backend.js';
import {
  clampStatusMessage,
  type DebugSubsystem,
  formatMs,
  formatPingList,
  formatStatusLine,
} from './debug-messages.js';
import { PingTable } from './ping-measurement.js';
import { type SimulationSettings } from './simulation-settings.js';
import { Timeline } from './timeline.js';
import { type ProbeOutcome } from './world/index.js';

/** How long fetching the network config takes, before fake lag, ms. */
export const CONFIG_FETCH_MS = 800;
/** How long one config attempt keeps trying before the config is FAILED, ms. */
export const CONFIG_TIMEOUT_MS = 5000;
/** Time between two probe rounds of a measurement, ms. */
export const PROBE_ROUND_INTERVAL_MS = 250;
/** A probe not answered within this time has timed out, ms. */
export const PROBE_TIMEOUT_MS = 1000;
/** Answers every POP gives in each measurement, so a refresh replaces the whole smoothing window. */
export const MIN_FRESH_ANSWERS = 3;
/** A measurement ends after this long whatever is still missing, ms. */
export const MAX_MEASUREMENT_MS = 10_000;
/** Time between two keepalive rounds while the relays are CURRENT, ms. */
export const KEEPALIVE_INTERVAL_MS = 1000;
/** The status's detail while the relays are available. */
function nearestPopDetail(code: string, pingMs: number): string {
  return `Relay network available; nearest POP ${code} (${formatMs(pingMs)})`;
}

/** How many of the nearest POPs each keepalive round pings. */
export const KEEPALIVE_POPS = 3;
/** The least time between the end of a failed attempt and a retry that a query starts, ms. */
export const RETRY_BACKOFF_MS = 5000;
/** Ping data older than this is measured again when something uses it, ms (5 minutes). */
export const PING_DATA_REFRESH_AGE_MS = 300_000;

/** The result of a finished measurement: what the host's location and pings are built from. */
export interface MeasurementSnapshot {
  /** When the measurement finished (clock ms); the data's age counts from here. */
  readonly completedAtMs: number;
  /** Smoothed ping of every POP that counted (answered often enough), by model POP index. */
  readonly pings: ReadonlyMap<number, number>;
  /** POPs probed in that measurement that never answered in it (given up, or timed out). */
  readonly unreachable: ReadonlySet<number>;
  /** Every POP probed in that measurement. */
  readonly probed: ReadonlySet<number>;
}

/** What the lifecycle asks of the host it runs for. */
export interface LifecycleEnvironment {
  /** The config values in effect now. */
  settings(): SimulationSettings;
  /** True when the host can reach Steam's config service now. */
  configReachable(): boolean;
  /** The POPs to probe in a new measurement (model indices, nearest first), after every filter. */
  measurementCandidates(): number[];
  /** True while the POP may be used (up, and in the forced relay cluster if one is set). */
  popUsable(popIndex: number): boolean;
  /** The fate of one probe sent now: lost, or answered after `rttMs` (fake lag and jitter included). */
  probe(popIndex: number, probeIndex: number): ProbeOutcome;
  /** True when no injected fault can lose a probe to any of these POPs. */
  keepaliveCertain(popIndices: readonly number[]): boolean;
  /** Why nothing answers, for messages (`'the host is offline'`). */
  describeOutage(): string;
  /** The POP's code (`'fra'`). */
  popCode(popIndex: number): string;
  /** Produces a debug message (the environment applies the log levels). */
  debug(type: number, subsystem: DebugSubsystem, message: string): void;
  /** Called with the new status every time one of its fields changes. */
  statusChanged(status: RelayNetworkStatus): void;
}

/** Why a measurement runs. */
type MeasurementReason = 'initial' | 'retry' | 'refresh' | 'moved' | 'lag changed' | 'lost';

type Phase = 'idle' | 'config' | 'measuring';

type LifecycleAction =
  | { readonly kind: 'configCheck'; readonly attempt: number }
  | { readonly kind: 'probeRound'; readonly attempt: number }
  | {
      readonly kind: 'probeAnswer';
      readonly attempt: number;
      readonly popIndex: number;
      readonly rttMs: number;
    }
  | { readonly kind: 'probeTimeout'; readonly attempt: number; readonly popIndex: number }
  | { readonly kind: 'keepalive'; readonly watch: number };

interface Measurement {
  readonly startedAtMs: number;
  readonly candidates: readonly number[];
  readonly givenUp: Set<number>;
}

/** The summary availability from the config's and the relays' (see the table in the file comment). */
export function summarizeAvailability(config: number, relay: number, hasData: boolean): number {
  if (config !== NETWORKING_AVAILABILITY_CURRENT) return config;
  if (relay === NETWORKING_AVAILABILITY_CURRENT) {
    return hasData ? NETWORKING_AVAILABILITY_CURRENT : NETWORKING_AVAILABILITY_ATTEMPTING;
  }
  return relay;
}

/** One host's relay network lifecycle. Driven by {@link advanceTo}; never reads a clock itself. */
export class RelayLifecycle {
  readonly #env: LifecycleEnvironment;
  readonly #timeline = new Timeline<LifecycleAction>();
  #table: PingTable;
  #now: number;
  /** The time {@link advanceTo} is running up to (keepalives that cannot fail jump past it). */
  #limit: number;

  #config: number = NETWORKING_AVAILABILITY_NEVER_TRIED;
  #relay: number = NETWORKING_AVAILABILITY_NEVER_TRIED;
  #measuring = false;
  #detail = 'Relay network access has not been requested yet';
  /**
   * True while the detail is "available; nearest POP ...": it is then worked out when read, from
   * the POPs still usable, so a POP that went down since the measurement is not named.
   */
  #detailIsNearest = false;
  #published: RelayNetworkStatus | undefined;

  #phase: Phase = 'idle';
  /** Increments with every attempt; actions of an older attempt are ignored when they come due. */
  #attempt = 0;
  /** Increments whenever the keepalive restarts or stops. */
  #watch = 0;
  #keepaliveFailures = 0;
  #configDeadline = 0;
  #configFetchMs = CONFIG_FETCH_MS;
  #measurement: Measurement | undefined;
  #relayEverReached = false;
  #lastAttemptEndMs = -Infinity;
  #snapshot: MeasurementSnapshot | undefined;
  // The POPs of `#pingOrderOf` (the snapshot they were sorted for) nearest first; see #pingOrder.
  #pingOrderOf: MeasurementSnapshot | undefined;
  #pingOrderCache: readonly number[] = [];

  /**
   * @param env the host's side (conditions, probes, output).
   * @param popCount the number of POPs in the latency model.
   * @param nowMs the clock reading at creation.
   */
  constructor(env: LifecycleEnvironment, popCount: number, nowMs: number) {
    this.#env = env;
    this.#table = new PingTable(popCount);
    this.#now = nowMs;
    this.#limit = nowMs;
  }

  /** The time the lifecycle has been advanced to, ms. */
  get now(): number {
    return this.#now;
  }

  /** `m_eAvailNetworkConfig`. */
  get config(): number {
    return this.#config;
  }

  /** `m_eAvailAnyRelay`. */
  get relay(): number {
    return this.#relay;
  }

  /** `m_eAvail`. */
  get summary(): number {
    return summarizeAvailability(this.#config, this.#relay, this.#snapshot !== undefined);
  }

  /** `m_bPingMeasurementInProgress`: true from the start of an attempt to its end. */
  get measuring(): boolean {
    return this.#measuring;
  }

  /** True while a config fetch or a measurement is running. */
  get busy(): boolean {
    return this.#phase !== 'idle';
  }

  /** The probe history (read only; the lifecycle writes it). */
  get table(): PingTable {
    return this.#table;
  }

  /** The last successful measurement, or undefined before the first one. */
  get snapshot(): MeasurementSnapshot | undefined {
    return this.#snapshot;
  }

  /** Seconds since the last successful measurement finished, or undefined without one. */
  get ageSeconds(): number | undefined {
    return this.#snapshot === undefined
      ? undefined
      : (this.#now - this.#snapshot.completedAtMs) / 1000;
  }

  /** The current status, as `GetRelayNetworkStatus` fills it in. */
  status(): RelayNetworkStatus {
    return {
      available: this.summary,
      pingMeasurementInProgress: this.#measuring ? 1 : 0,
      availableNetworkConfig: this.#config,
      availableAnyRelay: this.#relay,
      debugMessage: clampStatusMessage(
        this.#detailIsNearest ? this.#liveNearestDetail() : this.#detail,
      ),
    };
  }

  /** The nearest POP of the last measurement that is still usable, said as the status says it. */
  #liveNearestDetail(): string {
    let nearest: { popIndex: number; pingMs: number } | undefined;
    for (const [popIndex, pingMs] of this.#snapshot?.pings ?? []) {
      if (!this.#env.popUsable(popIndex)) continue;
      if (
        nearest === undefined ||
        pingMs < nearest.pingMs ||
        (pingMs === nearest.pingMs &&
          this.#env.popCode(popIndex) < this.#env.popCode(nearest.popIndex))
      ) {
        nearest = { popIndex, pingMs };
      }
    }
    return nearest === undefined
      ? 'Relay network available; no measured POP answers now'
      : nearestPopDetail(this.#env.popCode(nearest.popIndex), nearest.pingMs);
  }

  /**
   * The world's faults changed (a POP went down or came back): reports the status again if what it
   * says changed, as the nearest POP it names may have.
   */
  faultsChanged(): void {
    this.#publish();
  }

  /**
   * Runs every action due up to `nowMs`, in time order. A time before the current one is
   * ignored (the clock is monotonic).
   */
  advanceTo(nowMs: number): void {
    if (!(nowMs >= this.#now)) return;
    this.#limit = nowMs;
    for (;;) {
      const due = this.#timeline.takeDue(nowMs);
      if (due === undefined) break;
      this.#now = due.at;
      this.#run(due.action);
    }
    this.#now = nowMs;
  }

  /** `InitRelayNetworkAccess`: see the file comment. */
  initialize(): void {
    if (this.#phase !== 'idle') return;
    if (this.#config !== NETWORKING_AVAILABILITY_CURRENT) {
      this.#startConfigFetch();
    } else if (this.#relay !== NETWORKING_AVAILABILITY_CURRENT || this.#snapshot === undefined) {
      this.#startMeasurement('retry');
    }
  }

  /**
   * `CheckPingDataUpToDate`: true when data no older than `maxAgeMs` exists; otherwise starts a
   * measurement (fetching the config first if needed) unless one is running, and returns false.
   */
  checkUpToDate(maxAgeMs: number): boolean {
    const snapshot = this.#snapshot;
    if (snapshot !== undefined && this.#now - snapshot.completedAtMs <= maxAgeMs) return true;
    if (this.#phase === 'idle') {
      if (this.#config !== NETWORKING_AVAILABILITY_CURRENT) {
        this.#startConfigFetch();
      } else {
        this.#startMeasurement(
          this.#relay === NETWORKING_AVAILABILITY_CURRENT ? 'refresh' : 'retry',
        );
      }
    }
    return false;
  }

  /** Something used the relay network: see the file comment. */
  use(): void {
    if (this.#phase !== 'idle') return;
    if (this.#config === NETWORKING_AVAILABILITY_NEVER_TRIED) {
      this.#startConfigFetch();
      return;
    }
    if (this.#retryDue()) {
      this.#retry();
      return;
    }
    const snapshot = this.#snapshot;
    if (
      this.#relay === NETWORKING_AVAILABILITY_CURRENT &&
      snapshot !== undefined &&
      this.#now - snapshot.completedAtMs > PING_DATA_REFRESH_AGE_MS
    ) {
      this.#startMeasurement('refresh');
    }
  }

  /** `GetRelayNetworkStatus` was called: retries after a failure (never initializes). */
  statusQueried(): void {
    if (this.#phase === 'idle' && this.#retryDue()) this.#retry();
  }

  /**
   * The host moved: its probe history is forgotten and, if the config is at hand, it measures
   * again at once. The previous data stays (and keeps ageing) until the new measurement is done.
   */
  moved(): void {
    this.#table = new PingTable(this.#table.size);
    this.#stopKeepalive();
    if (this.#phase === 'measuring') {
      this.#measurement = undefined;
      this.#phase = 'idle';
    }
    if (this.#phase === 'idle' && this.#config === NETWORKING_AVAILABILITY_CURRENT) {
      this.#startMeasurement('moved');
    }
  }

  /**
   * Every path got slower or faster by the same amount (a fake lag was set or cleared): the
   * samples so far no longer count, and, if the config is at hand, the host measures again at
   * once, as a refresh (what it knows of each POP's reachability still holds, so this takes a
   * second or two of simulated time). A measurement under way starts over: its answers in flight
   * carry the old lag. The previous data answers until the new measurement is done.
   */
  lagChanged(): void {
    this.#table.forgetSamples();
    if (this.#phase === 'measuring') {
      this.#measurement = undefined;
      this.#phase = 'idle';
    }
    if (this.#phase === 'idle' && this.#config === NETWORKING_AVAILABILITY_CURRENT) {
      this.#startMeasurement('lag changed');
    }
  }

  /** Stops every running attempt and the keepalive (the network is shutting down). */
  stop(): void {
    this.#attempt++;
    this.#watch++;
    this.#timeline.clear();
    this.#phase = 'idle';
    this.#measurement = undefined;
  }

  // ---------------------------------------------------------------------------------------------

  #retryDue(): boolean {
    const failed =
      this.#config === NETWORKING_AVAILABILITY_FAILED ||
      (this.#config === NETWORKING_AVAILABILITY_CURRENT &&
        (this.#relay === NETWORKING_AVAILABILITY_FAILED ||
          this.#relay === NETWORKING_AVAILABILITY_PREVIOUSLY));
    return failed && this.#now - this.#lastAttemptEndMs >= RETRY_BACKOFF_MS;
  }

  #retry(): void {
    if (this.#config !== NETWORKING_AVAILABILITY_CURRENT) this.#startConfigFetch();
    else this.#startMeasurement('retry');
  }

  #run(action: LifecycleAction): void {
    switch (action.kind) {
      case 'configCheck':
        if (action.attempt === this.#attempt && this.#phase === 'config') this.#configCheck();
        break;
      case 'probeRound':
        if (action.attempt === this.#attempt && this.#phase === 'measuring') this.#probeRound();
        break;
      case 'probeAnswer':
        if (action.attempt === this.#attempt && this.#phase === 'measuring') {
          this.#probeAnswer(action.popIndex, action.rttMs);
        }
        break;
      case 'probeTimeout':
        if (action.attempt === this.#attempt && this.#phase === 'measuring') {
          this.#probeTimeout(action.popIndex);
        }
        break;
      case 'keepalive':
        if (action.watch === this.#watch) this.#keepalive();
        break;
    }
  }

  // Config ----------------------------------------------------------------------------------------

  #startConfigFetch(): void {
    const settings = this.#env.settings();
    this.#attempt++;
    this.#phase = 'config';
    this.#stopKeepalive();
    this.#config =
      this.#config === NETWORKING_AVAILABILITY_FAILED
        ? NETWORKING_AVAILABILITY_RETRYING
        : NETWORKING_AVAILABILITY_ATTEMPTING;
    this.#relay = NETWORKING_AVAILABILITY_WAITING;
    this.#measuring = true;
    this.#configFetchMs = CONFIG_FETCH_MS + settings.lagSendMs + settings.lagRecvMs;
    this.#configDeadline = this.#now + CONFIG_TIMEOUT_MS;
    this.#detailIsNearest = false;
    this.#detail = 'Fetching the relay network config';
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
      'general',
      'Fetching relay network config',
    );
    this.#timeline.schedule(Math.min(this.#now + this.#configFetchMs, this.#configDeadline), {
      kind: 'configCheck',
      attempt: this.#attempt,
    });
    this.#publish();
  }

  #configCheck(): void {
    if (this.#env.configReachable()) {
      this.#config = NETWORKING_AVAILABILITY_CURRENT;
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
        'general',
        `Relay network config obtained: ${this.#env.measurementCandidates().length} POPs to ping`,
      );
      this.#startMeasurement('initial');
      return;
    }
    if (this.#now >= this.#configDeadline) {
      const reason = this.#env.describeOutage();
      this.#phase = 'idle';
      this.#config = NETWORKING_AVAILABILITY_FAILED;
      this.#relay = NETWORKING_AVAILABILITY_CANNOT_TRY;
      this.#measuring = false;
      this.#lastAttemptEndMs = this.#now;
      this.#detailIsNearest = false;
      this.#detail = `Failed to obtain the relay network config (${reason})`;
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
        'general',
        `Failed to obtain relay network config after ${CONFIG_TIMEOUT_MS / 1000}s: ${reason}`,
      );
      this.#publish();
      return;
    }
    this.#timeline.schedule(Math.min(this.#now + this.#configFetchMs, this.#configDeadline), {
      kind: 'configCheck',
      attempt: this.#attempt,
    });
  }

  // Measurement -----------------------------------------------------------------------------------

  #startMeasurement(reason: MeasurementReason): void {
    const candidates = this.#env.measurementCandidates();
    this.#attempt++;
    this.#phase = 'measuring';
    this.#stopKeepalive();
    this.#table.startMeasurement();
    this.#measurement = { startedAtMs: this.#now, candidates, givenUp: new Set() };
    this.#measuring = true;
    const relay = this.#relay;
    if (reason === 'retry' || reason === 'lost') {
      this.#relay = NETWORKING_AVAILABILITY_RETRYING;
    } else if (
      relay === NETWORKING_AVAILABILITY_FAILED ||
      relay === NETWORKING_AVAILABILITY_PREVIOUSLY
    ) {
      this.#relay = NETWORKING_AVAILABILITY_RETRYING;
    } else if (
      relay !== NETWORKING_AVAILABILITY_CURRENT &&
      relay !== NETWORKING_AVAILABILITY_RETRYING
    ) {
      // Waiting for the config, never tried, or already attempting.
      this.#relay = this.#relayEverReached
        ? NETWORKING_AVAILABILITY_RETRYING
        : NETWORKING_AVAILABILITY_ATTEMPTING;
    }
    this.#detailIsNearest = false;
    this.#detail =
      reason === 'lost'
        ? `Lost contact with the relays; measuring ping to ${candidates.length} POPs again`
        : `Measuring ping to ${candidates.length} POPs`;
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE,
      'general',
      `Ping measurement started (${reason}): ${candidates.length} POPs to ping`,
    );
    this.#publish();
    if (candidates.length === 0) {
      this.#finishMeasurement();
      return;
    }
    this.#timeline.schedule(this.#now, { kind: 'probeRound', attempt: this.#attempt });
  }

  /** Answers `popIndex` still needs in this measurement (0 when it is done). */
  #needed(popIndex: number, settings: SimulationSettings): number {
    const table = this.#table;
    const answeredNow = table.answeredThisMeasurement(popIndex);
    const answeredBefore = table.answered(popIndex) - answeredNow;
    const target = Math.max(MIN_FRESH_ANSWERS, settings.minPingsBeforeAccurate - answeredBefore);
    return Math.max(0, target - answeredNow);
  }

  #active(popIndex: number, measurement: Measurement): boolean {
    return !measurement.givenUp.has(popIndex) && this.#env.popUsable(popIndex);
  }

  #probeRound(): void {
    const measurement = this.#measurement!;
    const settings = this.#env.settings();
    if (this.#now - measurement.startedAtMs >= MAX_MEASUREMENT_MS || this.#allDone()) {
      this.#finishMeasurement();
      return;
    }
    for (const popIndex of measurement.candidates) {
      if (!this.#active(popIndex, measurement)) continue;
      // Probes in flight count as pending answers, so a slow POP is not flooded.
      if (this.#table.inFlight(popIndex) >= this.#needed(popIndex, settings)) continue;
      const probeIndex = this.#table.takeProbeIndex(popIndex);
      const outcome = this.#env.probe(popIndex, probeIndex);
      if (outcome.lost || outcome.rttMs >= PROBE_TIMEOUT_MS) {
        this.#timeline.schedule(this.#now + PROBE_TIMEOUT_MS, {
          kind: 'probeTimeout',
          attempt: this.#attempt,
          popIndex,
        });
      } else {
        this.#timeline.schedule(this.#now + outcome.rttMs, {
          kind: 'probeAnswer',
          attempt: this.#attempt,
          popIndex,
          rttMs: outcome.rttMs,
        });
      }
    }
    this.#timeline.schedule(this.#now + PROBE_ROUND_INTERVAL_MS, {
      kind: 'probeRound',
      attempt: this.#attempt,
    });
  }

  #probeAnswer(popIndex: number, rttMs: number): void {
    this.#table.recordAnswer(popIndex, rttMs);
    const code = this.#env.popCode(popIndex);
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
      'relayPings',
      `Ping ${code}: ${rttMs.toFixed(1)}ms (answer ${this.#table.answered(popIndex)})`,
    );
    if (this.#relay !== NETWORKING_AVAILABILITY_CURRENT) {
      this.#relay = NETWORKING_AVAILABILITY_CURRENT;
      this.#relayEverReached = true;
      this.#detailIsNearest = false;
      this.#detail = `Relay ${code} answered; measuring ping to the other POPs`;
      this.#publish();
    }
    this.#finishIfDone();
  }

  #probeTimeout(popIndex: number): void {
    const measurement = this.#measurement!;
    const settings = this.#env.settings();
    this.#table.recordTimeout(popIndex);
    const inARow = this.#table.consecutiveTimeouts(popIndex);
    const code = this.#env.popCode(popIndex);
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE,
      'relayPings',
      `Ping ${code} timed out (${inARow} in a row)`,
    );
    const limit =
      this.#table.answered(popIndex) > 0 ? settings.timeoutsFail : settings.timeoutsFailInitial;
    if (inARow >= limit && !measurement.givenUp.has(popIndex)) {
      measurement.givenUp.add(popIndex);
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
        'relayPings',
        `POP ${code} unreachable: ${inARow} pings in a row timed out`,
      );
    }
    this.#finishIfDone();
  }

  /** True when every POP of the measurement is done, given up or no longer usable. */
  #allDone(): boolean {
    const measurement = this.#measurement!;
    const settings = this.#env.settings();
    return measurement.candidates.every(
      (popIndex) => !this.#active(popIndex, measurement) || this.#needed(popIndex, settings) === 0,
    );
  }

  #finishIfDone(): void {
    if (this.#allDone()) this.#finishMeasurement();
  }

  #finishMeasurement(): void {
    const measurement = this.#measurement!;
    const settings = this.#env.settings();
    const table = this.#table;
    const pings = new Map<number, number>();
    const unreachable = new Set<number>();
    for (const popIndex of measurement.candidates) {
      if (!this.#env.popUsable(popIndex)) continue;
      if (table.answeredThisMeasurement(popIndex) === 0) {
        unreachable.add(popIndex);
      } else if (table.answered(popIndex) >= settings.minPingsBeforeAccurate) {
        pings.set(popIndex, table.smoothed(popIndex)!);
      }
    }
    this.#phase = 'idle';
    this.#measurement = undefined;
    this.#measuring = false;
    this.#lastAttemptEndMs = this.#now;
    const seconds = ((this.#now - measurement.startedAtMs) / 1000).toFixed(1);
    if (pings.size > 0) {
      this.#snapshot = {
        completedAtMs: this.#now,
        pings,
        unreachable,
        probed: new Set(measurement.candidates),
      };
      this.#relay = NETWORKING_AVAILABILITY_CURRENT;
      this.#relayEverReached = true;
      const sorted = [...pings]
        .map(([popIndex, pingMs]) => ({ code: this.#env.popCode(popIndex), pingMs }))
        .sort((a, b) => a.pingMs - b.pingMs || (a.code < b.code ? -1 : 1));
      const nearest = sorted[0]!;
      this.#detail = nearestPopDetail(nearest.code, nearest.pingMs);
      this.#detailIsNearest = true;
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
        'general',
        `Ping measurement completed in ${seconds}s: ${formatPingList(sorted)} ` +
          `(${pings.size} of ${measurement.candidates.length} POPs)`,
      );
      this.#startKeepalive();
    } else {
      const reason =
        measurement.candidates.length === 0 ? 'no POP to ping' : this.#env.describeOutage();
      this.#relay = this.#relayEverReached
        ? NETWORKING_AVAILABILITY_PREVIOUSLY
        : NETWORKING_AVAILABILITY_FAILED;
      this.#detailIsNearest = false;
      this.#detail = `Cannot reach any relay (${reason})`;
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
        'general',
        `Ping measurement failed after ${seconds}s: no relay answered (${reason})`,
      );
    }
    this.#publish();
  }

  // Keepalive -------------------------------------------------------------------------------------

  #startKeepalive(): void {
    this.#watch++;
    this.#keepaliveFailures = 0;
    this.#timeline.schedule(this.#now + KEEPALIVE_INTERVAL_MS, {
      kind: 'keepalive',
      watch: this.#watch,
    });
  }

  #stopKeepalive(): void {
    this.#watch++;
  }

  /** The nearest usable POPs of the last measurement. */
  #keepalivePops(): number[] {
    const order = this.#pingOrder();
    const pops: number[] = [];
    // Taking the first usable POPs of the full order is the same as sorting the usable ones and
    // keeping the first: the order is total (ping, then POP index), so filtering keeps it.
    for (let i = 0; i < order.length && pops.length < KEEPALIVE_POPS; i++) {
      const popIndex = order[i]!;
      if (this.#env.popUsable(popIndex)) pops.push(popIndex);
    }
    return pops;
  }

  /**
   * Every POP of the last measurement, nearest first (ties by POP index). Sorted once per
   * measurement: a snapshot's `pings` never changes after it is made, and a new measurement
   * replaces the snapshot, so the cache is valid exactly while `#snapshot` is the same object.
   * Which POPs are usable changes between rounds; {@link #keepalivePops} applies that per round.
   */
  #pingOrder(): readonly number[] {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) return [];
    if (this.#pingOrderOf !== snapshot) {
      this.#pingOrderCache = [...snapshot.pings]
        .sort((a, b) => a[1] - b[1] || a[0] - b[0])
        .map(([popIndex]) => popIndex);
      this.#pingOrderOf = snapshot;
    }
    return this.#pingOrderCache;
  }

  #keepalive(): void {
    if (this.#phase !== 'idle' || this.#relay !== NETWORKING_AVAILABILITY_CURRENT) return;
    const pops = this.#keepalivePops();
    if (pops.length > 0 && this.#env.keepaliveCertain(pops)) {
      // Nothing can change before #limit (conditions change only between advances), so every
      // round up to it would succeed: jump to the first round after it.
      this.#keepaliveFailures = 0;
      const rounds = Math.max(1, Math.ceil((this.#limit - this.#now) / KEEPALIVE_INTERVAL_MS));
      this.#timeline.schedule(this.#now + rounds * KEEPALIVE_INTERVAL_MS, {
        kind: 'keepalive',
        watch: this.#watch,
      });
      return;
    }
    let answered = false;
    for (const popIndex of pops) {
      const outcome = this.#env.probe(popIndex, this.#table.takeProbeIndex(popIndex));
      if (!outcome.lost && outcome.rttMs < PROBE_TIMEOUT_MS) answered = true;
    }
    this.#keepaliveFailures = answered ? 0 : this.#keepaliveFailures + 1;
    if (this.#keepaliveFailures >= this.#env.settings().timeoutsFail) {
      const codes = pops.map((popIndex) => this.#env.popCode(popIndex)).join(', ');
      this.#debug(
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
        'general',
        `Lost contact with the relay network: ${this.#keepaliveFailures} keepalive rounds ` +
          `unanswered${codes === '' ? '' : ` by ${codes}`} (${this.#env.describeOutage()})`,
      );
      this.#startMeasurement('lost');
      return;
    }
    this.#timeline.schedule(this.#now + KEEPALIVE_INTERVAL_MS, {
      kind: 'keepalive',
      watch: this.#watch,
    });
  }

  // Output ----------------------------------------------------------------------------------------

  #debug(type: number, subsystem: DebugSubsystem, message: string): void {
    this.#env.debug(type, subsystem, message);
  }

  /** Reports the status if any of its fields changed since it was last reported. */
  #publish(): void {
    const status = this.status();
    const last = this.#published;
    if (
      last !== undefined &&
      last.available === status.available &&
      last.pingMeasurementInProgress === status.pingMeasurementInProgress &&
      last.availableNetworkConfig === status.availableNetworkConfig &&
      last.availableAnyRelay === status.availableAnyRelay &&
      last.debugMessage === status.debugMessage
    ) {
      return;
    }
    this.#published = status;
    this.#debug(
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
      'general',
      formatStatusLine(
        status.available,
        status.availableNetworkConfig,
        status.availableAnyRelay,
        this.#measuring,
        status.debugMessage,
      ),
    );
    this.#env.statusChanged(status);
  }
}
