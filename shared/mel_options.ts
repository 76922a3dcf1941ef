/**
 * The parameters of Wav2Lip's audio front end, in one options object whose defaults are the
 * shipped `hparams.py` values.
 *
 * @see https://github.com/Rudrabha/Wav2Lip/blob/master/hparams.py
 * @module
 */

import {
  WAV2LIP_MEL_BANDS,
  WAV2LIP_SAMPLE_RATE_HZ,
} from "./wav2lip_hparams.ts";

/** Every parameter of the Wav2Lip mel front end. */
export interface MelOptions {
  /** Sample rate of the input audio in Hz (`sample_rate`). @default {16000} */
  sampleRateHz?: number;
  /** FFT size and window length in samples (`n_fft` = `win_size`); even. @default {800} */
  fftSize?: number;
  /** Samples between frames (`hop_size`). @default {200} */
  hopSamples?: number;
  /** Number of mel bands (`num_mels`). @default {80} */
  melBands?: number;
  /** Lowest band edge in Hz (`fmin`). @default {55} */
  fminHz?: number;
  /** Highest band edge in Hz (`fmax`). @default {7600} */
  fmaxHz?: number;
  /** Pre-emphasis coefficient (`preemphasis`); 0 disables it. @default {0.97} */
  preemphasis?: number;
  /** Floor of the dB scale (`min_level_db`). @default {-100} */
  minLevelDb?: number;
  /** Reference level subtracted after dB conversion (`ref_level_db`). @default {20} */
  refLevelDb?: number;
  /** Output range is `[−maxAbsValue, maxAbsValue]` (`max_abs_value`). @default {4} */
  maxAbsValue?: number;
}

/** {@linkcode MelOptions} with every field present. */
export type ResolvedMelOptions = Required<MelOptions>;

/** Wav2Lip's shipped values (`hparams.py`); 80 mel frames per second at 16 kHz. */
export const WAV2LIP_MEL_OPTIONS: Readonly<ResolvedMelOptions> = Object.freeze({
  sampleRateHz: WAV2LIP_SAMPLE_RATE_HZ,
  fftSize: 800,
  hopSamples: 200,
  melBands: WAV2LIP_MEL_BANDS,
  fminHz: 55,
  fmaxHz: 7600,
  preemphasis: 0.97,
  minLevelDb: -100,
  refLevelDb: 20,
  maxAbsValue: 4,
});

/**
 * Fills in defaults from {@linkcode WAV2LIP_MEL_OPTIONS} and validates the result.
 *
 * @param options Overrides of the Wav2Lip defaults.
 * @returns Every parameter, checked.
 * @example Override one field
 * ```ts
 * import { resolveMelOptions } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const options = resolveMelOptions({ hopSamples: 160 });
 * assert.equal(options.hopSamples, 160);
 * assert.equal(options.fftSize, 800);
 * ```
 */
export function resolveMelOptions(
  options: MelOptions = {},
): ResolvedMelOptions {
  const resolved = { ...WAV2LIP_MEL_OPTIONS, ...options };
  const { sampleRateHz, fftSize, hopSamples, melBands, fminHz, fmaxHz } =
    resolved;
  for (
    const [name, value] of Object.entries({ fftSize, hopSamples, melBands })
  ) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(
        `Cannot use mel options: ${name} must be a positive integer: received ${value}`,
      );
    }
  }
  if (fftSize % 2 !== 0) {
    throw new RangeError(
      `Cannot use mel options: fftSize must be even: received ${fftSize}`,
    );
  }
  if (!(sampleRateHz > 0)) {
    throw new RangeError(
      `Cannot use mel options: sampleRateHz must be > 0: received ${sampleRateHz}`,
    );
  }
  if (!(fminHz >= 0 && fminHz < fmaxHz && fmaxHz <= sampleRateHz / 2)) {
    throw new RangeError(
      `Cannot use mel options: need 0 <= fminHz < fmaxHz <= sampleRateHz/2: received ${fminHz}, ${fmaxHz}`,
    );
  }
  return resolved;
}
