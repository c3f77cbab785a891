/**
 * `EstimatePingTimeBetweenTwoLocations` for the simulated relay network: the round trip between
 * two hosts from their ping locations alone, without sending a packet.
 *
 *   relayed = min over entries p of A, q of B of  pingA[p] + backbone(p, q) + pingB[q]
 *             (p = q allowed: both hosts meet at one POP, backbone 0)
 *   direct  = accessA + public(hubA, hubB) + accessB    when both locations have an anchor
 *   estimate = round(min(relayed, direct))
 *
 * docs/simulated-ping-location.md explains the terms and when the sentinels are returned.
 */
import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../../../constants/index.js';
import { type LatencyModel } from '../world/index.js';
import { encodePingLocation } from './binary-codec.js';
import {
  MAX_PING_LOCATION_ENTRIES,
  packedPingMs,
  packedPopIndex,
  PING_LOCATION_SIZE,
} from './layout.js';
import { type PingLocationData, pingLocationDataProblem } from './ping-location-data.js';
import { type DecodedPingLocation } from './decoded-ping-location.js';
import { PingLocationSlots } from './ping-location-slots.js';
import { popTable } from './pop-table.js';

/** The estimator caches this many sets of four decoded locations (see `PingLocationSlots`). */
const CACHED_LOCATION_SETS = 128;
/**
 * A cached location that has been the first argument of this many estimates gets its distance
 * field (see {@link PingLocationEstimator}); one-off locations never pay for one.
 */
const FIELD_AFTER_USES = 4;

/**
 * Estimates round trips between ping locations over one latency model. Construction precomputes
 * two flat matrices (POP × POP backbone by catalogue index, hub × hub public internet). An
 * estimate then loads each location's used bytes once and allocates nothing.
 *
 * Two caches make repeated estimates (a lobby list refreshed every frame) cheap without changing
 * any result. Decoded locations are kept by content (`PingLocationSlots`), so a location seen
 * before is compared word for word instead of validated again. A location often used as the
 * first argument gets a distance field, `field[x] = min over its entries p of ping[p] +
 * backbone(p, x)` for every catalogue POP x, so that the relayed term becomes
 * `min over q of field[q] + pingB[q]`: 12 steps instead of up to 144. Floating-point addition
 * is monotonic, so this is bit for bit the same minimum as the full double loop.
 */
export class PingLocationEstimator {
  /** Number of catalogue POPs: the row length of {@link #backbone} and of every field. */
  readonly #popCount: number;
  /**
   * `backbone[i * popCount + j]`: the model's backbone round trip between catalogue POPs i and
   * j, ms; `Infinity` when the model does not simulate one of them (no route through it).
   */
  readonly #backbone: Float64Array;
  readonly #hubCount: number;
  /** `publicRtt[a * hubCount + b]`: the public internet's round trip between hubs a and b, ms. */
  readonly #publicRtt: Float64Array;
  readonly #slots: PingLocationSlots;
  /** `field[s * popCount + x]`: slot s's distance field (valid while `fieldFill[s] === fills[s]`). */
  readonly #field: Float64Array;
  readonly #fieldFill: Uint32Array;
  /** How often slot s was the first argument since its fill `usesFill[s]`. */
  readonly #uses: Uint32Array;
  readonly #usesFill: Uint32Array;
  /** Scratch buffers for {@link estimateData}. */
  readonly #bytesA = new Uint8Array(PING_LOCATION_SIZE);
  readonly #bytesB = new Uint8Array(PING_LOCATION_SIZE);

