/**
 * A small seeded pseudo-random generator for the simulation: deterministic for a given seed,
 * the same in every JavaScript engine, and able to derive independent streams by label.
 *
 * Construction: a 32-bit Weyl sequence (the state steps by the golden-ratio constant) whose
 * values are passed through an avalanche mixer (xor-shifts and odd multiplications). Each draw
 * is a pure function of (key, draw number), which makes streams cheap and reproducible. It is a
 * simulation generator, not a cryptographic one.
 */
import { WorldRangeError } from './world-errors.js';

/** A seed: any integer (only its low 53 bits matter) or any string. */
export type Seed = number | string;

/** The golden-ratio increment of the Weyl sequence (2^32 / φ, odd, so the period is 2^32). */
const WEYL_STEP = 0x9e3779b9;

const TWO_POW_26 = 0x4000000;
const TWO_POW_32 = 0x100000000;
const TWO_POW_53 = 0x20000000000000;

/**
 * Scrambles a 32-bit integer so that flipping any input bit flips about half the output bits.
 * Returns an unsigned 32-bit integer.
 */
export function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a string (its UTF-16 code units) to an unsigned 32-bit integer, FNV-1a then {@link mix32}. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Turns a {@link Seed} into the 32-bit key of a stream. */
function keyFromSeed(seed: Seed): number {
  if (typeof seed === 'string') {
    return hashLabel(seed);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new WorldRangeError(
      'SIMULATION_INVALID_SEED',
      `The random seed ${String(seed)} is not a safe integer. Pass an integer (|seed| < 2^53) or a string.`,
    );
  }
  const low = seed % TWO_POW_32;
  const high = Math.floor(seed / TWO_POW_32);
  return mix32(mix32(low) ^ Math.imul(high | 0, WEYL_STEP));
}

/**
 * A seeded stream of random numbers.
 *
 * Invariant: `fork(label)` depends only on this stream's seed and the label, never on how many
 * numbers were drawn, so adding a draw in one place does not reshuffle any other stream.
 */
export class SeededRandom {
  #key: number;
  #state: number;

  /** Starts a stream from a numeric or string seed. */
  constructor(seed: Seed) {
    this.#key = keyFromSeed(seed);
    this.#state = this.#key;
  }

  /** The 32-bit key this stream was created from; forks are derived from it. */
  get key(): number {
    return this.#key;
  }

  /**
   * An independent stream derived from this stream's seed and `label` (e.g. `'host:Paris'`,
   * `'probe:fra:3'`). Same seed and label, same stream; the parent's position does not matter.
   */
  fork(label: string): SeededRandom {
    const child = new SeededRandom(0);
    child.#key = mix32(this.#key ^ mix32((hashLabel(label) + WEYL_STEP) | 0));
    child.#state = child.#key;
    return child;
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    this.#state = (this.#state + WEYL_STEP) | 0;
    return mix32(this.#state);
  }

  /** A float uniformly distributed in [0, 1), with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  /**
   * An integer uniformly distributed in [0, n). `n` must be an integer in [1, 2^32]; the draw is
   * unbiased (values from the incomplete last block of 2^32 are rejected and redrawn).
   */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new WorldRangeError(
        'SIMULATION_INVALID_RANDOM_RANGE',
        `nextInt(${String(n)}) needs an integer bound in [1, 2^32].`,
      );
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let value = this.nextUint32();
    while (value >= limit) {
      value = this.nextUint32();
    }
    return value % n;
  }

  /** A float uniformly distributed in [min, max). */
  nextRange(min: number, max: number): number {
    return min + (max - min) * this.nextFloat();
  }

  /** True with probability `p` (clamped to [0, 1]). */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** A normally distributed float (Box–Muller transform) with the given mean and standard deviation. */
  nextNormal(mean = 0, standardDeviation = 1): number {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const u = 1 - this.nextFloat();
    const v = this.nextFloat();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An exponentially distributed float (≥ 0) with the given mean. */
  nextExponential(mean: number): number {
    return -mean * Math.log(1 - this.nextFloat());
  }
}
