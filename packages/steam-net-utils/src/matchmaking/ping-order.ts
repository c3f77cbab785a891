/**
 * The order of a lobby ranking: rows sorted by ping in the port's one ping order (`comparePings`:
 * valid pings ascending, then every `NETWORKING_PING_FAILED` row, then every other row), each
 * group in input order: the sort is stable.
 *
 * Pings are whole milliseconds in practice (Steam's estimates are `int`), so the usual path is a
 * counting sort over one bucket per millisecond: two passes over the rows, no comparisons, stable
 * by construction. A ping that is fractional or above {@link COUNTING_SORT_MAX_PING} switches that
 * call to an index sort with a comparator (the same order, slower). Buffers are kept between calls
 * and grown only when a longer list arrives: a call allocates nothing in the steady state.
 */
import { NETWORKING_PING_FAILED } from '../constants/index.js';
import { comparePings } from '../port/ping-order.js';
import { resizedCapacity } from './buffer-capacity.js';

/** The highest ping the counting sort buckets directly; Steam's pings fit in 16 bits. */
export const COUNTING_SORT_MAX_PING = 65535;

// Bucket layout: 0..MAX for pings, then the two sentinel groups in their documented order.
const FAILED_BUCKET = COUNTING_SORT_MAX_PING + 1;
const UNKNOWN_BUCKET = COUNTING_SORT_MAX_PING + 2;
const BUCKET_COUNT = COUNTING_SORT_MAX_PING + 3;

/**
 * Sorts row indices by ping (see the file comment for the order). One instance keeps its buffers;
 * the array {@link sort} returns is a view into them, valid until the next call.
 */
export class PingOrder {
  // Counting sort: rows per bucket, then each bucket's next free position.
  readonly #counts = new Uint32Array(BUCKET_COUNT);
  #bucket = new Uint32Array(0);
  #order = new Uint32Array(0);

  /**
   * The indices `0..count-1` ordered by `pings[index]`.
   *
   * @param pings one ping per row (ms, or a sentinel); only the first `count` are read.
   * @param count how many rows.
   * @returns a view of `count` indices, owned by this object and overwritten by the next call.
   */
  sort(pings: ArrayLike<number>, count: number): Uint32Array {
    this.#reserve(count);
    const order = this.#order.subarray(0, count);
    const bucket = this.#bucket;
    const counts = this.#counts;
    counts.fill(0);
    for (let i = 0; i < count; i++) {
      const ping = pings[i]!;
      let b: number;
      if (ping >= 0) {
        // A fraction or a ping past the last bucket: this call takes the comparator path.
        // (`ping | 0` tests for a whole number without a global lookup of `Math` per row, which
        // is slow where code runs in a `vm` context, as under Jest.)
        if (ping > COUNTING_SORT_MAX_PING || (ping | 0) !== ping) {
          return sortByComparator(pings, order);
        }
        b = ping;
      } else {
        b = ping === NETWORKING_PING_FAILED ? FAILED_BUCKET : UNKNOWN_BUCKET;
      }
      bucket[i] = b;
      counts[b]!++;
    }
    // counts[b] becomes the first position of bucket b.
    let next = 0;
    for (let b = 0; b < BUCKET_COUNT; b++) {
      const rows = counts[b]!;
      counts[b] = next;
      next += rows;
    }
    // Rows are placed in index order within each bucket: that is what makes the sort stable.
    for (let i = 0; i < count; i++) {
      order[counts[bucket[i]!]!++] = i;
    }
    return order;
  }

  #reserve(count: number): void {
    const size = resizedCapacity(count, this.#order.length);
    if (size !== undefined) {
      this.#order = new Uint32Array(size);
      this.#bucket = new Uint32Array(size);
    }
  }
}

/** The comparator path: the same order as the counting sort, for any numbers. */
function sortByComparator(pings: ArrayLike<number>, order: Uint32Array): Uint32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Equal keys keep input order (stable whatever the engine's sort does).
  return order.sort((a, b) => comparePings(pings[a]!, pings[b]!) || a - b);
}
