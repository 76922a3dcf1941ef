/**
 * Wav2Lip's `audio.melspectrogram(wav)` for a whole utterance, reproduced step for step from
 * Rudrabha/Wav2Lip `audio.py` and `hparams.py` with librosa 0.7.0's defaults (`core/spectrum.py`
 * `stft`, `filters.py` `mel`; Wav2Lip's `requirements.txt` pins `librosa==0.7.0`):
 *
 * 1. pre-emphasis `y[n] = x[n] − 0.97·x[n−1]` with `x[−1] = 0`, in float64;
 * 2. `librosa.stft(n_fft=800, hop_length=200)`: reflect-pad 400 samples each side (numpy
 *    `"reflect"`, the edge sample not repeated), frame `t` covers padded samples
 *    `[200t, 200t + 800)`, periodic Hann window, real FFT (401 bins);
 * 3. magnitude `|X|` (not power);
 * 4. 80 Slaney mel bands, 55–7600 Hz, area-normalised ({@linkcode MelFilterbank});
 * 5. `S = 20·log10(max(1e−5, M)) − 20`;
 * 6. `clip(0.08·S + 4, −4, 4)` — silence is −4.
 *
 * **Layout.** Output is frame-major: `T × 80` float32, frame `t` at `[80t, 80t + 80)`, with
 * `T = 1 + floor(N/200)` frames for `N` samples (80 frames per second). That is the transpose of
 * numpy's `(80, T)`. Frame-major is the order a stream produces frames in
 * ({@linkcode MelStream} appends 80 contiguous values per frame, never re-laying out what it already
 * emitted), and a Wav2Lip window of 16 frames is then one contiguous block of 1280 values that
 * {@linkcode copyMelWindow} transposes into the model's `[1, 80, 16]` input in a single allocation-free
 * pass — 1280 stores per video frame, negligible next to the network.
 *
 * The arithmetic is float64 up to the final store; the reference is float32 after the FFT, which
 * differs by far less than the 1e−3 parity budget (see `tests/mel_parity_test.ts`).
 *
 * @see https://github.com/Rudrabha/Wav2Lip/blob/master/audio.py
 * @module
 */
import { countFrames, fillReflectPadding, MelKernel } from "./_mel_kernel.ts";
import {
  type MelOptions,
  type ResolvedMelOptions,
  resolveMelOptions,
} from "./mel_options.ts";

/** A planned whole-utterance mel front end (FFT, window and filterbank built once). */
export class MelSpectrogram {
  #kernel: MelKernel;

  /**
   * Plans the front end; every parameter defaults to Wav2Lip's `hparams.py`.
   *
   * @param options Overrides of {@linkcode WAV2LIP_MEL_OPTIONS}.
   * @example Reuse one plan for many utterances
   * ```ts
   * import { MelSpectrogram } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const mel = new MelSpectrogram();
   * assert.equal(mel.compute(new Float32Array(16000)).length, 81 * 80);
   * assert.equal(mel.compute(new Float32Array(8000)).length, 41 * 80);
   * ```
   */
  constructor(options: MelOptions = {}) {
    this.#kernel = new MelKernel(resolveMelOptions(options));
  }

  /** The parameters in use. */
  get options(): Readonly<ResolvedMelOptions> {
    return this.#kernel.options;
  }

  /**
   * Number of frames for `sampleCount` samples: `1 + floor(N/hopSamples)`, or 0 for no samples
   * (where the reference raises instead).
   *
   * @param sampleCount Number of input samples.
   * @returns Number of mel frames.
   * @example 3.3 s at 16 kHz
   * ```ts
   * import { MelSpectrogram } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new MelSpectrogram().frameCount(52800), 265);
   * ```
   */
  frameCount(sampleCount: number): number {
    return countFrames(sampleCount, this.#kernel.options.hopSamples);
  }

  /**
   * Computes the normalised mel spectrogram of one whole utterance.
   *
   * Inputs shorter than `fftSize/2 + 1` samples are padded the way numpy's `"reflect"` does
   * (mirrored repeatedly; a single sample is repeated). An empty input gives no frames.
   *
   * @param samples Mono audio at `sampleRateHz`, nominally in [−1, 1].
   * @param out Receives `frameCount(N) × melBands` values (allocated when omitted).
   * @returns `out`, frame-major.
   */
  compute(
    samples: Float32Array | Float64Array,
    out?: Float32Array,
  ): Float32Array {
    const { fftSize, hopSamples, melBands, preemphasis } = this.#kernel.options;
    const n = samples.length;
    const frames = countFrames(n, hopSamples);
    const result = out ?? new Float32Array(frames * melBands);
    if (result.length < frames * melBands) {
      throw new RangeError(
        `Cannot compute mel spectrogram: output needs ${
          frames * melBands
        } values: received ${result.length}`,
      );
    }
    if (n === 0) return result;
    const pad = fftSize / 2;
    const padded = new Float64Array(n + fftSize);
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const x = samples[i]!;
      padded[pad + i] = x - preemphasis * previous;
      previous = x;
    }
    fillReflectPadding(padded, n, pad);
    for (let t = 0; t < frames; t++) {
      this.#kernel.frame(padded, t * hopSamples, result, t * melBands);
    }
    return result;
  }
}

/**
 * Wav2Lip's mel spectrogram of one utterance (a one-shot {@linkcode MelSpectrogram}).
 *
 * @param samples Mono 16 kHz audio.
 * @param options Overrides of {@linkcode WAV2LIP_MEL_OPTIONS}.
 * @returns `T × 80` float32 values, frame-major, in [−4, 4].
 * @example One second of silence
 * ```ts
 * import { melSpectrogram } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const mel = melSpectrogram(new Float32Array(16000));
 * assert.equal(mel.length, 81 * 80);
 * assert.ok(mel.every((v) => v === -4)); // silence is the floor
 * ```
 */
export function melSpectrogram(
  samples: Float32Array | Float64Array,
  options: MelOptions = {},
): Float32Array {
  return new MelSpectrogram(options).compute(samples);
}
