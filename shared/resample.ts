/**
 * Band-limited sample-rate conversion between any two integer rates, e.g. a VITS voice's
 * 22,050 Hz to the 16,000 Hz that Wav2Lip's mel front end needs.
 *
 * **Filter.** A polyphase windowed sinc with resampy 0.2's `kaiser_best` parameters, the filter
 * librosa 0.7.0's `load(path, sr=16000)` applies in Wav2Lip's `audio.load_wav` (librosa
 * `core/audio.py`, `res_type='kaiser_best'`): half-width 64 samples of the lower rate, cutoff
 * 0.9475937167399596 × its Nyquist, Kaiser β = 14.769656459379492 (resampy 0.3.0 re-tuned
 * `kaiser_best`; Wav2Lip's `requirements.txt` pins `numba==0.48`, which keeps pip on resampy
 * 0.2.2). Unlike resampy, the coefficients are computed exactly, not interpolated from a table.
 * The ratio is reduced by the greatest common divisor (22050 → 16000 is 320/441: 320 phases of 178
 * taps); each rate pair's table is designed once and the last 8 pairs are cached.
 *
 * **Response** (fractions of the lower rate's Nyquist `f_N`; `resample_test.ts` checks it, the
 * measured curve and the comparison with SoX are in BENCHMARKS.md): flat within 0.001 dB to
 * 0.85 `f_N`, −3 dB at 0.937, −6 dB at the cutoff, at least 90 dB down from 1.014 `f_N`; DC gain 1.
 *
 * **Alignment.** Zero delay, linear phase: output sample `k` is the band-limited input evaluated
 * at input time `k·fromHz/toHz`, with zeros assumed before and after the input. The output has
 * exactly `⌈length·toHz/fromHz⌉` samples, librosa's `fix_length` rule (librosa zero-fills the
 * last sample where resampy returns one fewer; this module computes it).
 *
 * @see https://github.com/bmcfee/resampy (the `kaiser_best` parameters)
 * @module
 */
import {
  canPlanResampleFilter,
  resampleFilterFor,
} from "./_resample_filter.ts";

/** The two sample rates of a conversion. */
export interface ResampleOptions {
  /** Sample rate of the input, in Hz: a positive integer. */
  fromHz: number;
  /** Sample rate of the output, in Hz: a positive integer. */
  toHz: number;
}

/** Options of {@linkcode resample}. */
export interface ResampleBufferOptions extends ResampleOptions {
  /**
   * Where to write the result instead of a new array; it needs at least
   * {@linkcode resampledLength} samples, and the result is a view of its start.
   */
  output?: Float32Array;
}

/**
 * Whether {@linkcode resample} and {@linkcode ResampleStream} can convert
 * between the two rates (positive integers whose filter table fits; e.g.
 * 44099 → 16000 does not), decided without designing the filter.
 *
 * @param options The two rates.
 * @returns `true` when a conversion would not throw for its rates.
 * @example
 * ```ts
 * import { canResample } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(canResample({ fromHz: 22050, toHz: 16000 }), true);
 * assert.equal(canResample({ fromHz: 44099, toHz: 16000 }), false);
 * assert.equal(canResample({ fromHz: 0, toHz: 16000 }), false);
 * ```
 */
export function canResample(options: ResampleOptions): boolean {
  return canPlanResampleFilter(options.fromHz, options.toHz);
}

/**
 * Number of samples {@linkcode resample} returns for `inputLength` input samples:
 * `⌈inputLength·toHz/fromHz⌉`.
 *
 * @param inputLength Number of input samples.
 * @param options The two rates.
 * @returns The output length.
 * @throws {RangeError} If a rate is not a positive integer, or `inputLength` is not a
 * non-negative integer.
 * @example One second of a VITS voice becomes one second at 16 kHz
 * ```ts
 * import { resampledLength } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resampledLength(22050, { fromHz: 22050, toHz: 16000 }), 16000);
 * assert.equal(resampledLength(100, { fromHz: 22050, toHz: 16000 }), 73); // ⌈72.56⌉
 * ```
 */
export function resampledLength(
  inputLength: number,
  options: ResampleOptions,
): number {
  if (!Number.isSafeInteger(inputLength) || inputLength < 0) {
    throw new RangeError(
      `Cannot compute the resampled length: length must be a non-negative integer: received ${inputLength}`,
    );
  }
  return resampleFilterFor(options.fromHz, options.toHz).outputLength(
    inputLength,
  );
}

/**
 * Converts a whole signal from `fromHz` to `toHz` (see the module docs for filter and alignment).
 *
 * When the rates are equal the result is a copy of `samples` (or `samples` copied into `output`).
 *
 * @param samples Mono audio at `fromHz`.
 * @param options The two rates, and optionally the array to write into.
 * @returns `⌈samples.length·toHz/fromHz⌉` samples at `toHz`.
 * @throws {RangeError} If a rate is not a positive integer, or `output` is too short.
 * @example Resample a 440 Hz tone from 22,050 Hz to 16,000 Hz
 * ```ts
 * import { resample } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const tone = Float32Array.from({ length: 22050 }, (_, n) => Math.sin(2 * Math.PI * 440 * n / 22050));
 * const out = resample(tone, { fromHz: 22050, toHz: 16000 });
 * assert.equal(out.length, 16000);
 * const n = 8000; // mid-signal: output n is at input time n·22050/16000
 * assert.ok(Math.abs(out[n]! - Math.sin(2 * Math.PI * 440 * n / 16000)) < 1e-5);
 * ```
 */
export function resample(
  samples: Float32Array,
  options: ResampleBufferOptions,
): Float32Array {
  const filter = resampleFilterFor(options.fromHz, options.toHz);
  const length = samples.length;
  const count = filter.outputLength(length);
  const output = options.output ?? new Float32Array(count);
  if (output.length < count) {
    throw new RangeError(
      `Cannot resample: output needs ${count} samples: received ${output.length}`,
    );
  }
  const { up, down, taps, lead } = filter;
  if (taps === 1) output.set(samples);
  else {
    for (let k = 0; k < count; k++) {
      const position = k * down;
      const q = Math.floor(position / up);
      const start = q - lead;
      output[k] = filter.convolve(
        samples,
        start,
        position - q * up,
        Math.max(0, -start),
        Math.min(taps, length - start),
      );
    }
  }
  return output.length === count ? output : output.subarray(0, count);
}
