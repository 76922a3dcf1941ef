/**
 * Forward FFT of real input, computed as a complex FFT of half the size (the standard packing
 * trick: even samples as real parts, odd samples as imaginary parts, then one split pass), so a
 * real transform costs about half a complex one of the same size.
 *
 * @module
 */
import { ComplexFft, type FftBuffer } from "./fft.ts";

/**
 * Forward real FFT plan of one even size: `X[k] = Σₙ x[n]·e^(−2πi·kn/size)`, unscaled.
 *
 * Input is `size` real samples; output is the `size/2 + 1` non-redundant bins split into real and
 * imaginary arrays: DC at index 0, Nyquist at index `size/2` (both with zero imaginary part). The
 * remaining bins are the complex conjugates of these (`X[size−k] = conj(X[k])`).
 */
export class RealFft {
  #size: number;
  #half: ComplexFft;
  #packRe: Float64Array;
  #packIm: Float64Array;
  #specRe: Float64Array;
  #specIm: Float64Array;
  #splitRe: Float64Array;
  #splitIm: Float64Array;

  /**
   * Plans a transform of `size` real samples; `size` must be even.
   *
   * @param size Number of real samples (even, ≥ 2).
   * @example Spectrum of a cosine
   * ```ts
   * import { RealFft } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const fft = new RealFft(8);
   * const x = Float64Array.from({ length: 8 }, (_, n) => Math.cos(Math.PI * n / 2));
   * const re = new Float64Array(5), im = new Float64Array(5);
   * fft.forward(x, re, im);
   * assert.ok(Math.abs(re[2]! - 4) < 1e-12); // energy at bin 2 = 8 · 1/2
   * assert.ok(Math.abs(re[0]!) < 1e-12);
   * ```
   */
  constructor(size: number) {
    if (!Number.isSafeInteger(size) || size < 2 || size % 2 !== 0) {
      throw new RangeError(
        `Cannot plan real FFT: size must be an even integer >= 2: received ${size}`,
      );
    }
    const half = size / 2;
    this.#size = size;
    this.#half = new ComplexFft(half);
    this.#packRe = new Float64Array(half);
    this.#packIm = new Float64Array(half);
    this.#specRe = new Float64Array(half);
    this.#specIm = new Float64Array(half);
    this.#splitRe = new Float64Array(half + 1);
    this.#splitIm = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      const angle = (-2 * Math.PI * k) / size;
      this.#splitRe[k] = Math.cos(angle);
      this.#splitIm[k] = Math.sin(angle);
    }
  }

  /** Number of real samples this plan transforms. */
  get size(): number {
    return this.#size;
  }

  /** Number of output bins, `size/2 + 1`. */
  get binCount(): number {
    return this.#size / 2 + 1;
  }

  /**
   * Computes bins `0 … size/2` of the transform of `input`.
   *
   * @param input `size` real samples (only the first `size` are read).
   * @param outRe Receives the real parts, `size/2 + 1` numbers.
   * @param outIm Receives the imaginary parts, `size/2 + 1` numbers.
   */
  forward(input: FftBuffer, outRe: FftBuffer, outIm: FftBuffer): void {
    const half = this.#size / 2;
    if (input.length < this.#size) {
      throw new RangeError(
        `Cannot run real FFT: input needs ${this.#size} samples: received ${input.length}`,
      );
    }
    if (outRe.length <= half || outIm.length <= half) {
      throw new RangeError(
        `Cannot run real FFT: outputs need ${half + 1} bins`,
      );
    }
    const zr = this.#packRe, zi = this.#packIm;
    for (let n = 0; n < half; n++) {
      zr[n] = input[2 * n]!;
      zi[n] = input[2 * n + 1]!;
    }
    const sr = this.#specRe, si = this.#specIm;
    this.#half.forward(zr, zi, sr, si);
    const wr = this.#splitRe, wi = this.#splitIm;
    // X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[half−k])/2, O = (Z[k] − conj Z[half−k])/(2i).
    outRe[0] = sr[0]! + si[0]!;
    outIm[0] = 0;
    outRe[half] = sr[0]! - si[0]!;
    outIm[half] = 0;
    for (let k = 1; k < half; k++) {
      const ar = sr[k]!, ai = si[k]!, br = sr[half - k]!, bi = -si[half - k]!;
      const er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
      const or = 0.5 * (ai - bi), oi = -0.5 * (ar - br);
      const cr = wr[k]!, ci = wi[k]!;
      outRe[k] = er + cr * or - ci * oi;
      outIm[k] = ei + cr * oi + ci * or;
    }
  }
}
