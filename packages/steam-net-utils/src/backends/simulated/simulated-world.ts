/**
 * One simulated world that many simulated hosts share: the latency model, which POPs are down,
 * whether any relay answers at all, the FakeIP service, and the hosts themselves. Two players in
 * one process (a lobby, a test) that use the same world see consistent locations and estimates:
 * A's estimate to B is B's estimate to A, and both follow the same model.
 */
import { RelaylaneError } from '@relaylane/core';

import { isPopCode, PopIdError } from '../../estimator/pop-id.js';
import { resolveHostLocation, type HostLocation } from './host-location.js';
import { FakeIPAllocator, type FakeIPAllocatorOptions } from './fake-ip/index.js';
import { pingLocationToBytes } from '../../estimator/ping-location-bytes.js';
import { type PingLocation } from '../../estimator/ping-location.js';
import { buildPingLocation, LocationEstimator } from './ping-location/index.js';
import {
  type ChinaCarrier,
  type ConnectionType,
  LatencyModel,
  type LatencyModelParameters,
  type Place,
  type PopInfo,
  type Seed,
  SeededRandom,
  type SimulatedHost,
  WorldRangeError,
} from './world/index.js';

/**
 * The seed of a world, and so of a simulated backend, when none is given: the same number
 * everywhere (the service, the demo, the terminal console), so the same options give the same
 * pings wherever they are typed.
 */
export const DEFAULT_SIMULATION_SEED = 0;

/** Options of a {@link SimulatedWorld}. */
export interface SimulatedWorldOptions {
  /** Seeds every random stream of the world: access latencies, probe jitter and loss, FakeIPs (default 0). */
  readonly seed?: Seed;
  /** Overrides of the latency model's constants (see docs/simulation-model.md). */
  readonly latency?: Partial<LatencyModelParameters>;
  /** The POPs of the network (default: the whole catalogue). */
  readonly pops?: readonly PopInfo[];
  /** Options of the world's FakeIP service. */
  readonly fakeIP?: FakeIPAllocatorOptions;
}

/** Options of {@link SimulatedWorld.createHost}. */
export interface WorldHostOptions {
  /** A catalogue city (`'Frankfurt'`, `'Portland, United States'`) or `{ lat, lon }`. */
  readonly location: HostLocation;
  /** The host's access technology (default `'fiber'`, a typical player at home). */
  readonly connection?: ConnectionType | undefined;
  /** For a host in mainland China: its carrier (other carriers' POP variants are slower). */
  readonly carrier?: ChinaCarrier | undefined;
  /**
   * Names the host in the world and seeds its random streams (access latency, probe jitter and
   * loss). Unique within the world; default `host-<n>` in creation order.
   */
  readonly label?: string | undefined;
}

/** A change to the world's faults, as hosts are told about it. */
export type WorldFaultChange =
  | { readonly kind: 'popDown'; readonly pop: PopInfo; readonly down: boolean }
  | { readonly kind: 'allRelaysUnreachable'; readonly unreachable: boolean };

/**
 * What a simulated network registers with its world to hear about faults. The world calls
 * `beforeWorldChange` on every observer before it changes anything (so each host can first run
 * its simulation up to now under the old conditions), then `afterWorldChange`.
 */
export interface WorldObserver {
  beforeWorldChange(): void;
  afterWorldChange(change: WorldFaultChange): void;
}

/** The error a world throws for misuse that is not a value out of range (a duplicate label, a foreign host). */
export class SimulatedWorldError extends RelaylaneError {}

/** The default access technology of a host: fibre to the home. */
export const DEFAULT_HOST_CONNECTION: ConnectionType = 'fiber';

/**
 * A host of a {@link SimulatedWorld}: a place, an access technology and its base round trips to
 * every POP. {@link SimulatedWorld.moveHost} moves it.
 */
export class WorldHost {
  /** The world this host belongs to. */
  readonly world: SimulatedWorld;
  /** The host's name in its world; also what its random streams are named after. */
  readonly label: string;
  readonly connection: ConnectionType;
  readonly carrier: ChinaCarrier | undefined;
  #model: SimulatedHost;
  #name: string;
  #moves = 0;

