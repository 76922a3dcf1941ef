/**
 * Deterministic pseudo-random numbers for tests: mulberry32 (Tommy Ettinger's 32-bit generator), whose sequence
 * depends only on its seed, so every run feeds a transform the same "random" input.
 *
 * @module
 */

/**
 * A generator of uniform numbers in [0, 1) from `seed`.
 *
 * @param seed Any number; only its low 32 bits count.
 * @returns The next number on each call.
 *
 * @example
 * ```ts
 * import { mulberry32 } from "./_mulberry32.ts";
 * import assert from "node:assert/strict";
 *
 * const a = mulberry32(7), b = mulberry32(7);
 * assert.equal(a(), b());
 * assert.ok(a() < 1);
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return function random(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `length` uniform numbers in [−1, 1) from `seed`.
 *
 * @param length How many.
 * @param seed The generator's seed.
 * @returns The numbers.
 *
 * @example
 * ```ts
 * import { uniformNoise } from "./_mulberry32.ts";
 * import assert from "node:assert/strict";
 *
 * const x = uniformNoise(100, 1);
 * assert.ok(x.every((v) => v >= -1 && v < 1));
 * ```
 */
export function uniformNoise(length: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length }, () => random() * 2 - 1);
}
