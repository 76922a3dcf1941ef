/**
 * Internal: the per-frame half of Wav2Lip's `melspectrogram` (window, FFT magnitude, mel, dB,
 * normalisation), plus the signal-level helpers shared by the whole-utterance and streaming paths,
 * so both produce bit-identical frames.
 *
 * @see https://github.com/Rudrabha/Wav2Lip/blob/master/audio.py
 * @module
 */
import { periodicHann } from "./_hann.ts";
import { RealFft } from "./fft_real.ts";
import { MelFilterbank } from "./mel_filterbank.ts";
import type { ResolvedMelOptions } from "./mel_options.ts";

/** One planned frame computer: every buffer is allocated here, none per frame. */
export class MelKernel {
  #options: ResolvedMelOptions;
  #window: Float64Array;
  #fft: RealFft;
  #bank: MelFilterbank;
  #frame: Float64Array;
  #re: Float64Array;
  #im: Float64Array;
  #magnitude: Float64Array;
  #bands: Float64Array;
  #minLevel: number;

  constructor(options: ResolvedMelOptions) {
    const { fftSize, melBands, minLevelDb } = options;
    this.#options = options;
    this.#window = periodicHann(fftSize);
    this.#fft = new RealFft(fftSize);
    this.#bank = new MelFilterbank(options);
    this.#frame = new Float64Array(fftSize);
    this.#re = new Float64Array(fftSize / 2 + 1);
    this.#im = new Float64Array(fftSize / 2 + 1);
    this.#magnitude = new Float64Array(fftSize / 2 + 1);
    this.#bands = new Float64Array(melBands);
    // audio.py: min_level = np.exp(hp.min_level_db / 20 * np.log(10))
    this.#minLevel = Math.exp((minLevelDb / 20) * Math.log(10));
  }

  /** The parameters this kernel was planned with. */
  get options(): ResolvedMelOptions {
    return this.#options;
  }

  /**
   * Writes the `melBands` normalised values of the frame whose `fftSize` centre-padded,
   * pre-emphasised samples start at `signal[offset]` into `out[outOffset …]`.
   */
  frame(
    signal: Float64Array,
    offset: number,
    out: Float32Array,
    outOffset: number,
  ): void {
    const { melBands, refLevelDb, minLevelDb, maxAbsValue } = this.#options;
    const frame = this.#frame, window = this.#window;
    for (let i = 0; i < frame.length; i++) {
      frame[i] = signal[offset + i]! * window[i]!;
    }
    const re = this.#re, im = this.#im, magnitude = this.#magnitude;
    this.#fft.forward(frame, re, im);
    for (let k = 0; k < magnitude.length; k++) {
      magnitude[k] = Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!);
    }
    const bands = this.#bands;
    this.#bank.apply(magnitude, bands);
    const span = 2 * maxAbsValue, floor = this.#minLevel;
    for (let m = 0; m < melBands; m++) {
      // _amp_to_db(...) − ref_level_db, then _normalize (symmetric, clipped).
      const db = 20 * Math.log10(Math.max(floor, bands[m]!)) - refLevelDb;
      const scaled = span * ((db - minLevelDb) / -minLevelDb) - maxAbsValue;
      out[outOffset + m] = Math.min(
        maxAbsValue,
        Math.max(-maxAbsValue, scaled),
      );
    }
  }
}

/** Number of STFT frames `librosa.stft(center=True)` gives for `sampleCount` samples (0 for none). */
export function countFrames(sampleCount: number, hopSamples: number): number {
  return sampleCount === 0 ? 0 : 1 + Math.floor(sampleCount / hopSamples);
}

/**
 * Index into `[0, length)` that numpy's `np.pad(mode="reflect")` reads for position `j` (negative
 * or ≥ `length`): mirror without repeating the edge, repeatedly when the pad exceeds `length − 1`.
 */
export function reflectIndex(j: number, length: number): number {
  if (length === 1) return 0;
  const period = 2 * (length - 1);
  const folded = ((j % period) + period) % period;
  return folded < length ? folded : period - folded;
}

/**
 * Completes a centre-padded signal in place: with `y` already at `padded[pad … pad + length)`,
 * writes `padded[i] = y[reflectIndex(i − pad, length)]` on both edges, which makes `padded` the
 * `np.pad(y, pad, mode="reflect")` that `librosa.stft` frames.
 */
export function fillReflectPadding(
  padded: Float64Array,
  length: number,
  pad: number,
): void {
  for (let i = 0; i < pad; i++) {
    padded[i] = padded[pad + reflectIndex(i - pad, length)]!;
    const right = pad + length + i;
    padded[right] = padded[pad + reflectIndex(length + i, length)]!;
  }
}
