/**
 * Handles of simulated connections (`HSteamNetConnection`): nonzero uint32 values, each valid from
 * `open()` until `close()`.
 */

/** `k_HSteamNetConnection_Invalid`: never a handle. */
const INVALID_HANDLE = 0;
/** Handles are uint32. */
const HANDLE_LIMIT = 2 ** 32;

/**
 * Issues and tracks connection handles. A closed handle is not issued again until the counter has
 * gone round all 2^32 - 1 values, so a stale handle kept by mistake stays invalid for as long as
 * possible instead of silently naming a newer connection.
 */
export class ConnectionHandleRegistry {
  readonly #open = new Set<number>();
  /** The last handle issued (or the one before the first); the next candidate is the one after it. */
  #last: number;

  /**
   * A registry whose first handle is `firstHandle` (default 1); later ones count up from there,
   * wrapping from 4294967295 to 1. Throws RangeError if `firstHandle` is not a nonzero uint32.
   */
  constructor(firstHandle = 1) {
    if (
      !Number.isInteger(firstHandle) ||
      firstHandle <= INVALID_HANDLE ||
      firstHandle >= HANDLE_LIMIT
    ) {
      throw new RangeError(
        `ConnectionHandleRegistry: firstHandle must be an integer from 1 to 4294967295, got ${firstHandle}.`,
      );
    }
    this.#last = firstHandle - 1;
  }

  /** A new open handle: a nonzero uint32 not currently open. Throws RangeError if every handle is open. */
  open(): number {
    if (this.#open.size >= HANDLE_LIMIT - 1) {
      throw new RangeError(
        'ConnectionHandleRegistry.open: every one of the 4294967295 connection handles is open; close connections before opening more.',
      );
    }
    let candidate = this.#last;
    do {
      candidate = (candidate + 1) % HANDLE_LIMIT;
    } while (candidate === INVALID_HANDLE || this.#open.has(candidate));
    this.#last = candidate;
    this.#open.add(candidate);
    return candidate;
  }

  /** Closes `handle`: true if it was open, false otherwise (nothing changes then). */
  close(handle: number): boolean {
    return this.#open.delete(handle);
  }

  /** Whether `handle` is open. Any other value, of any type, is not. */
  isOpen(handle: number): boolean {
    return this.#open.has(handle);
  }

  /** How many handles are open. */
  get size(): number {
    return this.#open.size;
  }
}