  /** @internal Use {@link SimulatedWorld.createHost}. */
  constructor(
    world: SimulatedWorld,
    label: string,
    connection: ConnectionType,
    carrier: ChinaCarrier | undefined,
    model: SimulatedHost,
    name: string,
  ) {
    this.world = world;
    this.label = label;
    this.connection = connection;
    this.carrier = carrier;
    this.#model = model;
    this.#name = name;
  }

  /** The latency model's view of the host (base round trips to every POP). */
  get model(): SimulatedHost {
    return this.#model;
  }

  /** Where the host is. */
  get place(): Place {
    return this.#model.place;
  }

  /** The location's name: `'Frankfurt (Germany)'` or coordinates. */
  get locationName(): string {
    return this.#name;
  }

  /** How many times the host has moved; each move gives it new random streams and access latency. */
  get moves(): number {
    return this.#moves;
  }

  /** @internal Called by {@link SimulatedWorld.moveHost}. */
  relocate(model: SimulatedHost, name: string): void {
    this.#model = model;
    this.#name = name;
    this.#moves++;
  }
}

/**
 * The simulated world: one latency model, the POP faults, the FakeIP service and a registry of
 * hosts. Deterministic for its seed.
 *
 * ```ts
 * const world = new SimulatedWorld({ seed: 7 });
 * const paris = world.createHost({ location: 'Paris' });
 * world.locationStringFor(paris); // 'par=4+0,lhr=11+1/10+0,...' (noise-free; no lifecycle needed)
 * world.setPopDown('par', true);  // every host in the world loses the Paris relays
 * ```
 */
export class SimulatedWorld {
  /** The seed every random stream of the world derives from. */
  readonly seed: Seed;
  /** The world's latency model. */
  readonly model: LatencyModel;
  /** The world's root random stream; the world and its hosts only ever draw from forks of it. */
  readonly random: SeededRandom;
  /** The FakeIP service every host of the world allocates from and resolves through. */
  readonly fakeIPs: FakeIPAllocator;
  readonly #hosts = new Map<string, WorldHost>();
  readonly #down = new Set<number>();
  readonly #observers = new Set<WorldObserver>();
  #allRelaysUnreachable = false;
  #faultRevision = 0;
  #autoLabel = 0;
  #estimator: LocationEstimator | undefined;

  /**
   * @throws RangeError ({@link WorldRangeError}) when the seed or a latency parameter is invalid.
   */
  constructor(options: SimulatedWorldOptions = {}) {
    this.seed = options.seed ?? DEFAULT_SIMULATION_SEED;
    this.random = new SeededRandom(this.seed);
    this.model = new LatencyModel({
      seed: this.seed,
      pops: options.pops,
      parameters: options.latency,
    });
    this.fakeIPs = new FakeIPAllocator(this.random.fork('fake-ip'), options.fakeIP ?? {});
  }

  /** The estimator of ping locations over this world's model (built on first use, shared). */
  get estimator(): LocationEstimator {
    this.#estimator ??= new LocationEstimator(this.model.backbone.network);
    return this.#estimator;
  }

  /**
   * Adds a host to the world.
   *
   * @throws RangeError ({@link WorldRangeError}) for an unknown city, coordinates off the globe or
   *   an unknown connection type; {@link SimulatedWorldError} `SIMULATION_DUPLICATE_HOST_LABEL` when another
   *   host of this world has the label.
   */
  createHost(options: WorldHostOptions): WorldHost {
    const resolved = resolveHostLocation(options.location);
    const connection = options.connection ?? DEFAULT_HOST_CONNECTION;
    const label = options.label ?? this.#nextAutoLabel();
    if (typeof label !== 'string' || label.trim() === '') {
      throw new WorldRangeError(
        'SIMULATION_INVALID_HOST_LABEL',
        `A host label must be a non-empty string, got ${JSON.stringify(label)}. Leave it out to get 'host-<n>'.`,
      );
    }
    if (this.#hosts.has(label)) {
      throw new SimulatedWorldError(
        'SIMULATION_DUPLICATE_HOST_LABEL',
        `The simulated world already has a host labelled '${label}'. Give each host its own label ` +
          '(labels seed its random streams), or leave the label out.',
      );
    }
    const model = this.model.createHost({
      place: resolved.place,
      connection,
      label,
      carrier: options.carrier,
    });
    const host = new WorldHost(this, label, connection, options.carrier, model, resolved.name);
    this.#hosts.set(label, host);
    return host;
  }

