/**
 * The simulated relay network's latency model: deterministic base round trips between any two
 * places, hosts with an access technology, pings from a host to every POP, the relay backbone
 * between POPs, host-to-host estimates through the relays, and seeded per-probe samples (jitter,
 * loss, a slower first probe).
 *
 * Everything is a pure function of the seed and the inputs: no clock, no global randomness.
 * See docs/simulation-model.md for the formulas and where every constant comes from.
 */
import {
  CONNECTION_PROFILES,
  type ConnectionProfile,
  type ConnectionType,
} from './connection-types.js';
import { assertLatLon, type LatLon } from './geo.js';
import {
  defaultInternetTopology,
  type InternetHub,
  type InternetTopology,
} from './internet-topology.js';
import { popCodeFromId } from '../../../estimator/pop-id.js';
import { type ChinaCarrier, POP_CATALOGUE, type PopInfo } from './pops.js';
import {
  type AttachedPoint,
  PublicInternet,
  type PublicInternetParameters,
} from './public-internet.js';
import { SeededRandom, type Seed } from './random.js';
import { RelayBackbone } from './relay-backbone.js';
import { valveRelayNetwork } from '../../../estimator/relay-network-config.js';
import { type RelayNetwork } from '../../../estimator/relay-network.js';
import { WorldRangeError } from './world-errors.js';

/** A place on Earth, optionally with its ISO country code (a `City` and a `PopInfo` are places). */
export interface Place extends LatLon {
  readonly countryCode?: string;
}

/** Every tunable constant of the model. */
export interface LatencyModelParameters extends PublicInternetParameters {
  /**
   * Extra round trip when a host on one mainland-China carrier pings a POP variant on another
   * carrier (the carriers interconnect at few, congested points), ms.
   */
  readonly crossCarrierRttMs: number;
  /** The first probe to each POP waits at least this much longer (route and NAT set-up), ms. */
  readonly firstProbeMinExtraMs: number;
  /** Mean of the further exponential delay of the first probe to each POP, ms. */
  readonly firstProbeMeanExtraMs: number;
  /** Extra loss probability of the first probe to each POP (some routers drop the first packet). */
  readonly firstProbeLossRate: number;
  /** Loss probability added per millisecond of base round trip (longer paths cross more links). */
  readonly lossPerRttMs: number;
  /** Fraction of the base round trip added to the mean probe jitter (queues along the path). */
  readonly pathJitterFraction: number;
}

/**
 * The calibrated defaults. Physics and published aggregates fix them (docs/simulation-model.md explains each):
 * route stretch, hop and metro costs and the backhaul factor together give a median inflation of
 * about 2× the fibre bound between world cities, more on short paths and less on long ones.
 */
export const DEFAULT_LATENCY_PARAMETERS: LatencyModelParameters = Object.freeze({
  landRouteStretch: 1.25,
  seaRouteStretch: 1.05,
  hopRttMs: 0.5,
  backhaulRouteFactor: 2,
  metroRttMs: 1,
  poorPeeringRttMs: 5,
  chinaBorderRttMs: 12,
  crossCarrierRttMs: 25,
  firstProbeMinExtraMs: 5,
  firstProbeMeanExtraMs: 20,
  firstProbeLossRate: 0.05,
  lossPerRttMs: 0.00002,
  pathJitterFraction: 0.02,
});

/** What a host is: where it is, how it connects, and the label that seeds its randomness. */
export interface HostOptions {
  /** Where the host is; a `City` also gives its country, which picks the host's national hubs. */
  readonly place: Place;
  /** The host's access technology (default `'datacenter'`: no last-mile latency). */
  readonly connection?: ConnectionType;
  /** For a host in mainland China: its carrier, which makes other carriers' POPs slower. */
  readonly carrier?: ChinaCarrier | undefined;
  /**
   * Names the host's random streams (its access latency, its probes). Two hosts with the same
   * label draw the same numbers. Defaults to the coordinates, connection and carrier.
   */
  readonly label?: string;
}

