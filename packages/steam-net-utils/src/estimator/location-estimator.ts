/**
 * `EstimatePingTimeBetweenTwoLocations` for a backend that knows its relay network (the
 * simulation, the beacons): the estimator's estimate (`estimate.ts`, on its kernels), reading locations in
 * Relaylane's 512-byte form or as `PingLocation`s, with the POPs that are down left out.
 */
import { NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { estimateIndexed, indexedHot } from './estimate.js';
import { dropEntries, HOT_SIZE, RECORD_SIZE } from './location-record.js';
import { scanPingLocationBytes } from './ping-location-bytes.js';
import { type PingLocation, recordOf } from './ping-location.js';
import { type RelayNetwork } from './relay-network.js';

/**
 * Tells whether a POP is down: entries naming it or going through it are left out. It is asked
 * about the network's POPs by their ids; an entry naming an alias (`tyo1`) is asked as its POP.
 */
export type PopDownTest = (popId: number) => boolean;

/**
 * See the file comment. After construction an estimate allocates nothing while no POP is down
 * (with one down, its test is a closure per estimate).
 */
export class LocationEstimator {
  readonly #network: RelayNetwork;
  readonly #a = new Int32Array(RECORD_SIZE);
  readonly #b = new Int32Array(RECORD_SIZE);
  readonly #hotA = new Int32Array(HOT_SIZE);
  readonly #hotB = new Int32Array(HOT_SIZE);

  constructor(network: RelayNetwork) {
    this.#network = network;
  }

  /**
   * The estimate between two locations in the 512-byte form, whole ms: UNKNOWN when either is
   * not a location, FAILED when they share no route. Never throws.
   */
  estimateBytes(a: Uint8Array, b: Uint8Array, isDown?: PopDownTest): number {
    if (!scanPingLocationBytes(a, this.#a, 0) || !scanPingLocationBytes(b, this.#b, 0)) {
      return NETWORKING_PING_UNKNOWN;
    }
    return this.#estimateScratch(isDown);
  }

  /** {@link estimateBytes} for locations decoded once (undefined: not a location). */
  estimateLocations(
    a: PingLocation | undefined,
    b: PingLocation | undefined,
    isDown?: PopDownTest,
  ): number {
    if (a === undefined || b === undefined) return NETWORKING_PING_UNKNOWN;
    if (isDown !== undefined) {
      this.#a.set(recordOf(a));
      this.#b.set(recordOf(b));
      return this.#estimateScratch(isDown);
    }
    const network = this.#network;
    return estimateIndexed(
      network,
      indexedHot(a, network),
      recordOf(a),
      indexedHot(b, network),
      recordOf(b),
    );
  }

  #estimateScratch(isDown: PopDownTest | undefined): number {
    const network = this.#network;
    const a = this.#a;
    const b = this.#b;
    if (isDown !== undefined) {
      const drop = entriesThroughDownPops(network, isDown);
      dropEntries(a, 0, drop);
      dropEntries(b, 0, drop);
    }
    network.indexRecord(a, 0, this.#hotA, 0);
    network.indexRecord(b, 0, this.#hotB, 0);
    return estimateIndexed(network, this.#hotA, a, this.#hotB, b);
  }
}

/**
 * The test `dropEntries` needs for the POPs that are down: an entry goes when its POP, or the POP
 * its via route enters by, is down, whatever code names it (an alias such as `tyo1` is its POP).
 */
export function entriesThroughDownPops(
  network: RelayNetwork,
  isDown: PopDownTest,
): (popId: number, relayPopId: number) => boolean {
  const down = (popId: number): boolean => {
    const index = network.indexOf(popId);
    return isDown(index < 0 ? popId : network.pops[index]!.id);
  };
  return (popId, relayPopId) => down(popId) || (relayPopId !== 0 && down(relayPopId));
}