  /** Precomputes the matrices of `model` (its backbone and its internet's hub-to-hub routes). */
  constructor(model: LatencyModel) {
    const table = popTable();
    const n = table.size;
    const modelIndex = Array.from(table.ids, (id) => model.popIndex(id));
    const backbone = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const mi = modelIndex[i]!;
        const mj = modelIndex[j]!;
        backbone[i * n + j] = mi < 0 || mj < 0 ? Infinity : model.backbone.rttMs(mi, mj);
      }
    }
    const h = model.internet.topology.hubs.length;
    const publicRtt = new Float64Array(h * h);
    for (let a = 0; a < h; a++) {
      for (let b = 0; b < h; b++) publicRtt[a * h + b] = model.internet.hubRttMs(a, b);
    }
    this.#popCount = n;
    this.#backbone = backbone;
    this.#hubCount = h;
    this.#publicRtt = publicRtt;
    const slots = new PingLocationSlots(table, CACHED_LOCATION_SETS);
    this.#slots = slots;
    this.#field = new Float64Array(slots.slotCount * n);
    this.#fieldFill = new Uint32Array(slots.slotCount);
    this.#uses = new Uint32Array(slots.slotCount);
    this.#usesFill = new Uint32Array(slots.slotCount);
  }

  /**
   * The estimated round trip between the hosts at locations `a` and `b`, whole ms. Returns
   * `NETWORKING_PING_UNKNOWN` (-2) when either location has no data: all zeros, not a 512-byte
   * `Uint8Array`, or not a valid location (see `PingLocationSlots.load`; the padding is not
   * read). Returns `NETWORKING_PING_FAILED` (-1) when both are valid but there is no relayed
   * route between them: one side reached no POP, or none of its POPs is simulated by this
   * model. The estimate is relay-based, as Steam's is: anchors only lower a relayed estimate and
   * never make one on their own. Never throws and allocates nothing.
   */
  estimate(a: Uint8Array, b: Uint8Array): number {
    const slots = this.#slots;
    const slotA = slots.load(a);
    if (slotA < 0) return NETWORKING_PING_UNKNOWN;
    const slotB = slots.load(b, slotA);
    if (slotB < 0) return NETWORKING_PING_UNKNOWN;
    const countA = slots.count[slotA]!;
    const countB = slots.count[slotB]!;
    if (countA === 0 || countB === 0) return NETWORKING_PING_FAILED;
    const baseA = slotA * MAX_PING_LOCATION_ENTRIES;
    const baseB = slotB * MAX_PING_LOCATION_ENTRIES;
    const n = this.#popCount;
    const relayed = this.#hasField(slotA)
      ? relayedByField(this.#field, slotA * n, slots.packed, baseB, baseB + countB)
      : relayedByPairs(
          this.#backbone,
          n,
          slots.packed,
          baseA,
          baseA + countA,
          slots.packed,
          baseB,
          baseB + countB,
        );
    return this.#finish(
      relayed,
      slots.hubIndex[slotA]!,
      slots.accessMs[slotA]!,
      slots.hubIndex[slotB]!,
      slots.accessMs[slotB]!,
    );
  }

  /**
   * {@link estimate} for two locations decoded once (`DecodedPingLocation`, kept by a prepared
   * location): the same answer for the same bytes, without reading them. A location often used
   * as the first argument gets its distance field, kept on it for this estimator. Allocates only
   * that field, once per location.
   */
  estimateDecoded(a: DecodedPingLocation, b: DecodedPingLocation): number {
    if (a.count < 0 || b.count < 0) return NETWORKING_PING_UNKNOWN;
    if (a.count === 0 || b.count === 0) return NETWORKING_PING_FAILED;
    let relayed: number;
    if (a.fieldOwner === this || ++a.uses >= FIELD_AFTER_USES) {
      if (a.fieldOwner !== this) {
        a.field = new Float64Array(this.#popCount);
        fillField(a.field, 0, this.#backbone, this.#popCount, a.entries, 0, a.count);
        a.fieldOwner = this;
      }
      relayed = relayedByField(a.field!, 0, b.entries, 0, b.count);
    } else {
      relayed = relayedByPairs(
        this.#backbone,
        this.#popCount,
        a.entries,
        0,
        a.count,
        b.entries,
        0,
        b.count,
      );
    }
    return this.#finish(relayed, a.hubIndex, a.accessMs, b.hubIndex, b.accessMs);
  }

  /** The estimate from the relayed term and both anchors (hub -1: none). */
  #finish(relayed: number, hubA: number, accessA: number, hubB: number, accessB: number): number {
    if (relayed === Infinity) return NETWORKING_PING_FAILED;
    let best = relayed;
    // An anchor on a hub this model's topology does not have is ignored.
    const hubs = this.#hubCount;
    if (hubA >= 0 && hubB >= 0 && hubA < hubs && hubB < hubs) {
      const direct = accessA + this.#publicRtt[hubA * hubs + hubB]! + accessB;
      if (direct < best) best = direct;
    }
    return Math.round(best);
  }

  /**
   * The same estimate from location data. Throws a `RangeError` when `a` or `b` is not a valid
   * location (see `encodePingLocation`); otherwise returns what {@link estimate} returns for the
   * encoded locations.
   */
  estimateData(a: PingLocationData, b: PingLocationData): number {
    for (const [name, data] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const problem = pingLocationDataProblem(data, popTable());
      if (problem !== undefined) {
        throw new RangeError(
          `PingLocationEstimator.estimateData's parameter '${name}' is not a valid ping location: ${problem}.`,
        );
      }
    }
    encodePingLocation(a, this.#bytesA);
    encodePingLocation(b, this.#bytesB);
    return this.estimate(this.#bytesA, this.#bytesB);
  }

  /**
   * True when slot `slot` has a current distance field; counts the use and computes the field
   * once the slot's location has been the first argument {@link FIELD_AFTER_USES} times.
   */
  #hasField(slot: number): boolean {
    const slots = this.#slots;
    const fill = slots.fills[slot]!;
    if (this.#fieldFill[slot] === fill) return true;
    if (this.#usesFill[slot] !== fill) {
      this.#usesFill[slot] = fill;
      this.#uses[slot] = 0;
    }
    this.#uses[slot] = this.#uses[slot]! + 1;
    if (this.#uses[slot]! < FIELD_AFTER_USES) return false;
    const base = slot * MAX_PING_LOCATION_ENTRIES;
    const n = this.#popCount;
    fillField(
      this.#field,
      slot * n,
      this.#backbone,
      n,
      slots.packed,
      base,
      base + slots.count[slot]!,
    );
    this.#fieldFill[slot] = fill;
    return true;
  }
}

// The kernels below read entries packed as `PingLocationSlots.packed` (see `packedPopIndex`).

/**
 * min over entries p in [baseA, endA), q in [baseB, endB) of (pingA[p] + backbone(p, q)) +
 * pingB[q]; Infinity when no pair has a route.
 */
function relayedByPairs(
  backbone: Float64Array,
  n: number,
  entriesA: Int32Array,
  baseA: number,
  endA: number,
  entriesB: Int32Array,
  baseB: number,
  endB: number,
): number {
  const nearestB = packedPingMs(entriesB[baseB]!);
  let best = Infinity;
  // Pings are ascending and every backbone term is ≥ 0, so once pingA + pingB alone reaches the
  // best total, no later entry of either side can improve it.
  for (let p = baseA; p < endA; p++) {
    const entryA = entriesA[p]!;
    const toA = packedPingMs(entryA);
    if (toA + nearestB >= best) break;
    const row = packedPopIndex(entryA) * n;
    for (let q = baseB; q < endB; q++) {
      const entryB = entriesB[q]!;
      const toB = packedPingMs(entryB);
      if (toA + toB >= best) break;
      const total = toA + backbone[row + packedPopIndex(entryB)]! + toB;
      if (total < best) best = total;
    }
  }
  return best;
}

/**
 * The same minimum through A's distance field at `field[row, row + n)`: min over q of field[q] +
 * pingB[q].
 */
function relayedByField(
  field: Float64Array,
  row: number,
  entriesB: Int32Array,
  baseB: number,
  endB: number,
): number {
  let best = Infinity;
  for (let q = baseB; q < endB; q++) {
    const entryB = entriesB[q]!;
    const total = field[row + packedPopIndex(entryB)]! + packedPingMs(entryB);
    if (total < best) best = total;
  }
  return best;
}

/** Writes A's distance field into `field[row, row + n)`: min over p of pingA[p] + backbone(p, x). */
function fillField(
  field: Float64Array,
  row: number,
  backbone: Float64Array,
  n: number,
  entriesA: Int32Array,
  baseA: number,
  endA: number,
): void {
  field.fill(Infinity, row, row + n);
  for (let p = baseA; p < endA; p++) {
    const toA = packedPingMs(entriesA[p]!);
    const from = packedPopIndex(entriesA[p]!) * n;
    for (let x = 0; x < n; x++) {
      const total = toA + backbone[from + x]!;
      if (total < field[row + x]!) field[row + x] = total;
    }
  }
}
