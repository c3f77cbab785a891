/**
 * The demo's game logic as a `@relaylane/core` plugin: it picks the region (RegionSelector), ranks
 * the lobbies by estimated ping (LobbyPingRanking) and, on the engine's frame, publishes what the
 * page shows as one {@link DemoSnapshot} through {@link DemoPlugin.updated}. The views only draw
 * snapshots; they never query the networking service themselves.
 */
import { type Engine, namedCallable, Plugin, Signal } from '@relaylane/core';
import {
  type BackendSelectionInfo,
  compareCandidates,
  LobbyPingRanking,
  type NetworkingUtils,
  NetworkingUtilsPlugin,
  type RankedLobby,
  type RegionCandidate,
  type RegionChangeReason,
  type RegionChoice,
  RegionSelector,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_PING_UNKNOWN,
  type RelayNetworkStatusDetails,
} from '@relaylane/steam-net-utils';
import {
  type SimulationControls,
  SimulationControlsCapability,
} from '@relaylane/steam-net-utils/simulated';

import { DemoError } from './demo-error.js';
import { type SimulatedLobby } from './lobbies.js';

/** How often, at most, the snapshot is rebuilt when nothing signalled a change, ms of engine time. */
export const SNAPSHOT_INTERVAL_MS = 250;
/** How many relay status changes and region changes the snapshot keeps. */
export const HISTORY_LENGTH = 8;

/** One `relay_network_status` emission, with the engine time it arrived at. */
export interface StatusEvent extends RelayNetworkStatusDetails {
  readonly atMs: number;
}

/** One `region_changed` emission, with the engine time it arrived at. */
export interface RegionChangeEvent {
  readonly atMs: number;
  readonly popId: number;
  readonly code: string;
  readonly ping: number;
  readonly reason: RegionChangeReason;
}

/** Everything the page shows, at one moment. */
export interface DemoSnapshot {
  /** Engine clock time of the snapshot, ms. */
  readonly atMs: number;
  /** The latest relay network status (from `relay_network_status`). */
  readonly status: RelayNetworkStatusDetails;
  /** The latest status changes, oldest first. */
  readonly statusHistory: readonly StatusEvent[];
  /** The local ping location string ('' before the first measurement) and its age in s (-1: none). */
  readonly localLocation: string;
  readonly localLocationAge: number;
  /** Which backend answers, and why. */
  readonly backend: BackendSelectionInfo;
  /** Where the simulated player is; undefined on a backend that is not the simulation. */
  readonly player:
    { readonly name: string; readonly lat: number; readonly lon: number } | undefined;
  /** The region choice. */
  readonly region: {
    readonly current: RegionChoice | undefined;
    /** The reachable candidate with the lowest ping now (what an unpinned pick tends to). */
    readonly fastest: RegionCandidate | undefined;
    readonly candidates: readonly RegionCandidate[];
    readonly unreachable: readonly string[];
    readonly pinned: string | undefined;
    readonly changes: readonly RegionChangeEvent[];
  };
  /** The lobbies, best ping first; unknown and failed estimates last. */
  readonly lobbies: readonly RankedLobby<SimulatedLobby>[];
  /** Increments every time the lobbies are ranked again. */
  readonly rankRevision: number;
  /**
   * The player moved and the pings of the new place are not measured yet. The region choice, the
   * candidates and the lobby estimates are then withheld (no choice, no candidates, every lobby
   * `NETWORKING_PING_UNKNOWN`), so the page says it is measuring instead of showing the old
   * place's numbers next to the new place.
   */
  readonly remeasuring: boolean;
}

/** Options of {@link DemoPlugin}. */
export interface DemoPluginOptions {
  /** The lobbies to rank (their hosts live in the same simulated world as the player). */
  readonly lobbies: readonly SimulatedLobby[];
}

/**
 * The demo's plugin (name `demo-game`, depends on `steam-net-utils`).
 *
 * 1. `enterTree` takes the `Steam` service, creates the RegionSelector on the engine's clock and the
 *    lobby ranking, and listens to `relay_network_status` and `region_changed`.
 * 2. `process` re-evaluates the region and, when a signal arrived, the local location changed, or
 *    {@link SNAPSHOT_INTERVAL_MS} passed, rebuilds the snapshot and emits {@link updated}.
 * 3. `exitTree` disconnects and disposes what `enterTree` made, in reverse order.
 */
