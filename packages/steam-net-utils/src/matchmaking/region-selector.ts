/**
 * Picks the data center (POP) a game should host or matchmake in: the one with the best relayed
 * ping, kept steady by hysteresis as Valve's route choice is, with a manual override.
 *
 * ## The rules
 *
 * - **Candidates** are every POP the relay network has listed, with `getPingToDataCenter`'s ping.
 *   Only reachable ones (listed, ping >= 0) are chosen; the unreachable ones (no longer listed, or
 *   `NETWORKING_PING_FAILED`) are reported in {@link RegionSelector.unreachable}.
 * - **Order and tie-break**: lower ping first, then the POP code in plain code-unit order
 *   (`'ams'` before `'fra'`), so the same pings always give the same pick.
 * - **Loss** (a Relaylane addition): with `lossPenaltyMs` > 0 and a backend that measures loss
 *   (`PopMeasurementsCapability`: the beacons), each percentage point of a POP's recent probe loss
 *   counts as that many ms more ping, in the order and in the hysteresis below (Unity's QoS puts
 *   the lowest loss first; a large penalty does the same). Without either, loss counts for nothing.
 * - **Initial pick**: with no current region, the best reachable POP is taken at once (reason
 *   `'initial'`); this is also how a region is found again after none was reachable.
 * - **Hysteresis**: another POP replaces the current one only when
 *   `current.score > other.score × switchRatio + switchMarginMs` (the score is the ping, plus the
 *   loss penalty; strictly: exactly at the threshold
 *   does not switch) and that has held at every update for at least `minBetterMs` on the clock.
 *   A POP that stops beating the current one loses its time (a brief dip never switches). When
 *   several have held long enough, the best of them wins (reason `'better'`).
 * - **Unreachable**: when the current POP is no longer reachable, the best reachable one replaces
 *   it at once (reason `'unreachable'`), or no region at all when none is reachable.
 * - **Pin**: `pin(code)` chooses that POP whatever the pings (reason `'pinned'`) and sets the
 *   global config value `SDRClient_ForceRelayCluster` to its code, so a backend that honours it
 *   (Steam, the simulation) routes through that cluster only. While pinned nothing switches on its
 *   own. `unpin()` clears the config value to `''` and takes the best reachable POP at once (reason
 *   `'unpinned'`).
 *
 * `region_changed(pop_id, code, ping, reason)` is emitted after every change of
 * {@link RegionSelector.current} but a mere ping update: another POP, no POP (`pop_id` 0, `code`
 * `''`, `ping` `NETWORKING_PING_FAILED`), or the same POP pinned or unpinned.
 *
 * ## When it looks
 *
 * Construction queries nothing. {@link RegionSelector.update} decides; call it once a frame (or
 * from a timer): the hysteresis clock only advances in updates. It re-reads the pings when the
 * `relay_network_status` signal has fired (it connects to it and updates at once), after a pin or
 * an unpin, and otherwise at most every `refreshIntervalMs`.
 */
import {
  type Clock,
  describeValue,
  namedCallable,
  SignalEmitter,
  type SignalEmitterOptions,
  type SignalListener,
  SystemClock,
} from '@relaylane/core';

import {
  getConfigValueEntry,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_PING_FAILED,
} from '../constants/index.js';
import { type NetworkingUtils } from '../service/networking-utils.js';
import { type NetworkingUtilsSignals } from '../service/networking-utils-signals.js';

import { RegionSelectorError } from './matchmaking-errors.js';
import { PopMeasurementsCapability } from '../port/pop-measurements.js';
import {
  type PopLossSource,
  type RegionCandidate,
  type RegionChoice,
  readCandidates,
} from './region-candidates.js';

/** Why the region changed; see the rules in the file comment. */
export type RegionChangeReason = 'initial' | 'better' | 'pinned' | 'unpinned' | 'unreachable';

