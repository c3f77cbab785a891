/**
 * Valve's relay backbone between the simulated POPs: the round trips of the relay network (the
 * estimator's `RelayNetwork`, Valve's published network by default), in the order of a latency
 * model's POP table. Published pairs are Valve's values; the others are filled as
 * `estimator/backbone-fill.ts` explains. The simulation and every estimate read the same table.
 */
import { type RelayNetwork } from '../../../estimator/relay-network.js';
import { type PopInfo } from './pops.js';

/** The POP×POP round-trip matrix of the relay backbone, by model POP index. */
export class RelayBackbone {
  /** Number of POPs (the matrix is `popCount × popCount`). */
  readonly popCount: number;
  /** The network the round trips come from. */
  readonly network: RelayNetwork;
  readonly #rtt: Float64Array;

  /**
   * The matrix for `pops` (in model order) from `network`. Throws an Error naming a POP the
   * network does not have.
   */
  constructor(network: RelayNetwork, pops: readonly PopInfo[]) {
    const indices = pops.map((pop) => {
      const index = network.indexOf(pop.id);
      if (index < 0) {
        throw new Error(`The relay network has no POP '${pop.code}' for the simulated backbone.`);
      }
      return index;
    });
    const p = pops.length;
    const n = network.size;
    const rtt = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) rtt[i * p + j] = network.backbone[indices[i]! * n + indices[j]!]!;
    }
    this.popCount = p;
    this.network = network;
    this.#rtt = rtt;
  }

  /** The backbone round trip between the POPs at table indices `i` and `j`, in ms (0 when equal). */
  rttMs(i: number, j: number): number {
    return this.#rtt[i * this.popCount + j]!;
  }
}
