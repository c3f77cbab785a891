/**
 * `EstimatePingTimeFromLocalHost` for a backend that measures its own pings (the simulation, the
 * beacons), with the local side precomputed. Like Steam's, it uses "a slightly more complete set of information" than the local
 * host's ping location: every POP the host measured, unrounded, not only the 12 its location
 * keeps. The local side is one distance field over the relay network (`relaxField`), so an
 * estimate is one step per remote entry (`routeByField`): the estimator's kernels, no copy of
 * their arithmetic.
 */
import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { relaxField, routeByField } from './estimate-kernels.js';
import { indexedHot } from './estimate.js';
import { dropEntries, HOT_SIZE, RECORD_SIZE } from './location-record.js';
import { scanPingLocationBytes } from './ping-location-bytes.js';
import { type PingLocation, recordOf } from './ping-location.js';
import { type RelayNetwork } from './relay-network.js';
import { entriesThroughDownPops, type PopDownTest } from './location-estimator.js';

/** The local host's side of an estimate, as a backend derives it from what it measured. */
export interface LocalHostSide {
  /**
   * The host's unrounded pings, by the index of the POP in the estimator's `measuredPops` (every
   * POP that counts; none that is down).
   */
  readonly pings: ReadonlyMap<number, number>;
  /** True for a POP (by id) that is down: remote entries naming or going through it are left out. */
  readonly isPopDown: PopDownTest;
}

/**
 * See the file comment. After construction an estimate allocates nothing while no POP is down
 * (with one down, its test is a closure per estimate).
 */
export class LocalHostEstimator {
  readonly #network: RelayNetwork;
  readonly #measuredPops: readonly { readonly id: number }[];
  /** `field[x]`: the local host's best relayed round trip up to network POP x, ms. */
  readonly #field: Float64Array;
  readonly #remote = new Int32Array(RECORD_SIZE);
  readonly #remoteHot = new Int32Array(HOT_SIZE);
  #isPopDown: PopDownTest | undefined = undefined;

  /**
   * An estimator over `network` with no local data yet (every estimate FAILED until
   * {@link setLocal}). `measuredPops` is how the local pings are keyed: a ping at index i is to
   * `measuredPops[i]` (the simulation keys them by its model's POPs; by default the network's).
   */
  constructor(
    network: RelayNetwork,
    measuredPops: readonly { readonly id: number }[] = network.pops,
  ) {
    this.#network = network;
    this.#measuredPops = measuredPops;
    this.#field = new Float64Array(network.size).fill(Infinity);
  }

  /**
   * Precomputes the local side's distance field: the best route to each POP from the pings (one
   * backbone hop), then one more hop from every POP so reached. Valve's published backbone does
   * not obey the triangle inequality (`canu`–`hkg` 88 ms, `canu`–`can`–`hkg` 6 ms), and the
   * local host's own location may reach a POP through a via route and meet the other host one
   * hop further; the second hop keeps this estimate at most the one between the two locations.
   */
  setLocal(local: LocalHostSide): void {
    const network = this.#network;
    const { backbone, size } = network;
    const field = this.#field;
    field.fill(Infinity);
    for (const [measuredIndex, pingMs] of local.pings) {
      const index = network.indexOf(this.#measuredPops[measuredIndex]!.id);
      if (index >= 0) relaxField(field, backbone, size, index, pingMs);
    }
    // A POP that is down is no meeting point, and no hop goes through it.
    const down = new Uint8Array(size);
    let anyDown = false;
    network.pops.forEach((pop, index) => {
      if (local.isPopDown(pop.id)) {
        down[index] = 1;
        anyDown = true;
      }
    });
    for (let x = 0; x < size; x++) if (down[x] === 1) field[x] = Infinity;
    const oneHop = Float64Array.from(field);
    for (let x = 0; x < size; x++) {
      if (oneHop[x] !== Infinity) relaxField(field, backbone, size, x, oneHop[x]!);
    }
    for (let x = 0; x < size; x++) if (down[x] === 1) field[x] = Infinity;
    this.#isPopDown = anyDown ? local.isPopDown : undefined;
  }

  /**
   * The estimated round trip to the host at `location` (512 bytes), whole ms:
   * `NETWORKING_PING_UNKNOWN` when it is not a location, `NETWORKING_PING_FAILED` when no route
   * meets it. Never throws.
   */
  estimateBytes(location: Uint8Array): number {
    const remote = this.#remote;
    if (!scanPingLocationBytes(location, remote, 0)) return NETWORKING_PING_UNKNOWN;
    return this.#estimateRemote(remote);
  }

  /** {@link estimateBytes} for a location decoded once (undefined: not a location). */
  estimateLocation(location: PingLocation | undefined): number {
    if (location === undefined) return NETWORKING_PING_UNKNOWN;
    if (this.#isPopDown !== undefined) {
      this.#remote.set(recordOf(location));
      return this.#estimateRemote(this.#remote);
    }
    return finish(routeByField(this.#field, indexedHot(location, this.#network), 0));
  }

  /** The estimate to a scratch record (not yet indexed). */
  #estimateRemote(remote: Int32Array): number {
    const isDown = this.#isPopDown;
    const network = this.#network;
    if (isDown !== undefined) dropEntries(remote, 0, entriesThroughDownPops(network, isDown));
    network.indexRecord(remote, 0, this.#remoteHot, 0);
    return finish(routeByField(this.#field, this.#remoteHot, 0));
  }
}

function finish(best: number): number {
  return best === Infinity ? NETWORKING_PING_FAILED : Math.round(best);
}