/** The signals of {@link RegionSelector}. */
export type RegionSelectorSignals = {
  /**
   * The chosen region changed: the new POP's id, code and ping, and why. With no reachable POP
   * left: `pop_id` 0, `code` `''`, `ping` `NETWORKING_PING_FAILED`.
   */
  region_changed: [pop_id: number, code: string, ping: number, reason: RegionChangeReason];
};

/** Options of {@link RegionSelector}. */
export interface RegionSelectorOptions extends SignalEmitterOptions {
  /**
   * The clock the hysteresis counts on (default a `SystemClock`). In an engine, pass the engine's
   * game clock (`engine.gameClock`), the one the simulation runs on; in tests, a `ManualClock`.
   */
  readonly clock?: Clock | undefined;
  /** The factor another POP's ping is multiplied by before comparing (default 1.1; at least 1). */
  readonly switchRatio?: number;
  /** The ms added to it (default 5; at least 0). */
  readonly switchMarginMs?: number;
  /** How long another POP must stay better before the switch, ms (default 3000; at least 0). */
  readonly minBetterMs?: number;
  /** The longest an update reuses the pings it read, ms (default 500; 0 reads on every update). */
  readonly refreshIntervalMs?: number;
  /**
   * The ms a POP's score gains per percentage point of measured loss (default 0: loss is not
   * weighed; at least 0). Only backends that measure loss (`PopMeasurementsCapability`) give one.
   */
  readonly lossPenaltyMs?: number;
}

/** The default {@link RegionSelectorOptions.switchRatio}. */
export const DEFAULT_REGION_SWITCH_RATIO = 1.1;
/** The default {@link RegionSelectorOptions.switchMarginMs}. */
export const DEFAULT_REGION_SWITCH_MARGIN_MS = 5;
/** The default {@link RegionSelectorOptions.minBetterMs}. */
export const DEFAULT_REGION_MIN_BETTER_MS = 3000;
/** The default {@link RegionSelectorOptions.refreshIntervalMs}. */
export const DEFAULT_REGION_REFRESH_INTERVAL_MS = 500;

/**
 * Slack on the switch threshold, ms: `other.ping × 1.1` is not exact in binary floating point
 * (50 × 1.1 + 5 = 60.00000000000001), and a ping exactly at the threshold must never switch
 * whichever way the product rounds.
 */
const THRESHOLD_SLACK_MS = 1e-9;

/**
 * How long, on the selector's clock, it waits after an unpin for the backend to report a
 * measurement without the pin, before its usual rules take over.
 */
export const UNPIN_REMEASURE_LIMIT_MS = 10_000;

// Steam's name of the config value a pin sets, for messages.
const FORCE_RELAY_CLUSTER = getConfigValueEntry(
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
)!.steamName;

/**
 * The automatic region pick with hysteresis and a manual override; see the file comment for
 * every rule.
 *
 * ```ts
 * const regions = new RegionSelector(networkingUtils, { clock: engine.gameClock });
 * regions.signals.region_changed.connect((pop_id, code, ping, reason) => hud.showRegion(code, ping));
 * // each frame, after networkingUtils.runCallbacks():
 * regions.update();
 * regions.pin('fra');   // the player's choice; regions.unpin() goes back to automatic
 * ```
 *
 * Lifecycle: 1. construct (connects to `relay_network_status`, queries nothing); 2. `update()`
 * every frame; 3. `dispose()` disconnects, clears `SDRClient_ForceRelayCluster` if it pinned one,
 * and disconnects its own signal's listeners.
 */
