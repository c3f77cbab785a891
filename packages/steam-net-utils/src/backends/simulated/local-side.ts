/**
 * Everything a simulated host derives from its last measurement: the pings its answers come
 * from, its ping location and the estimator from it. Built again only when one of its inputs
 * changed, and every input is compared on every read, so it is never stale.
 */
import { type PingLocation } from '../../estimator/ping-location.js';
import { buildPingLocation, LocalHostEstimator } from './ping-location/index.js';
import { type MeasurementSnapshot, type RelayLifecycle } from './relay-lifecycle.js';
import { type SimulatedWorld, type WorldHost } from './simulated-world.js';
import { type SimulationSettings, type SimulationSettingsCache } from './simulation-settings.js';
import { type SimulatedHost } from './world/index.js';

/** The local side for one set of inputs (compared by identity on every read). */
export interface LocalSide {
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
  /** Estimates from this side (one instance per cache, set to this side when it was built). */
  readonly estimator: LocalHostEstimator;
}

/** What the cache reads from the host it serves. */
export interface LocalSideSources {
  readonly world: SimulatedWorld;
  readonly host: WorldHost;
  readonly settings: SimulationSettingsCache;
  readonly lifecycle: RelayLifecycle;
  /** Whether the POP may be used now (up, and in the forced relay cluster when one is set). */
  popUsable(popIndex: number): boolean;
}

/** One host's local side, rebuilt when its inputs change. */
export class LocalSideCache {
  readonly #sources: LocalSideSources;
  #side: LocalSide | undefined;
  // The location of #side, built on first use.
  #location: PingLocation | undefined;
  // Made once and reused: setLocal() points it at each new side.
  #estimator: LocalHostEstimator | undefined;
  // The host model the current data was measured at, while it differs from the host's (after a move).
  #measuredAt: { snapshot: MeasurementSnapshot | undefined; host: SimulatedHost } | undefined;

  constructor(sources: LocalSideSources) {
    this.#sources = sources;
  }

  /**
   * The host is about to move: the current data (if any) stays the data of `previous`, the host
   * model it was measured at, until a new measurement replaces it.
   */
  moving(previous: SimulatedHost): void {
    this.#measuredAt = { snapshot: this.#sources.lifecycle.snapshot, host: previous };
  }

  /** The local side for the current inputs, or undefined without data. */
  current(): LocalSide | undefined {
    const snapshot = this.#sources.lifecycle.snapshot;
    if (snapshot === undefined) return undefined;
    const host = this.measuredHost();
    const settings = this.#sources.settings.current;
    const faultRevision = this.#sources.world.faultRevision;
    const cached = this.#side;
    if (
      cached !== undefined &&
      cached.snapshot === snapshot &&
      cached.host === host &&
      cached.settings === settings &&
      cached.faultRevision === faultRevision
    ) {
      return cached;
    }
    const pings = this.effectivePings();
    const world = this.#sources.world;
    const estimator = (this.#estimator ??= new LocalHostEstimator(
      world.model.backbone.network,
      world.model.pops,
    ));
    estimator.setLocal({ pings, isPopDown: (popId) => world.isPopDown(popId) });
    const side: LocalSide = { snapshot, host, settings, faultRevision, pings, estimator };
    this.#side = side;
    this.#location = undefined;
    return side;
  }

  /** The local ping location, or undefined without data. */
  location(): PingLocation | undefined {
    const side = this.current();
    if (side === undefined) return undefined;
    this.#location ??= this.#buildLocation(side);
    return this.#location;
  }

  /**
   * The pings the host's answers come from, by model POP index: the last measurement's smoothed
   * pings of usable POPs, with `SDRClient_FakeClusterPing` replacing (or adding) the POPs it
   * names. Empty without data.
   */
  effectivePings(): Map<number, number> {
    const { lifecycle, world, settings } = this.#sources;
    const snapshot = lifecycle.snapshot;
    const pings = new Map<number, number>();
    if (snapshot === undefined) return pings;
    for (const [popIndex, pingMs] of snapshot.pings) {
      if (this.#sources.popUsable(popIndex)) pings.set(popIndex, pingMs);
    }
    const model = world.model;
    for (const [code, pingMs] of settings.current.fakeClusterPings) {
      const pop = world.findPop(code);
      if (pop === undefined) continue;
      const popIndex = model.popIndex(pop.id);
      if (this.#sources.popUsable(popIndex)) pings.set(popIndex, pingMs);
    }
    return pings;
  }

  /** The host model the current data belongs to (the previous one until a move is re-measured). */
  measuredHost(): SimulatedHost {
    const measuredAt = this.#measuredAt;
    if (measuredAt !== undefined && measuredAt.snapshot === this.#sources.lifecycle.snapshot) {
      return measuredAt.host;
    }
    this.#measuredAt = undefined;
    return this.#sources.host.model;
  }

  #buildLocation(side: LocalSide): PingLocation {
    const world = this.#sources.world;
    // Every POP the location may name: those the host did not ping (not probed, or outside a
    // forced relay cluster) are reached through the ones it did.
    return buildPingLocation(world.model, side.pings, (index) =>
      world.locationMayName(side.host, index),
    );
  }
}