/** A host of the simulated network with its deterministic base round trips to every POP. */
export interface SimulatedHost {
  readonly label: string;
  readonly place: Place;
  readonly connection: ConnectionType;
  readonly carrier: ChinaCarrier | undefined;
  /** The host's own access round trip, drawn once from its connection type's range, ms. */
  readonly accessRttMs: number;
  /** True when the host's traffic enters the internet in mainland China. */
  readonly inMainlandChina: boolean;
  /** Base round trip to each POP, in the order of {@link LatencyModel.pops}, ms. */
  readonly popRttMs: readonly number[];
}

/** One probe's fate: lost, or answered after `rttMs` milliseconds. */
export type ProbeOutcome =
  { readonly lost: true } | { readonly lost: false; readonly rttMs: number };

/** A host-to-host estimate through the relays, with the POPs it goes through. */
export interface RelayedEstimate {
  /** Estimated round trip, ms. */
  readonly rttMs: number;
  /** The POP next to the first host. */
  readonly popA: PopInfo;
  /** The POP next to the second host (the same as `popA` when both use one POP). */
  readonly popB: PopInfo;
}

/** Options of a {@link LatencyModel}. */
export interface LatencyModelOptions {
  /** Seeds every random stream (default 0). */
  readonly seed?: Seed;
  /** The POPs of the network (default: the whole {@link POP_CATALOGUE}). */
  readonly pops?: readonly PopInfo[] | undefined;
  /** The internet graph (default: the built-in world, shared). */
  readonly topology?: InternetTopology;
  /** Overrides of {@link DEFAULT_LATENCY_PARAMETERS}. */
  readonly parameters?: Partial<LatencyModelParameters> | undefined;
  /**
   * The relay network whose backbone joins the POPs (default: Valve's published network); it must
   * have every POP of {@link pops}.
   */
  readonly network?: RelayNetwork | undefined;
}

/** Parameters that multiply a route length: they must be ≥ 1 to keep the fibre bound. */
const STRETCH_PARAMETERS = ['landRouteStretch', 'seaRouteStretch', 'backhaulRouteFactor'] as const;

function validateParameters(parameters: LatencyModelParameters): LatencyModelParameters {
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new WorldRangeError(
        'SIMULATION_INVALID_LATENCY_PARAMETER',
        `Latency parameter '${name}' is ${String(value)}; it must be a finite number ≥ 0.`,
      );
    }
  }
  for (const name of STRETCH_PARAMETERS) {
    if (parameters[name] < 1) {
      throw new WorldRangeError(
        'SIMULATION_INVALID_LATENCY_PARAMETER',
        `Latency parameter '${name}' is ${parameters[name]}; route factors must be ≥ 1, ` +
          'or round trips could beat the speed of light in fibre.',
      );
    }
  }
  return Object.freeze(parameters);
}

/** The latency model of one simulated world. Immutable; every query is deterministic. */
export class LatencyModel {
  /** The POPs, in table order (indices used by hosts and the backbone). */
  readonly pops: readonly PopInfo[];
  readonly parameters: LatencyModelParameters;
  readonly internet: PublicInternet;
  readonly backbone: RelayBackbone;
  readonly #random: SeededRandom;
  readonly #popIndexById: ReadonlyMap<number, number>;
  readonly #popPoints: readonly AttachedPoint[];

  constructor(options: LatencyModelOptions = {}) {
    this.parameters = validateParameters({ ...DEFAULT_LATENCY_PARAMETERS, ...options.parameters });
    this.pops = Object.freeze([...(options.pops ?? POP_CATALOGUE)]);
    this.#random = new SeededRandom(options.seed ?? 0);
    this.#popIndexById = new Map(this.pops.map((pop, index) => [pop.id, index]));
    this.internet = new PublicInternet(
      options.topology ?? defaultInternetTopology(),
      this.parameters,
    );
    this.#popPoints = this.pops.map((pop) => this.internet.locate(pop, pop.countryCode));
    this.backbone = new RelayBackbone(options.network ?? valveRelayNetwork(), this.pops);
  }

