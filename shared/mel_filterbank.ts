/**
 * Slaney-style mel filterbank exactly as `librosa.filters.mel` 0.7.0 builds it with its defaults
 * (`htk=False`, `norm=1`), and its sparse application to a magnitude spectrum.
 *
 * @see https://github.com/librosa/librosa/blob/0.7.0/librosa/filters.py
 * @module
 */
import { type MelOptions, resolveMelOptions } from "./mel_options.ts";

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOGSTEP = Math.log(6.4) / 27;

/**
 * Hz to mel on the Slaney scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above.
 *
 * @param hz Frequency in Hz.
 * @returns The mel value (15 at 1 kHz).
 * @example The linear-to-log corner sits at 1 kHz
 * ```ts
 * import { hzToMel } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(hzToMel(1000) - 15) < 1e-12);
 * assert.ok(Math.abs(hzToMel(55) - 0.825) < 1e-12);
 * ```
 */
export function hzToMel(hz: number): number {
  return hz >= MIN_LOG_HZ
    ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP
    : hz / F_SP;
}

/**
 * Mel to Hz on the Slaney scale, the inverse of {@linkcode hzToMel}.
 *
 * @param mel Mel value.
 * @returns Frequency in Hz.
 * @example Mel 15 is 1 kHz; each 27 mels above multiply by 6.4
 * ```ts
 * import { melToHz } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(melToHz(15) - 1000) < 1e-9);
 * assert.ok(Math.abs(melToHz(42) - 6400) < 1e-9);
 * ```
 */
export function melToHz(mel: number): number {
  return mel >= MIN_LOG_MEL
    ? MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL))
    : F_SP * mel;
}

/**
 * Triangular, area-normalised mel filters over the bins of one real FFT size.
 *
 * `weights` is the dense `librosa` matrix, mel-major: band `m`, bin `k` at `m·binCount + k`, with
 * `binCount = fftSize/2 + 1` bins spaced `sampleRateHz/fftSize` apart. Band `m` rises from centre
 * frequency `f[m]` to `f[m+1]` and falls to `f[m+2]`, where `f` is `melBands + 2` points evenly
 * spaced in mel from `fminHz` to `fmaxHz`, and is scaled by `2/(f[m+2] − f[m])`. Values are rounded
 * to float32, as `librosa` stores them.
 */
export class MelFilterbank {
  #bands: number;
  #bins: number;
  #weights: Float32Array;
  #first: Int32Array;
  #end: Int32Array;

  /**
   * Builds the filters for the given (Wav2Lip by default) parameters.
   *
   * @param options `sampleRateHz`, `fftSize`, `melBands`, `fminHz`, `fmaxHz`.
   * @example Wav2Lip's 80 × 401 basis
   * ```ts
   * import { MelFilterbank } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const bank = new MelFilterbank();
   * assert.equal(bank.weights.length, 80 * 401);
   * assert.equal(bank.weights[0], 0); // DC is below fmin = 55 Hz
   * ```
   */
  constructor(options: MelOptions = {}) {
    const { sampleRateHz, fftSize, melBands, fminHz, fmaxHz } =
      resolveMelOptions(options);
    const bins = fftSize / 2 + 1;
    this.#bands = melBands;
    this.#bins = bins;
    this.#weights = new Float32Array(melBands * bins);
    this.#first = new Int32Array(melBands);
    this.#end = new Int32Array(melBands);
    const lowMel = hzToMel(fminHz), highMel = hzToMel(fmaxHz);
    const step = (highMel - lowMel) / (melBands + 1);
    const edges = Float64Array.from(
      { length: melBands + 2 },
      // np.linspace: i·step + start, with the last point exactly `stop`.
      (_, i) => melToHz(i === melBands + 1 ? highMel : i * step + lowMel),
    );
    for (let m = 0; m < melBands; m++) {
      const lo = edges[m]!, mid = edges[m + 1]!, hi = edges[m + 2]!;
      const scale = 2 / (hi - lo);
      let first = bins, end = 0;
      for (let k = 0; k < bins; k++) {
        const hz = (k * sampleRateHz) / fftSize;
        const rising = (hz - lo) / (mid - lo);
        const falling = (hi - hz) / (hi - mid);
        const weight = Math.fround(
          Math.fround(Math.max(0, Math.min(rising, falling))) * scale,
        );
        this.#weights[m * bins + k] = weight;
        if (weight !== 0) {
          first = Math.min(first, k);
          end = k + 1;
        }
      }
      this.#first[m] = first;
      this.#end[m] = Math.max(first, end);
    }
  }

  /** Number of mel bands (rows). */
  get bandCount(): number {
    return this.#bands;
  }

  /** Number of FFT bins (columns), `fftSize/2 + 1`. */
  get binCount(): number {
    return this.#bins;
  }

  /** The dense weights, band-major (`bandCount × binCount`); read-only by convention. */
  get weights(): Float32Array {
    return this.#weights;
  }

  /**
   * Writes `out[outOffset + m] = Σₖ weights[m][k]·spectrum[k]` for every band, visiting only each
   * band's non-zero bins.
   *
   * @param spectrum `binCount` magnitudes.
   * @param out Receives `bandCount` band energies starting at `outOffset`.
   * @param outOffset First index written in `out`. @default {0}
   */
  apply(
    spectrum: Float64Array | Float32Array,
    out: Float64Array | Float32Array,
    outOffset = 0,
  ): void {
    const bins = this.#bins, w = this.#weights;
    for (let m = 0; m < this.#bands; m++) {
      const end = this.#end[m]!, row = m * bins;
      let sum = 0;
      for (let k = this.#first[m]!; k < end; k++) {
        sum += w[row + k]! * spectrum[k]!;
      }
      out[outOffset + m] = sum;
    }
  }
}