  /**
   * Moves `host` to `location`: new base round trips, a new access latency (a new network) and
   * new random streams (named `<label>@<moves>`). Networks on the host re-measure when told
   * (`SimulatedRelayNetwork.moveTo` does both).
   *
   * @throws RangeError for an unknown city or coordinates off the globe;
   *   {@link SimulatedWorldError} `SIMULATION_FOREIGN_HOST` when the host is not in this world.
   */
  moveHost(host: WorldHost, location: HostLocation): void {
    this.#requireHost(host, 'moveHost');
    const resolved = resolveHostLocation(location);
    const model = this.model.createHost({
      place: resolved.place,
      connection: host.connection,
      label: `${host.label}@${host.moves + 1}`,
      carrier: host.carrier,
    });
    host.relocate(model, resolved.name);
  }

  /**
   * Takes `host` out of the world: its label may be used again and its FakeIP (if any, under
   * `steamId`) is released. Returns false when it was not in the world.
   */
  removeHost(host: WorldHost, steamId?: bigint): boolean {
    if (this.#hosts.get(host.label) !== host) return false;
    this.#hosts.delete(host.label);
    if (steamId !== undefined) this.fakeIPs.release(steamId);
    return true;
  }

  /** The hosts of the world, in creation order. */
  hosts(): WorldHost[] {
    return [...this.#hosts.values()];
  }

  /** The host with this label, or undefined. */
  findHost(label: string): WorldHost | undefined {
    return this.#hosts.get(label);
  }

  /**
   * Takes a POP down (its relays stop answering and it leaves the network config) or brings it
   * back. Every host of the world is told at once. Setting the state it already has does nothing.
   *
   * @throws RangeError ({@link WorldRangeError} `SIMULATION_UNKNOWN_POP`) when `code` is not a POP of this
   *   world, naming the known codes.
   */
  setPopDown(code: string, down: boolean): void {
    const pop = this.requirePop(code);
    if (this.#down.has(pop.id) === down) return;
    this.#change({ kind: 'popDown', pop, down }, () => {
      if (down) this.#down.add(pop.id);
      else this.#down.delete(pop.id);
    });
  }

  /** True when the POP with this id or code is down. Unknown POPs are not down. */
  isPopDown(pop: number | string): boolean {
    if (typeof pop === 'string') {
      const info = this.findPop(pop);
      return info !== undefined && this.#down.has(info.id);
    }
    return this.#down.has(pop);
  }

  /** True when at least one POP is down (cheaper than `downPops().length > 0`). */
  get hasDownPops(): boolean {
    return this.#down.size > 0;
  }

  /**
   * Increments on every fault change (a POP going down or up, relays becoming unreachable or
   * reachable again), so that data derived from the faults can tell when it is stale.
   */
  get faultRevision(): number {
    return this.#faultRevision;
  }

  /** The codes of the POPs that are down, in the model's order. */
  downPops(): string[] {
    return this.model.pops.filter((pop) => this.#down.has(pop.id)).map((pop) => pop.code);
  }

  /**
   * Makes every relay of the world stop answering (true), or answer again (false): the network
   * config can still be fetched, but no ping probe comes back.
   */
  setAllRelaysUnreachable(unreachable: boolean): void {
    if (this.#allRelaysUnreachable === unreachable) return;
    this.#change({ kind: 'allRelaysUnreachable', unreachable }, () => {
      this.#allRelaysUnreachable = unreachable;
    });
  }

  /** True while {@link setAllRelaysUnreachable} is on. */
  get allRelaysUnreachable(): boolean {
    return this.#allRelaysUnreachable;
  }

  /** The POPs that are up, in the model's order: what the network config lists. */
  livePops(): PopInfo[] {
    return this.model.pops.filter((pop) => !this.#down.has(pop.id));
  }

  /** The POP of this world with this code (any letter case), or undefined. */
  findPop(code: string): PopInfo | undefined {
    const folded = code.trim().toLowerCase();
    return this.model.pops.find((pop) => pop.code === folded);
  }

  /**
   * The POP of this world with this code.
   *
   * @throws PopIdError (a RangeError) `POP_CODE_INVALID` for a malformed code; WorldRangeError
   *   `SIMULATION_UNKNOWN_POP` for a code this world does not have, listing the known ones.
   */
  requirePop(code: string): PopInfo {
    const pop = typeof code === 'string' ? this.findPop(code) : undefined;
    if (pop !== undefined) return pop;
    const folded = typeof code === 'string' ? code.trim().toLowerCase() : '';
    if (!isPopCode(folded)) {
      throw new PopIdError(
        'POP_CODE_INVALID',
        `'${String(code)}' is not a POP code: POP codes are 1 to 4 letters or digits, like 'fra'.`,
      );
    }
    throw new WorldRangeError(
      'SIMULATION_UNKNOWN_POP',
      `The simulated world has no POP '${folded}'. Known POPs: ${this.model.pops.map((p) => p.code).join(', ')}.`,
    );
  }

  /**
   * The ping location of `host` from the model's noise-free round trips, as if it had measured
   * perfectly just now: written as a real client writes it (see `buildPingLocation`) from the POPs
   * of its partner network that are up. No lifecycle runs and no time passes, so simulated lobby
   * hosts can publish a location at once. With every relay unreachable it has no entries.
   */
  pingLocationOf(host: WorldHost): PingLocation {
    this.#requireHost(host, 'pingLocationOf');
    const model = this.model;
    const pings = new Map<number, number>();
    if (!this.#allRelaysUnreachable) {
      model.pops.forEach((pop, index) => {
        if (!this.#down.has(pop.id) && model.pingsDirectly(host.model, index)) {
          pings.set(index, host.model.popRttMs[index]!);
        }
      });
    }
    return buildPingLocation(model, pings, (index) => this.locationMayName(host.model, index));
  }

  /**
   * True when a ping location of `host` may name the POP at model index `popIndex`: the POP is
   * up and on the host's partner network (`LatencyModel.servesHost`).
   */
  locationMayName(host: SimulatedHost, popIndex: number): boolean {
    const pop = this.model.pops[popIndex];
    return pop !== undefined && !this.#down.has(pop.id) && this.model.servesHost(host, popIndex);
  }

  /** {@link pingLocationOf} as the 512 bytes `getLocalPingLocation` gives. */
  pingLocationFor(host: WorldHost): Uint8Array {
    return pingLocationToBytes(this.pingLocationOf(host));
  }

  /**
   * {@link pingLocationOf} in Steam's text form, as `ConvertPingLocationToString` gives it: what a
   * lobby host puts in the lobby's metadata.
   */
  locationStringFor(host: WorldHost): string {
    return this.pingLocationOf(host).toString();
  }

  /**
   * The model's true round trip between two hosts through the relays (the best POP pair), ms;
   * `Infinity` when no relay route exists. Ignores faults: it is the ground truth that estimates
   * approximate.
   */
  truePingBetween(a: WorldHost, b: WorldHost): number {
    this.#requireHost(a, 'truePingBetween');
    this.#requireHost(b, 'truePingBetween');
    return this.model.estimateRelayed(a.model, b.model).rttMs;
  }

  /**
   * Registers a network to hear about fault changes; returns the function that unregisters it.
   * Registering the same observer twice is refused.
   */
  observe(observer: WorldObserver): () => void {
    if (this.#observers.has(observer)) {
      throw new SimulatedWorldError(
        'SIMULATION_OBSERVER_ALREADY_REGISTERED',
        'This observer already watches the simulated world; call the function observe() returned to unregister it first.',
      );
    }
    this.#observers.add(observer);
    return () => {
      this.#observers.delete(observer);
    };
  }

  #change(change: WorldFaultChange, apply: () => void): void {
    // Observers are copied first so one that unregisters while being told cannot skip another.
    const observers = [...this.#observers];
    for (const observer of observers) observer.beforeWorldChange();
    apply();
    this.#faultRevision++;
    for (const observer of observers) observer.afterWorldChange(change);
  }

  #nextAutoLabel(): string {
    let label: string;
    do {
      label = `host-${++this.#autoLabel}`;
    } while (this.#hosts.has(label));
    return label;
  }

  #requireHost(host: WorldHost, method: string): void {
    if (!(host instanceof WorldHost) || this.#hosts.get(host.label) !== host) {
      throw new SimulatedWorldError(
        'SIMULATION_FOREIGN_HOST',
        `SimulatedWorld.${method}: the host is not part of this world (it was created by another ` +
          "world, or removed). Create it with this world's createHost().",
      );
    }
  }
}