export class DemoPlugin extends Plugin {
  readonly name = 'demo-game';
  override readonly dependencies = [NetworkingUtilsPlugin.pluginName];

  /** Emitted with a new snapshot, at most once per frame. */
  readonly updated = new Signal<[snapshot: DemoSnapshot]>('demo_updated');

  readonly #lobbies: readonly SimulatedLobby[];
  #engine: Engine | undefined;
  #networkingUtils: NetworkingUtils | undefined;
  #selector: RegionSelector | undefined;
  #ranking: LobbyPingRanking<SimulatedLobby> | undefined;
  #ranked: RankedLobby<SimulatedLobby>[] = [];
  #rankRevision = 0;
  #rankedFor = '';
  #status: RelayNetworkStatusDetails | undefined;
  #statusHistory: StatusEvent[] = [];
  /** Where the player was when the last measurement ended (a `#placeKey`). */
  #measuredPlace: string | undefined;
  #regionChanges: RegionChangeEvent[] = [];
  #dirty = true;
  #sinceSnapshotMs = Infinity;
  #latest: DemoSnapshot | undefined;

  constructor(options: DemoPluginOptions) {
    super();
    this.#lobbies = options.lobbies;
  }

  /** The latest snapshot (undefined before the first frame). */
  get snapshot(): DemoSnapshot | undefined {
    return this.#latest;
  }

  /** The simulated player's controls, when the backend is the simulation (its capability). */
  get simulation(): SimulationControls | undefined {
    return this.#networkingUtils?.capability(SimulationControlsCapability);
  }

  override enterTree(engine: Engine): void {
    const networkingUtils = engine.getSingleton('Steam');
    this.#engine = engine;
    this.#networkingUtils = networkingUtils;
    this.#status = networkingUtils.getRelayNetworkStatusDetails();
    this.#selector = new RegionSelector(networkingUtils, { clock: engine.gameClock });
    this.#ranking = new LobbyPingRanking<SimulatedLobby>(networkingUtils);
    networkingUtils.signals.relay_network_status.connect(this.#onStatus);
    this.#selector.signals.region_changed.connect(this.#onRegionChanged);
  }

  override process(deltaSeconds: number): void {
    const selector = this.#selector;
    if (selector === undefined) return;
    selector.update();
    this.#sinceSnapshotMs += deltaSeconds * 1000;
    if (!this.#dirty && this.#sinceSnapshotMs < SNAPSHOT_INTERVAL_MS) return;
    this.#dirty = false;
    this.#sinceSnapshotMs = 0;
    this.#latest = this.#buildSnapshot();
    this.updated.emit(this.#latest);
  }

  override exitTree(): void {
    this.#selector?.signals.region_changed.disconnect(this.#onRegionChanged);
    this.#networkingUtils?.signals.relay_network_status.disconnect(this.#onStatus);
    this.#selector?.dispose();
    this.#ranking?.clearCache();
    this.#selector = undefined;
    this.#ranking = undefined;
    this.#networkingUtils = undefined;
    this.#engine = undefined;
  }

  /**
   * Pins the region to a POP code (the manual override).
   *
   * @throws what `RegionSelector.pin` throws (an unknown code); DemoError
   *   `DEMO_PLUGIN_NOT_IN_TREE` outside the engine's tree.
   */
  pin(code: string): void {
    this.#requireSelector('pin').pin(code);
    this.#dirty = true;
  }

  /** Goes back to the automatic pick. @throws DemoError `DEMO_PLUGIN_NOT_IN_TREE` outside the tree. */
  unpin(): void {
    this.#requireSelector('unpin').unpin();
    this.#dirty = true;
  }

  /**
   * Moves the simulated player (what `net.sim.where <city>` does).
   *
   * @throws RangeError for an unknown city; DemoError `DEMO_NOT_SIMULATED` when the backend is
   *   not the simulation.
   */
  travel(location: string): void {
    const simulation = this.simulation;
    if (simulation === undefined) {
      throw new DemoError(
        'DEMO_NOT_SIMULATED',
        'DemoPlugin.travel: the player can only move on the simulated relay network; create NetworkingUtilsPlugin with backend: simulatedBackend().',
      );
    }
    simulation.moveTo(location);
    this.#dirty = true;
  }

  readonly #onStatus = namedCallable(
    'DemoPlugin::onStatus',
    (
      available: number,
      ping_measurement: number,
      available_config: number,
      available_relay: number,
      debug_message: string,
    ): void => {
      const details = {
        available,
        ping_measurement,
        available_config,
        available_relay,
        debug_message,
      };
      this.#status = details;
      if (available === NETWORKING_AVAILABILITY_CURRENT && ping_measurement === 0) {
        this.#measuredPlace = this.#placeKey();
      }
      this.#statusHistory = [
        ...this.#statusHistory,
        { ...details, atMs: this.#engine?.gameClock.now() ?? 0 },
      ].slice(-HISTORY_LENGTH);
      this.#dirty = true;
    },
  );

  readonly #onRegionChanged = namedCallable(
    'DemoPlugin::onRegionChanged',
    (popId: number, code: string, ping: number, reason: RegionChangeReason): void => {
      this.#regionChanges = [
        ...this.#regionChanges,
        { atMs: this.#engine?.gameClock.now() ?? 0, popId, code, ping, reason },
      ].slice(-HISTORY_LENGTH);
      this.#dirty = true;
    },
  );

  #requireSelector(method: string): RegionSelector {
    if (this.#selector === undefined) {
      throw new DemoError(
        'DEMO_PLUGIN_NOT_IN_TREE',
        `DemoPlugin.${method}: the plugin is not in the engine's tree. Add it with engine.addPlugin() (after NetworkingUtilsPlugin) first.`,
      );
    }
    return this.#selector;
  }