export class RegionSelector extends SignalEmitter<RegionSelectorSignals> {
  readonly #networkingUtils: NetworkingUtils;
  readonly #clock: Clock;
  readonly #switchRatio: number;
  readonly #switchMarginMs: number;
  readonly #minBetterMs: number;
  readonly #refreshIntervalMs: number;
  readonly #lossPenaltyMs: number;
  /** Every POP listed so far, id to code (see `readCandidates`). */
  readonly #known = new Map<number, string>();
  #candidates: readonly RegionCandidate[] = [];
  #byId = new Map<number, RegionCandidate>();
  #unreachable: readonly string[] = [];
  /** When the pings were last read; undefined forces a read. */
  #readAt: number | undefined;
  #current: RegionChoice | undefined;
  #pinned: string | undefined;
  #relayClusterForced = false;
  /**
   * After an unpin that cleared a forced relay cluster, the pings still come from routes through
   * the old pin until the backend has measured again: `waiting` for that measurement to start,
   * `measuring` while it runs. When it ends, the best POP is taken at once, without the hold
   * (the choice made at the unpin was from the pings read before the pin).
   */
  #afterUnpin: 'waiting' | 'measuring' | undefined;
  /** When the unpin was, on the selector's clock (the wait above is bounded). */
  #unpinnedAt = 0;
  /** The candidates read before the relay cluster was forced (kept through a change of pin). */
  #candidatesBeforePin: readonly RegionCandidate[] | undefined;
  /**
   * POPs that beat the current one by the threshold, with the time since when they have at every
   * update. Emptied on every change of region: the race starts again against the new one.
   */
  #challengers = new Map<number, number>();
  readonly #onRelayNetworkStatus: SignalListener<NetworkingUtilsSignals['relay_network_status']> =
    namedCallable('RegionSelector::onRelayNetworkStatus', () => {
      if (this.isDisposed()) return;
      this.#readAt = undefined;
      this.update();
    });

