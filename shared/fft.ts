/**
 * Mixed-radix complex FFT for any length, planned once and run many times (KISS FFT's shape).
 *
 * Algorithm: self-sorting Stockham decimation in frequency. The plan factors the size into radix-4,
 * 2, 3 and 5 stages (any other prime factor runs a generic O(p²) butterfly), precomputes every
 * stage's twiddles, and ping-pongs between two scratch buffers, so the output comes out in natural
 * order with no bit-reversal pass and a transform allocates nothing. Wav2Lip's 800-point STFT needs
 * this: 800 = 2⁵·5² is not a power of two, and `shared/` may not use npm packages. The 800-point
 * real FFT ({@linkcode RealFft}, 400 complex points = 4·4·5·5) beat a planned direct DFT and
 * Bluestein's two 2048-point FFTs by benchmark (`shared/fft_bench.ts`; figures in BENCHMARKS.md).
 *
 * @see https://github.com/mborgerding/kissfft (API shape, factor order, error-budget tests)
 * @module
 */
import { type ButterflyStage, runButterflyStage } from "./_fft_butterflies.ts";

/** Real or imaginary parts of complex samples, one number per sample. */
export type FftBuffer = Float32Array | Float64Array;

/**
 * Forward complex FFT plan of one size: `X[k] = Σₙ x[n]·e^(−2πi·kn/size)`, unscaled.
 *
 * Input and output are split into real and imaginary arrays of `size` numbers each; bin `k` is at
 * index `k`, DC at 0. Output arrays must not alias the input arrays.
 */
export class ComplexFft {
  #size: number;
  #radices: Int32Array;
  #twiddleOffsets: Int32Array;
  #twiddleRe: Float64Array;
  #twiddleIm: Float64Array;
  #scratch: Float64Array[];
  #stage: ButterflyStage;

  /**
   * Plans a transform of `size` points (any positive integer).
   *
   * @param size Number of complex points.
   * @example Transform an impulse
   * ```ts
   * import { ComplexFft } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const fft = new ComplexFft(5);
   * const re = new Float64Array(5), im = new Float64Array(5);
   * fft.forward(Float64Array.of(1, 0, 0, 0, 0), new Float64Array(5), re, im);
   * assert.deepEqual([...re], [1, 1, 1, 1, 1]);
   * ```
   */
  constructor(size: number) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(
        `Cannot plan FFT: size must be a positive integer: received ${size}`,
      );
    }
    this.#size = size;
    this.#radices = Int32Array.from(factorize(size));
    this.#twiddleOffsets = new Int32Array(this.#radices.length);
    let twiddleCount = 0;
    let span = size;
    for (const [stage, radix] of this.#radices.entries()) {
      this.#twiddleOffsets[stage] = twiddleCount;
      twiddleCount += span / radix * (radix - 1);
      span /= radix;
    }
    this.#twiddleRe = new Float64Array(twiddleCount);
    this.#twiddleIm = new Float64Array(twiddleCount);
    span = size;
    for (const [stage, radix] of this.#radices.entries()) {
      const quarter = span / radix;
      let at = this.#twiddleOffsets[stage]!;
      for (let j = 0; j < quarter; j++) {
        for (let k = 1; k < radix; k++, at++) {
          const angle = (-2 * Math.PI * ((j * k) % span)) / span;
          this.#twiddleRe[at] = Math.cos(angle);
          this.#twiddleIm[at] = Math.sin(angle);
        }
      }
      span /= radix;
    }
    this.#scratch = [0, 1, 2, 3].map(() => new Float64Array(size));
    const largest = Math.max(1, ...this.#radices);
    const empty = new Float64Array(0);
    this.#stage = {
      span: size,
      stride: 1,
      srcRe: empty,
      srcIm: empty,
      dstRe: empty,
      dstIm: empty,
      twiddleRe: this.#twiddleRe,
      twiddleIm: this.#twiddleIm,
      twiddleOffset: 0,
      generic: new Float64Array(4 * largest),
    };
  }

  /** Number of complex points this plan transforms. */
  get size(): number {
    return this.#size;
  }

  /**
   * Computes the forward transform of `inRe + i·inIm` into `outRe + i·outIm`.
   *
   * @param inRe Real parts, `size` numbers.
   * @param inIm Imaginary parts, `size` numbers.
   * @param outRe Receives the real parts of bins `0 … size−1`.
   * @param outIm Receives the imaginary parts of bins `0 … size−1`.
   */
  forward(
    inRe: FftBuffer,
    inIm: FftBuffer,
    outRe: FftBuffer,
    outIm: FftBuffer,
  ): void {
    const n = this.#size;
    if (
      inRe.length < n || inIm.length < n || outRe.length < n ||
      outIm.length < n
    ) {
      throw new RangeError(
        `Cannot run FFT: every buffer needs ${n} numbers`,
      );
    }
    if (outRe === inRe || outRe === inIm || outIm === inRe || outIm === inIm) {
      throw new TypeError("Cannot run FFT: output must not alias input");
    }
    const stages = this.#radices.length;
    if (stages === 0) {
      outRe[0] = inRe[0]!;
      outIm[0] = inIm[0]!;
      return;
    }
    const ctx = this.#stage;
    ctx.srcRe = inRe;
    ctx.srcIm = inIm;
    ctx.span = n;
    ctx.stride = 1;
    for (let stage = 0; stage < stages; stage++) {
      const radix = this.#radices[stage]!;
      const last = stage === stages - 1;
      const pair = (stage & 1) * 2;
      ctx.dstRe = last ? outRe : this.#scratch[pair]!;
      ctx.dstIm = last ? outIm : this.#scratch[pair + 1]!;
      ctx.twiddleOffset = this.#twiddleOffsets[stage]!;
      runButterflyStage(radix, ctx);
      ctx.srcRe = ctx.dstRe;
      ctx.srcIm = ctx.dstIm;
      ctx.stride *= radix;
      ctx.span /= radix;
    }
  }
}

/** Splits `n` into radices: 4s first, then 2, 3, 5 and any remaining primes (KISS FFT's order). */
function factorize(n: number): number[] {
  const radices: number[] = [];
  let rest = n;
  while (rest % 4 === 0) {
    radices.push(4);
    rest /= 4;
  }
  let p = 2;
  while (rest > 1) {
    while (rest % p === 0) {
      radices.push(p);
      rest /= p;
    }
    p = p === 2 ? 3 : p + 2;
    if (p * p > rest && rest > 1) {
      radices.push(rest);
      rest = 1;
    }
  }
  return radices;
}