  #buildSnapshot(): DemoSnapshot {
    const networkingUtils = this.#networkingUtils!;
    const selector = this.#selector!;
    const ranking = this.#ranking!;
    const status = this.#status!;
    const local = networkingUtils.getLocalPingLocation();
    const localLocation = networkingUtils.convertPingLocationToString(local.location);

    // Estimates depend on the local location and on whether the relay network answers: rank again
    // when either changed (re-estimating from the cached parsed lobby locations).
    const rankKey = `${status.available}|${localLocation}`;
    if (rankKey !== this.#rankedFor) {
      this.#ranked = this.#rankRevision === 0 ? ranking.rank(this.#lobbies) : ranking.rerank();
      this.#rankRevision++;
      this.#rankedFor = rankKey;
    }

    const simulation = this.simulation;
    const placeKey = this.#placeKey();
    const remeasuring = this.#measuredPlace !== undefined && placeKey !== this.#measuredPlace;
    const candidates = remeasuring ? [] : selector.candidates;
    return {
      atMs: this.#engine!.gameClock.now(),
      status,
      statusHistory: this.#statusHistory,
      localLocation,
      localLocationAge: local.age,
      backend: networkingUtils.backendSelection,
      player:
        simulation === undefined
          ? undefined
          : {
              name: simulation.host.locationName,
              lat: simulation.host.place.lat,
              lon: simulation.host.place.lon,
            },
      region: {
        current: remeasuring ? undefined : selector.current,
        fastest: fastestCandidate(candidates),
        candidates,
        unreachable: remeasuring ? [] : selector.unreachable,
        pinned: selector.pinned,
        changes: this.#regionChanges,
      },
      lobbies: remeasuring
        ? this.#ranked.map((entry) => ({ lobby: entry.lobby, ping: NETWORKING_PING_UNKNOWN }))
        : this.#ranked,
      // A withheld ranking is a ranking of its own, for the views that redraw on a new revision.
      rankRevision: this.#rankRevision * 2 + (remeasuring ? 1 : 0),
      remeasuring,
    };
  }

  /** The simulated player's place as a key ('' on another backend, where the player cannot move). */
  #placeKey(): string {
    const host = this.simulation?.host;
    return host === undefined ? '' : `${host.place.lat},${host.place.lon}`;
  }
}

/**
 * The reachable candidate with the lowest ping, in the RegionSelector's own order
 * (`compareCandidates`: ties go to the lower code), or undefined.
 */
export function fastestCandidate(
  candidates: readonly RegionCandidate[],
): RegionCandidate | undefined {
  let best: RegionCandidate | undefined;
  for (const candidate of candidates) {
    if (!candidate.reachable || candidate.ping < 0) continue;
    if (best === undefined || compareCandidates(candidate, best) < 0) best = candidate;
  }
  return best;
}