  /**
   * @param networkingUtils the networking service whose pings it reads and whose `relay_network_status` it
   *   listens to.
   * @param options the clock, the hysteresis and the refresh interval; where `DEFERRED`
   *   connections to `region_changed` queue their calls.
   * @throws TypeError when `networkingUtils` is not a `NetworkingUtils` or `clock` has no `now()`;
   *   RangeError when a number option is out of its range.
   */
  constructor(networkingUtils: NetworkingUtils, options: RegionSelectorOptions = {}) {
    super(
      { region_changed: ['pop_id', 'code', 'ping', 'reason'] },
      { messageQueue: options.messageQueue },
    );
    if (
      typeof networkingUtils !== 'object' ||
      networkingUtils === null ||
      typeof networkingUtils.getPingToDataCenter !== 'function' ||
      typeof networkingUtils.signals !== 'object'
    ) {
      throw new TypeError(
        `RegionSelector: networkingUtils must be the NetworkingUtils service, got ${describeValue(networkingUtils)}`,
      );
    }
    const clock = options.clock ?? new SystemClock();
    if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
      throw new TypeError(
        `RegionSelector: options.clock must be a Clock (an object with now()), got ${describeValue(clock)}`,
      );
    }
    this.#networkingUtils = networkingUtils;
    this.#clock = clock;
    this.#switchRatio = numberOption(
      'switchRatio',
      options.switchRatio,
      DEFAULT_REGION_SWITCH_RATIO,
      1,
    );
    this.#switchMarginMs = numberOption(
      'switchMarginMs',
      options.switchMarginMs,
      DEFAULT_REGION_SWITCH_MARGIN_MS,
      0,
    );
    this.#minBetterMs = numberOption(
      'minBetterMs',
      options.minBetterMs,
      DEFAULT_REGION_MIN_BETTER_MS,
      0,
    );
    this.#refreshIntervalMs = numberOption(
      'refreshIntervalMs',
      options.refreshIntervalMs,
      DEFAULT_REGION_REFRESH_INTERVAL_MS,
      0,
    );
    this.#lossPenaltyMs = numberOption('lossPenaltyMs', options.lossPenaltyMs, 0, 0);
    networkingUtils.signals.relay_network_status.connect(this.#onRelayNetworkStatus);
  }

  /** The chosen region, or undefined before the first pick and while no POP is reachable. */
  get current(): RegionChoice | undefined {
    return this.#current;
  }

  /** Every POP listed so far with its ping, best first (see `compareCandidates`), as last read. */
  get candidates(): readonly RegionCandidate[] {
    return this.#candidates;
  }

  /** The codes of the POPs that cannot be reached (no longer listed, or ping FAILED), sorted. */
  get unreachable(): readonly string[] {
    return this.#unreachable;
  }

  /** The pinned POP's code, or undefined while the choice is automatic. */
  get pinned(): string | undefined {
    return this.#pinned;
  }

  /**
   * Whether the backend accepted `SDRClient_ForceRelayCluster` for the pinned POP (false while
   * unpinned, and when the backend refused the value: the pin then only holds the choice).
   */
  get relayClusterForced(): boolean {
    return this.#relayClusterForced;
  }

  /**
   * Re-evaluates the choice (see the rules in the file comment) and emits `region_changed` when it
   * changes. Call it once a frame.
   *
   * @throws RegionSelectorError `REGION_SELECTOR_DISPOSED` after {@link dispose}; the service's
   *   `NetworkingUtilsError` after the service was disposed.
   */
  update(): void {
    this.#assertAlive('update');
    const now = this.#clock.now();
    if (this.#readAt === undefined || now - this.#readAt >= this.#refreshIntervalMs) {
      this.#read(now);
    }
    this.#decide(now);
  }

  /**
   * Chooses the POP `code` until {@link unpin}, and sets `SDRClient_ForceRelayCluster` to it.
   * Pinning the POP already pinned does nothing. A known POP that is not reachable can be pinned
   * (the player's choice stands); its ping is then negative.
   *
   * @param code a POP code the relay network has listed, e.g. `'fra'`.
   * @throws TypeError when `code` is not a string; RegionSelectorError `REGION_SELECTOR_UNKNOWN_POP` when no POP
   *   of that code has been listed (or no POP list has arrived yet);
   *   `REGION_SELECTOR_DISPOSED` after {@link dispose}.
   */
  pin(code: string): void {
    this.#assertAlive('pin');
    if (typeof code !== 'string') {
      throw new TypeError(
        `RegionSelector.pin: code must be a POP code such as 'fra', got ${describeValue(code)}`,
      );
    }
    const now = this.#clock.now();
    this.#read(now);
    const candidate = this.#candidates.find((c) => c.code === code);
    if (candidate === undefined) throw this.#unknownPop(code);
    if (this.#pinned === code) return;
    if (!this.#relayClusterForced) this.#candidatesBeforePin = this.#candidates;
    this.#pinned = code;
    this.#afterUnpin = undefined;
    this.#relayClusterForced = this.#networkingUtils.setGlobalConfigValueString(
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      code,
    );
    // The backend measures again through the forced cluster: read the new pings next update.
    this.#readAt = undefined;
    this.#choose(candidate, true, 'pinned');
  }

  /**
   * Returns to the automatic choice: clears `SDRClient_ForceRelayCluster` to `''` and takes the
   * best reachable POP at once (reason `'unpinned'`, also when it is the POP that was pinned).
   * Does nothing when nothing is pinned.
   *
   * @throws RegionSelectorError `REGION_SELECTOR_DISPOSED` after {@link dispose}.
   */
  unpin(): void {
    this.#assertAlive('unpin');
    if (this.#pinned === undefined) return;
    this.#pinned = undefined;
    const forced = this.#relayClusterForced;
    this.#relayClusterForced = false;
    this.#networkingUtils.setGlobalConfigValueString(
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      '',
    );
    const now = this.#clock.now();
    this.#read(now);
    this.#choose(forced ? this.#bestBeforePin() : this.#best(), false, 'unpinned');
    this.#candidatesBeforePin = undefined;
    this.#afterUnpin = forced ? 'waiting' : undefined;
    this.#unpinnedAt = now;
  }

  /**
   * The best reachable POP of the pings read before the relay cluster was forced: while every
   * route goes through the pinned POP, the pings say how far that POP is, not which POP is
   * nearest. Falls back to {@link #best} when nothing was read before the pin.
   */
  #bestBeforePin(): RegionCandidate | undefined {
    const first = this.#candidatesBeforePin?.[0];
    return first !== undefined && first.reachable ? first : this.#best();
  }

  /**
   * Disconnects from `relay_network_status`, clears `SDRClient_ForceRelayCluster` if a POP is
   * pinned (and the service is still alive), and disconnects every listener of `region_changed`.
   * Calling it again does nothing.
   */
  override dispose(): void {
    if (this.isDisposed()) return;
    const networkingUtils = this.#networkingUtils;
    const status = networkingUtils.signals.relay_network_status;
    if (status.isConnected(this.#onRelayNetworkStatus)) {
      status.disconnect(this.#onRelayNetworkStatus);
    }
    // The pin is the one piece of state this object put into the service: undo it.
    if (this.#pinned !== undefined && !networkingUtils.isDisposed()) {
      networkingUtils.setGlobalConfigValueString(
        NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
        '',
      );
    }
    this.#pinned = undefined;
    this.#relayClusterForced = false;
    super.dispose();
  }

  #read(now: number): void {
    const { candidates, unreachable } = readCandidates(
      this.#networkingUtils,
      this.#known,
      this.#lossSource(),
      this.#lossPenaltyMs,
    );
    this.#candidates = candidates;
    this.#unreachable = unreachable;
    this.#byId = new Map(candidates.map((candidate) => [candidate.popId, candidate]));
    this.#readAt = now;
  }

  /** Each POP's measured loss, when loss is weighed and the backend measures it. */
  #lossSource(): PopLossSource | undefined {
    if (this.#lossPenaltyMs === 0) return undefined;
    const measurements = this.#networkingUtils.capability(PopMeasurementsCapability);
    if (measurements === undefined) return undefined;
    const loss = new Map(measurements.statistics().map((pop) => [pop.popId, pop.loss]));
    return (popId) => loss.get(popId);
  }

  /** The best reachable candidate (candidates are sorted best first). */
  #best(): RegionCandidate | undefined {
    const first = this.#candidates[0];
    return first !== undefined && first.reachable ? first : undefined;
  }

  /** Advances {@link #afterUnpin}; true once the measurement after the unpin has ended. */
  #remeasuredAfterUnpin(): boolean {
    const measuring = this.#networkingUtils.getRelayNetworkStatusDetails().ping_measurement !== 0;
    if (this.#afterUnpin === 'waiting') {
      if (measuring) this.#afterUnpin = 'measuring';
      return false;
    }
    if (measuring) return false;
    this.#afterUnpin = undefined;
    return true;
  }

  #decide(now: number): void {
    const current = this.#current;
    if (this.#pinned !== undefined) {
      // Pinned: follow the pinned POP's ping, never switch.
      if (current !== undefined) this.#refreshCurrent(current);
      return;
    }
    if (current === undefined) {
      const best = this.#best();
      if (best !== undefined) this.#choose(best, false, 'initial');
      return;
    }
    if (this.#afterUnpin !== undefined) {
      // Until the backend has measured without the pin, its route pings still go through the old
      // pin: the choice made at the unpin (from the pings read before the pin) stands. Then the
      // best POP, at once, without the hold.
      if (this.#remeasuredAfterUnpin()) {
        this.#read(now);
        const best = this.#best();
        if (best?.popId !== current.popId) this.#choose(best, false, 'better');
        else this.#refreshCurrent(current);
        return;
      }
      // A backend that never reports a new measurement must not freeze the choice: after
      // UNPIN_REMEASURE_LIMIT_MS the usual rules below take over (with their hold).
      if (now - this.#unpinnedAt < UNPIN_REMEASURE_LIMIT_MS) return;
      this.#afterUnpin = undefined;
      this.#read(now);
    }
    const mine = this.#byId.get(current.popId);
    if (mine === undefined || !mine.reachable) {
      this.#choose(this.#best(), false, 'unreachable');
      return;
    }
    this.#refreshCurrent(current);
    // Challengers: kept with their start time while they beat the current POP, dropped otherwise.
    const threshold = mine.score - this.#switchMarginMs - THRESHOLD_SLACK_MS;
    const challengers = new Map<number, number>();
    let winner: RegionCandidate | undefined;
    for (const candidate of this.#candidates) {
      if (!candidate.reachable) break; // sorted: the rest are unreachable too
      if (candidate.popId === current.popId) continue;
      // current > other × ratio + margin, rearranged so the slack applies once.
      if (candidate.score * this.#switchRatio >= threshold) continue;
      const since = this.#challengers.get(candidate.popId) ?? now;
      challengers.set(candidate.popId, since);
      // Candidates are sorted best first: the first to have held long enough is the best of them.
      if (winner === undefined && now - since >= this.#minBetterMs) winner = candidate;
    }
    this.#challengers = challengers;
    if (winner !== undefined) this.#choose(winner, false, 'better');
  }

  /** Keeps the current choice, with the ping and relay last read. */
  #refreshCurrent(current: RegionChoice): void {
    const latest = this.#byId.get(current.popId);
    if (latest === undefined) return;
    if (latest.ping !== current.ping || latest.relayPopId !== current.relayPopId) {
      this.#current = { ...current, ping: latest.ping, relayPopId: latest.relayPopId };
    }
  }

  /** Makes `candidate` (or nothing) the choice and emits; the last thing any caller does. */
  #choose(
    candidate: RegionCandidate | undefined,
    pinned: boolean,
    reason: RegionChangeReason,
  ): void {
    this.#challengers = new Map();
    if (candidate === undefined) {
      if (this.#current === undefined) return;
      this.#current = undefined;
      this.emitSignal('region_changed', 0, '', NETWORKING_PING_FAILED, reason);
      return;
    }
    const { popId, code, ping, relayPopId } = candidate;
    this.#current = { popId, code, ping, relayPopId, pinned };
    // State first, signal last: a listener sees the new choice and may pin or unpin from there.
    this.emitSignal('region_changed', popId, code, ping, reason);
  }

  #unknownPop(code: string): RegionSelectorError {
    const codes = this.#candidates.map((c) => c.code).sort();
    if (codes.length === 0) {
      return new RegionSelectorError(
        'REGION_SELECTOR_UNKNOWN_POP',
        `RegionSelector.pin: cannot pin '${code}': the relay network has not listed any POP yet. ` +
          'Pin once relay_network_status reports NETWORKING_AVAILABILITY_CURRENT (100).',
      );
    }
    const lower = code.trim().toLowerCase();
    const hint = lower !== code && codes.includes(lower) ? ` Did you mean '${lower}'?` : '';
    return new RegionSelectorError(
      'REGION_SELECTOR_UNKNOWN_POP',
      `RegionSelector.pin: '${code}' is not a POP of the relay network.${hint} ` +
        `Pin one of: ${codes.join(', ')} (the ${FORCE_RELAY_CLUSTER} value is left unchanged).`,
    );
  }

  #assertAlive(method: string): void {
    if (this.isDisposed()) {
      throw new RegionSelectorError(
        'REGION_SELECTOR_DISPOSED',
        `RegionSelector.${method} was called after dispose(). Create a new RegionSelector.`,
      );
    }
  }
}

/** A number option: the default when absent, else a finite number >= `min`. */
function numberOption(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') {
    throw new TypeError(
      `RegionSelector: options.${name} must be a number, got ${describeValue(value)}`,
    );
  }
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(
      `RegionSelector: options.${name} must be a finite number >= ${min}, got ${String(value)}`,
    );
  }
  return value;
}