  /** The table index of the POP with this `SteamNetworkingPOPID`, or -1 when it is not simulated. */
  popIndex(popId: number): number {
    return this.#popIndexById.get(popId) ?? -1;
  }

  /**
   * The base round trip of the public internet between two places, with no access latency at
   * either end (two servers in data centres), ms. Never below the fibre bound.
   */
  publicRttMs(a: Place, b: Place): number {
    return this.internet.rttMs(this.#locate(a, 'first place'), this.#locate(b, 'second place'));
  }

  /** The hubs the public route between two places passes through, in order. */
  publicRoute(a: Place, b: Place): readonly InternetHub[] {
    return this.internet.route(this.#locate(a, 'first place'), this.#locate(b, 'second place'));
  }

  /** Creates a host: draws its access latency and computes its base round trip to every POP. */
  createHost(options: HostOptions): SimulatedHost {
    const connection = options.connection ?? 'datacenter';
    const profile = CONNECTION_PROFILES[connection];
    if (profile === undefined) {
      throw new WorldRangeError(
        'SIMULATION_INVALID_CONNECTION_TYPE',
        `Unknown connection type '${String(connection)}'. Use one of: ${Object.keys(CONNECTION_PROFILES).join(', ')}.`,
      );
    }
    const place = options.place;
    const point = this.#locate(place, 'host location');
    const carrier = options.carrier;
    const label =
      options.label ??
      `${place.lat.toFixed(4)},${place.lon.toFixed(4)}/${connection}${carrier === undefined ? '' : `/${carrier}`}`;
    const accessRttMs = this.#random
      .fork(`access:${label}`)
      .nextRange(profile.minAccessRttMs, profile.maxAccessRttMs);
    const inMainlandChina = this.internet.topology.hubs[point.attachments[0]!.hub]!.mainlandChina;
    const popRttMs = this.#popPoints.map((popPoint, index) => {
      const pop = this.pops[index]!;
      const crossCarrier =
        inMainlandChina &&
        carrier !== undefined &&
        pop.carrier !== undefined &&
        pop.carrier !== carrier;
      return (
        this.internet.rttMs(point, popPoint) +
        accessRttMs +
        (crossCarrier ? this.parameters.crossCarrierRttMs : 0)
      );
    });
    return Object.freeze({
      label,
      place,
      connection,
      carrier,
      accessRttMs,
      inMainlandChina,
      popRttMs: Object.freeze(popRttMs),
    });
  }

  /**
   * True when `host`'s ping location may name the POP at `popIndex`: the POP is on the host's
   * partner network (Valve's `partners` bit 2, the China network, for a host whose traffic enters
   * the internet in mainland China; bit 1, Valve's global network, for every other host), as
   * real clients list only their own network's POPs.
   */
  servesHost(host: SimulatedHost, popIndex: number): boolean {
    const pop = this.pops[popIndex];
    return pop !== undefined && (pop.partners & (host.inMainlandChina ? 2 : 1)) !== 0;
  }

  /**
   * True when `host` pings the POP at `popIndex` directly: it serves the host and has relays (a
   * server-only site, `relayCount` 0, is reached only through other POPs).
   */
  pingsDirectly(host: SimulatedHost, popIndex: number): boolean {
    return this.servesHost(host, popIndex) && this.pops[popIndex]!.relayCount > 0;
  }

