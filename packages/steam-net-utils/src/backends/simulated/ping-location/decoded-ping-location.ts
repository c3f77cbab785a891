/**
 * A location validated and decoded once, kept on a `PreparedPingLocation` so that estimates from
 * it read no bytes: the same flat arrays the estimators read from their caches, for one location.
 */
import { MAX_PING_LOCATION_ENTRIES } from './layout.js';
import { PingLocationSlots } from './ping-location-slots.js';
import { popTable } from './pop-table.js';

/** See the file comment. */
export class DecodedPingLocation {
  /** A location whose bytes are not a valid location: every estimate from it is UNKNOWN. */
  static readonly INVALID = new DecodedPingLocation(-1);

  /** Number of entries; -1 for {@link INVALID}. */
  readonly count: number;
  /**
   * Entries `[0, count)`, packed as `PingLocationSlots.packed` holds them (POP index, relay
   * index, ping): 48 bytes in one typed array, so an estimate reads one contiguous block.
   */
  readonly entries = new Int32Array(MAX_PING_LOCATION_ENTRIES);
  /** The anchor's hub index, or -1 without an anchor. */
  hubIndex = -1;
  /** The anchor's access round trip, ms, or -1 without an anchor. */
  accessMs = -1;
  /**
   * The distance field of this location over the backbone of `fieldOwner` (an estimator), made
   * once the location has been the first argument of a few estimates (`uses`).
   */
  field: Float64Array | undefined = undefined;
  fieldOwner: object | undefined = undefined;
  uses = 0;

  private constructor(count: number) {
    this.count = count;
  }

  /**
   * `bytes` decoded, or {@link INVALID} when they are not a valid location (the estimators'
   * rule: `PingLocationSlots.load`, padding not read). Never throws.
   */
  static decode(bytes: Uint8Array): DecodedPingLocation {
    validator ??= new PingLocationSlots(popTable(), 1);
    const slot = validator.load(bytes);
    if (slot < 0) return DecodedPingLocation.INVALID;
    const count = validator.count[slot]!;
    const decoded = new DecodedPingLocation(count);
    const base = slot * MAX_PING_LOCATION_ENTRIES;
    for (let k = 0; k < count; k++) decoded.entries[k] = validator.packed[base + k]!;
    decoded.hubIndex = validator.hubIndex[slot]!;
    decoded.accessMs = validator.accessMs[slot]!;
    return decoded;
  }
}

let validator: PingLocationSlots | undefined;
