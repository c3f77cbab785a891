/**
 * Everything a simulated host derives from its last measurement: the pings its answers come
 * from, the anchor of its ping location, the location's content and the estimator from it. Built
 * again only when one of its inputs changed, and every input is compared on every read, so it is
 * never stale.
 */
import {
  LocalHostEstimator,
  MAX_PING_MS,
  type PingLocationData,
  pingLocationDataFor,
} from './ping-location/index.js';
import { type MeasurementSnapshot, type RelayLifecycle } from './relay-lifecycle.js';
import { type SimulatedWorld, type WorldHost, withoutPops } from './simulated-world.js';
import { type SimulationSettings, type SimulationSettingsCache } from './simulation-settings.js';
import { type SimulatedHost } from './world/index.js';

/** Where a location's direct route starts: the cheapest entry hub and the access round trip, ms. */
export interface LocalAnchor {
  readonly hubIndex: number;
  readonly accessMs: number;
}

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
  /** The local anchor, fake lag included. */
  readonly anchor: LocalAnchor | undefined;
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

/** The host's cheapest entry hub and its access round trip (unrounded), as a location's anchor. */
export function anchorOf(world: SimulatedWorld, host: SimulatedHost): LocalAnchor | undefined {
  const internet = world.model.internet;
  const point = internet.locate(host.place, host.place.countryCode);
  let best: LocalAnchor | undefined;
  for (const attachment of point.attachments) {
    const accessMs = internet.accessRttMs(attachment) + host.accessRttMs;
    if (best === undefined || accessMs < best.accessMs) {
      best = { hubIndex: attachment.hub, accessMs };
    }
  }
  return best;
}

/** One host's local side, rebuilt when its inputs change. */
export class LocalSideCache {
  readonly #sources: LocalSideSources;
  #side: LocalSide | undefined;
  // The location's content for #side, built on first use.
  #locationData: PingLocationData | undefined;
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
    const anchor = this.localAnchor();
    const world = this.#sources.world;
    const estimator = (this.#estimator ??= new LocalHostEstimator(world.model));
    estimator.setLocal({ pings, anchor, isPopDown: (popId) => world.isPopDown(popId) });
    const side: LocalSide = { snapshot, host, settings, faultRevision, pings, anchor, estimator };
    this.#side = side;
    this.#locationData = undefined;
    return side;
  }

  /** The local ping location's content, or undefined without data. */
  locationData(): PingLocationData | undefined {
    const side = this.current();
    if (side === undefined) return undefined;
    this.#locationData ??= this.#buildLocationData(side);
    return this.#locationData;
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

  /** The local anchor, fake lag included (it delays every packet, direct ones too). */
  localAnchor(): LocalAnchor | undefined {
    const anchor = anchorOf(this.#sources.world, this.measuredHost());
    if (anchor === undefined) return undefined;
    const settings = this.#sources.settings.current;
    return { ...anchor, accessMs: anchor.accessMs + settings.lagSendMs + settings.lagRecvMs };
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

  #buildLocationData(side: LocalSide): PingLocationData {
    const world = this.#sources.world;
    const model = world.model;
    const byId = new Map<number, number>();
    for (const [popIndex, pingMs] of side.pings) byId.set(model.pops[popIndex]!.id, pingMs);
    const built = withoutPops(pingLocationDataFor(model, side.host, byId), (popId) =>
      world.isPopDown(popId),
    );
    const entries = built.entries;
    const anchor = side.anchor;
    // The builder leaves the anchor out when it does not fit the format; so does fake lag.
    if (anchor === undefined || built.anchor === undefined) return { entries };
    const accessMs = Math.round(anchor.accessMs);
    if (accessMs > MAX_PING_MS) return { entries };
    return { entries, anchor: { hubIndex: anchor.hubIndex, accessMs } };
  }
}