  /** The host's deterministic base round trip to the POP with this id, ms. */
  popRttMs(host: SimulatedHost, popId: number): number {
    return host.popRttMs[this.#requirePopIndex(popId)]!;
  }

  /** The relay backbone's round trip between two POPs (by id), ms; 0 for the same POP. */
  backboneRttMs(popIdA: number, popIdB: number): number {
    return this.backbone.rttMs(this.#requirePopIndex(popIdA), this.#requirePopIndex(popIdB));
  }

  /**
   * The round trip between two hosts through the relays, as Steam estimates it: the best of
   *   ping(a, p) + backbone(p, q) + ping(q, b)   over all POP pairs (p, q),
   * where p = q (both hosts meet at one POP) has backbone 0. Access latency is counted once per
   * host, inside its pings. This is the model's ground truth over every POP and unrounded pings;
   * estimates from ping locations run on the estimator's kernels (`estimator/estimate-kernels.ts`).
   */
  estimateRelayed(a: SimulatedHost, b: SimulatedHost): RelayedEstimate {
    let best = Infinity;
    let bestA = 0;
    let bestB = 0;
    const count = this.pops.length;
    for (let i = 0; i < count; i++) {
      const toA = a.popRttMs[i]!;
      if (toA >= best) continue;
      for (let j = 0; j < count; j++) {
        const total = toA + this.backbone.rttMs(i, j) + b.popRttMs[j]!;
        if (total < best) {
          best = total;
          bestA = i;
          bestB = j;
        }
      }
    }
    return { rttMs: best, popA: this.pops[bestA]!, popB: this.pops[bestB]! };
  }

  /**
   * One ping probe from `host` to the POP `popId`, the `probeIndex`-th (0 = first) to that POP.
   * Deterministic: the same (seed, host label, POP, index) always gives the same outcome, in any
   * order of calls. A probe is lost with the connection's loss rate plus a share that grows
   * with the path (and, for the first probe, `firstProbeLossRate`); an answered probe takes the
   * base round trip plus exponential jitter (plus, for the first probe, a set-up delay).
   */
  sampleProbe(host: SimulatedHost, popId: number, probeIndex: number): ProbeOutcome {
    if (!Number.isSafeInteger(probeIndex) || probeIndex < 0) {
      throw new WorldRangeError(
        'SIMULATION_INVALID_PROBE_INDEX',
        `Probe index ${String(probeIndex)} is not valid; count probes to each POP from 0.`,
      );
    }
    const index = this.#requirePopIndex(popId);
    const pop = this.pops[index]!;
    const profile: ConnectionProfile = CONNECTION_PROFILES[host.connection];
    const base = host.popRttMs[index]!;
    const first = probeIndex === 0;
    const random = this.#random.fork(`probe:${host.label}:${pop.code}:${probeIndex}`);
    const lossRate =
      profile.lossRate +
      base * this.parameters.lossPerRttMs +
      (first ? this.parameters.firstProbeLossRate : 0);
    if (random.chance(lossRate)) {
      return { lost: true };
    }
    const jitter = random.nextExponential(
      profile.jitterMeanMs + base * this.parameters.pathJitterFraction,
    );
    const setUp = first
      ? this.parameters.firstProbeMinExtraMs +
        random.nextExponential(this.parameters.firstProbeMeanExtraMs)
      : 0;
    // Jitter and set-up delay are ≥ 0, so no sample is below the base round trip.
    return { lost: false, rttMs: base + jitter + setUp };
  }

  #locate(place: Place, what: string): AttachedPoint {
    assertLatLon(place, what);
    return this.internet.locate(place, place.countryCode);
  }

  #requirePopIndex(popId: number): number {
    const index = this.#popIndexById.get(popId);
    if (index === undefined) {
      const code = popCodeFromId(popId); // throws for a non-uint32
      throw new WorldRangeError(
        'SIMULATION_UNKNOWN_POP',
        `POP '${code}' (id ${popId}) is not part of the simulated relay network. ` +
          `Known POPs: ${this.pops.map((pop) => pop.code).join(', ')}.`,
      );
    }
    return index;
  }
}
