/**
 * Seeded pseudo-random numbers, so that every resampling result (bootstrap, sampled silhouette, permutation tests)
 * can be reproduced from its seed on any platform.
 */
import { checkArgument } from '../validation.js';

/** A seeded generator: plain closures over four 32-bit words of state, no globals. */
export interface Random {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform integer in [0, n), without modulo bias; `n` is an integer in [1, 2^32]. */
  nextInt(n: number): number;
  /** A uniform unsigned 32-bit integer in [0, 2^32). */
  nextUint32(): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * Creates a seeded generator: xoshiro128** 1.1 (Blackman & Vigna), its 128-bit state filled from the seed by
 * SplitMix64, as the authors recommend.
 *
 * Why this generator: it is small, fast with 32-bit integer arithmetic (all JavaScript has without BigInt), passes
 * BigCrush, and has period 2^128 − 1, ample for resampling. SplitMix64 spreads nearby seeds (0, 1, 2, …) into
 * unrelated states.
 *
 * - `next()` draws two 32-bit outputs and keeps 27 + 26 bits: (a·2^26 + b) / 2^53, the `genrand_res53` recipe,
 *   so every double in [0, 1) on the 2^−53 grid is equally likely.
 * - `nextInt(n)` rejects the top `2^32 mod n` outputs so that `x mod n` is exactly uniform.
 *
 * Streams are stable: the same seed gives the same numbers in every version of Vigil (tests pin the first outputs).
 *
 * @param seed any safe integer (negative seeds are taken modulo 2^64); default 0.
 * @returns a {@link Random}.
 * @throws INVALID_ARGUMENT when `seed` is not a safe integer, or `nextInt(n)` when `n` is not an integer in [1, 2^32].
 * @see D. Blackman, S. Vigna (2021), "Scrambled linear pseudorandom number generators", ACM TOMS 47(4);
 *   G. Steele, D. Lea, C. Flood (2014), "Fast splittable pseudorandom number generators" (SplitMix64).
 * @example
 * const random = createRandom(42);
 * random.nextInt(6); // => 4 (on every run and platform)
 */
export function createRandom(seed = 0): Random {
  checkArgument('createRandom', 'seed', seed, Number.isSafeInteger(seed), 'a safe integer');
  // SplitMix64 (BigInt is fine here: it runs twice per generator, never per draw).
  const mask = (1n << 64n) - 1n;
  let x = BigInt.asUintN(64, BigInt(seed));
  const splitMix64 = (): bigint => {
    x = (x + 0x9e3779b97f4a7c15n) & mask;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
  const first = splitMix64();
  const second = splitMix64();
  // Two consecutive SplitMix64 outputs are never both zero (the mixer is a bijection), so the state is never 0.
  let s0 = Number(first & 0xffffffffn) | 0;
  let s1 = Number(first >> 32n) | 0;
  let s2 = Number(second & 0xffffffffn) | 0;
  let s3 = Number(second >> 32n) | 0;

  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const next = (): number => {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  };

  const nextInt = (n: number): number => {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_32)) {
      checkArgument('createRandom', 'nextInt(n): n', n, false, 'an integer in [1, 2^32]');
    }
    // Largest multiple of n not above 2^32: outputs at or above it would favour small residues.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let value = nextUint32();
    while (value >= limit) value = nextUint32();
    return value % n;
  };

  return { next, nextInt, nextUint32 };
}
