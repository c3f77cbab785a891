/**
 * `EstimatePingTimeFromLocalHost` with the local side precomputed: the host's own measurement
 * does not change between queries, so everything derived from it is computed once per
 * measurement (and per fault or config change) instead of once per remote location.
 */
import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../../../constants/index.js';
import { type LatencyModel } from '../world/index.js';
import {
  DIRECT,
  MAX_PING_LOCATION_ENTRIES,
  packedPingMs,
  packedPopIndex,
  packedViaIndex,
} from './layout.js';
import { type DecodedPingLocation } from './decoded-ping-location.js';
import { PingLocationSlots } from './ping-location-slots.js';
import { popTable } from './pop-table.js';

/** The estimator caches this many sets of four decoded remote locations. */
const CACHED_LOCATION_SETS = 16;

/** The local host's side of an estimate, as the simulated network derives it. */
export interface LocalHostSide {
  /** The host's unrounded pings, by model POP index (every POP that counts). */
  readonly pings: ReadonlyMap<number, number>;
  /** Where the host enters the public internet (unrounded access round trip), if anywhere. */
  readonly anchor: { readonly hubIndex: number; readonly accessMs: number } | undefined;
  /** True for a POP (by id) that is down: remote entries naming or going through it are left out. */
  readonly isPopDown: (popId: number) => boolean;
}

/**
 * Estimates the round trip from one local host to remote ping locations over one latency model:
 *
 *   relayed = min over local POPs p, remote entries q of (ping[p] + backbone(p, q)) + pingB[q]
 *   direct  = (access + public(hub, hubB)) + accessB     when both sides have an anchor
 *   estimate = round(min(relayed, direct))
 *
 * {@link setLocal} precomputes the distance field `field[x] = min over p of ping[p] +
 * backbone(p, x)` for every model POP x, so an estimate is `min over q of field[q] + pingB[q]`:
 * one step per remote entry. Floating-point addition is monotonic, so this is bit for bit the
 * minimum of the full double loop. Remote locations are read through a content-addressed cache
 * (`PingLocationSlots`); as for every estimate, the padding is not read (docs/simulated-ping-location.md), so exactly
 * the byte arrays `decodePingLocation(bytes, 'ignored')` accepts are estimated. After
 * construction nothing is allocated except by {@link setLocal}.
 */
export class LocalHostEstimator {
  readonly #model: LatencyModel;
  readonly #slots = new PingLocationSlots(popTable(), CACHED_LOCATION_SETS);
  /** `modelIndex[c]`: the model index of catalogue POP c, or -1 when the model lacks it. */
  readonly #modelIndex: Int32Array;
  /** `field[x]`: the local side's best relayed round trip up to model POP x, ms. */
  readonly #field: Float64Array;
  /** `down[c]` is 1 when catalogue POP c is down (set by {@link setLocal}). */
  readonly #down: Uint8Array;
  /** `hubRow[b]`: the public internet's round trip from the local anchor's hub to hub b. */
  readonly #hubRow: Float64Array;
  #anchorAccessMs = 0;
  #hasAnchor = false;

  /** An estimator over `model` with no local data yet (every estimate FAILED until {@link setLocal}). */
  constructor(model: LatencyModel) {
    this.#model = model;
    const table = popTable();
    this.#modelIndex = Int32Array.from(table.ids, (id) => model.popIndex(id));
    this.#field = new Float64Array(model.pops.length).fill(Infinity);
    this.#down = new Uint8Array(table.size);
    this.#hubRow = new Float64Array(model.internet.topology.hubs.length);
  }

  /** Precomputes everything an estimate needs from the local side. */
  setLocal(local: LocalHostSide): void {
    const model = this.#model;
    const n = model.pops.length;
    const field = this.#field;
    field.fill(Infinity);
    for (const [localIndex, localMs] of local.pings) {
      for (let x = 0; x < n; x++) {
        // Same association as the unprecomputed sum: (local + backbone) + remote.
        const total = localMs + model.backbone.rttMs(localIndex, x);
        if (total < field[x]!) field[x] = total;
      }
    }
    const ids = popTable().ids;
    for (let c = 0; c < ids.length; c++) this.#down[c] = local.isPopDown(ids[c]!) ? 1 : 0;
    const anchor = local.anchor;
    this.#hasAnchor = anchor !== undefined;
    if (anchor !== undefined) {
      this.#anchorAccessMs = anchor.accessMs;
      const row = this.#hubRow;
      for (let b = 0; b < row.length; b++) row[b] = model.internet.hubRttMs(anchor.hubIndex, b);
    }
  }

  /**
   * The estimated round trip from the local host to the host at `location`, whole ms.
   * `NETWORKING_PING_UNKNOWN` when `location` is not a valid location (what
   * `decodePingLocation(location, 'ignored')` refuses); `NETWORKING_PING_FAILED` when no relayed route exists. A
   * direct route between the anchors only lowers a relayed estimate. Never throws.
   */
  estimate(location: Uint8Array): number {
    const slots = this.#slots;
    const slot = slots.load(location);
    if (slot < 0) return NETWORKING_PING_UNKNOWN;
    const base = slot * MAX_PING_LOCATION_ENTRIES;
    return this.#estimateEntries(
      slots.packed,
      base,
      base + slots.count[slot]!,
      slots.hubIndex[slot]!,
      slots.accessMs[slot]!,
    );
  }

  /**
   * {@link estimate} for a location decoded once (kept by a prepared location): the same answer
   * for the same bytes, without reading them. Never throws; allocates nothing.
   */
  estimateDecoded(location: DecodedPingLocation): number {
    if (location.count < 0) return NETWORKING_PING_UNKNOWN;
    return this.#estimateEntries(
      location.entries,
      0,
      location.count,
      location.hubIndex,
      location.accessMs,
    );
  }

  /**
   * The estimate to the entries [base, end) of `entries` (packed as `PingLocationSlots.packed`)
   * and the remote anchor.
   */
  #estimateEntries(
    entries: Int32Array,
    base: number,
    end: number,
    hubB: number,
    accessB: number,
  ): number {
    const field = this.#field;
    const down = this.#down;
    const modelIndex = this.#modelIndex;
    let best = Infinity;
    for (let q = base; q < end; q++) {
      const entry = entries[q]!;
      const popIndex = packedPopIndex(entry);
      const relay = packedViaIndex(entry);
      // Entries naming, or going through, a POP that is down are left out.
      if (down[popIndex] === 1 || (relay !== DIRECT && down[relay] === 1)) continue;
      const x = modelIndex[popIndex]!;
      if (x < 0) continue;
      const total = field[x]! + packedPingMs(entry);
      if (total < best) best = total;
    }
    if (best === Infinity) return NETWORKING_PING_FAILED;
    if (this.#hasAnchor && hubB >= 0 && hubB < this.#hubRow.length) {
      const direct = this.#anchorAccessMs + this.#hubRow[hubB]! + accessB;
      if (direct < best) best = direct;
    }
    return Math.round(best);
  }
}
