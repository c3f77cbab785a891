/**
 * A token bucket per source, in a table of bounded size.
 *
 * Each source (keyed as net/source-key.ts says) has a bucket of `burst` tokens that refills at
 * `ratePerSecond`; a request takes one token, and a request that finds the bucket empty is over the
 * limit. The table holds at most `maxSources` buckets, plus one overflow bucket, whatever the number
 * of distinct sources that appear:
 *
 * - A new source, when the table is full, takes the place of a remembered source whose bucket has
 *   refilled: a full bucket is what a new source starts with, so forgetting it loses nothing and a
 *   source is never given more than its limit by being forgotten. The table is looked at from its
 *   oldest entries, at most {@link EVICTION_SCAN} of them; each one looked at that is still
 *   drained moves to the back, so the next look starts with others.
 * - Otherwise (every source looked at is still partly drained, as in a flood from many addresses)
 *   the new source shares the overflow bucket with every other source that found no room, so a
 *   flood from fresh addresses is limited as a whole.
 * - A request from a remembered source changes nothing but its bucket: the table is not reordered
 *   on the path every datagram takes, so a flood allocates nothing here (re-inserting into a `Map`
 *   on every use made it rebuild its table every few thousand requests).
 */
export interface RateLimit {
  /** Tokens added to a bucket per second. */
  readonly ratePerSecond: number;
  /** A bucket's size: the most requests a source may send at once after a quiet spell. */
  readonly burst: number;
  /** The most sources remembered at once. */
  readonly maxSources: number;
}

/** How many of the oldest entries a new source looks at for a refilled one to replace. */
export const EVICTION_SCAN = 8;

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in the clock's milliseconds. */
  updatedAt: number;
}

export class SourceRateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #overflow: Bucket;
  #overflowed = 0;

  /**
   * @param limit the rate, burst and table size.
   * @param now a monotonic clock in milliseconds.
   */
  constructor(limit: RateLimit, now: () => number) {
    this.#limit = limit;
    this.#now = now;
    this.#overflow = { tokens: limit.burst, updatedAt: now() };
  }

  /** Takes a token for a request from `source`; false when the source is over its limit. */
  allow(source: string): boolean {
    const now = this.#now();
    const bucket = this.#bucketOf(source, now);
    this.#refill(bucket, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** How many sources have a bucket of their own (at most `maxSources`). */
  get trackedSources(): number {
    return this.#buckets.size;
  }

  /** How many requests went to the shared overflow bucket because the table was full. */
  get overflowed(): number {
    return this.#overflowed;
  }

  #bucketOf(source: string, now: number): Bucket {
    const known = this.#buckets.get(source);
    if (known !== undefined) return known;
    if (this.#buckets.size >= this.#limit.maxSources && !this.#evictRefilledOldest(now)) {
      this.#overflowed += 1;
      return this.#overflow;
    }
    const fresh = { tokens: this.#limit.burst, updatedAt: now };
    this.#buckets.set(source, fresh);
    return fresh;
  }

  /**
   * Forgets one of the {@link EVICTION_SCAN} oldest sources whose bucket is full again; true if it
   * did. Each one looked at and kept moves to the back.
   */
  #evictRefilledOldest(now: number): boolean {
    for (let looked = 0; looked < EVICTION_SCAN; looked++) {
      const oldest = this.#buckets.entries().next();
      if (oldest.done === true) return false;
      const [source, bucket] = oldest.value;
      this.#buckets.delete(source);
      this.#refill(bucket, now);
      if (bucket.tokens >= this.#limit.burst) return true;
      this.#buckets.set(source, bucket);
    }
    return false;
  }

  #refill(bucket: Bucket, now: number): void {
    const elapsedMs = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(
      this.#limit.burst,
      bucket.tokens + (elapsedMs * this.#limit.ratePerSecond) / 1000,
    );
    bucket.updatedAt = now;
  }
}
