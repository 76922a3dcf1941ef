/**
 * Which mel frames feed each video frame, exactly as Wav2Lip's `inference.py` slices them (the
 * `mel_chunks` loop in `main()`), and the copy of one window into the model's `[1, 80, 16]` mel
 * input.
 *
 * Reference loop (`mel_step_size = 16`, 80 mel frames per second):
 *
 * ```text
 * start(i) = int(i · (80 / fps))            # truncation, float64
 * while start(i) + 16 <= T: chunk i = mel[:, start(i) : start(i) + 16]
 * then one last chunk = mel[:, T − 16 : T]   # may repeat the previous one
 * ```
 *
 * A window is **16 mel frames (200 ms) starting at** the video frame's time, not centred on it.
 *
 * @see https://github.com/Rudrabha/Wav2Lip/blob/master/inference.py
 * @module
 */

import { WAV2LIP_MEL_OPTIONS } from "./mel_options.ts";
import { WAV2LIP_MEL_BANDS, WAV2LIP_MEL_STEPS } from "./wav2lip_hparams.ts";

/** Width of one Wav2Lip mel window in frames (`mel_step_size`). */
export const MEL_WINDOW_FRAMES = WAV2LIP_MEL_STEPS;

/** Wav2Lip's mel frames per second: 16000 Hz / 200-sample hop = 80. */
const MEL_FRAMES_PER_SECOND = WAV2LIP_MEL_OPTIONS.sampleRateHz /
  WAV2LIP_MEL_OPTIONS.hopSamples;

/** Options shared by the chunking helpers. */
export interface MelChunkOptions {
  /** Mel frames per second of audio, `sampleRateHz / hopSamples`. @default {80} */
  melFramesPerSecond?: number;
}

/**
 * First mel frame of video frame `frameIndex`'s window: `trunc(frameIndex · (80 / fps))`, computed
 * in the same float64 order as the reference.
 *
 * @param frameIndex Video frame number, from 0.
 * @param fps Video frame rate.
 * @param options Mel frame rate.
 * @returns The window's first mel frame (before the reference's end-of-audio clamp).
 * @example 25 fps advances 3.2 mel frames per video frame
 * ```ts
 * import { melWindowStart } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => melWindowStart(i, 25)), [0, 3, 6, 9, 12, 16]);
 * ```
 */
export function melWindowStart(
  frameIndex: number,
  fps: number,
  options: MelChunkOptions = {},
): number {
  if (!(fps > 0) || !Number.isFinite(fps)) {
    throw new RangeError(
      `Cannot compute mel window start: fps must be a positive number: received ${fps}`,
    );
  }
  const mult = (options.melFramesPerSecond ?? MEL_FRAMES_PER_SECOND) / fps;
  return Math.trunc(frameIndex * mult);
}

/**
 * The reference-compatible window starts for a whole utterance of `frameCount` mel frames: one per
 * video frame, the last one `frameCount − 16` (so the final two can be equal).
 *
 * Unlike the reference, `frameCount < 16` does not produce a narrow chunk: the single window then
 * starts at the negative `frameCount − 16`, and {@linkcode copyMelWindow} fills the columns before
 * frame 0 with silence (−4). An empty mel gives no windows.
 *
 * @param frameCount Mel frames `T` of the utterance.
 * @param fps Video frame rate.
 * @param options Mel frame rate.
 * @returns The start frame of each video frame's window.
 * @example 1 s at 25 fps gives 22 windows, not 25
 * ```ts
 * import { melChunkStarts } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const starts = melChunkStarts(81, 25);
 * assert.equal(starts.length, 22);
 * assert.equal(starts.at(-1), 65);
 * ```
 */
export function melChunkStarts(
  frameCount: number,
  fps: number,
  options: MelChunkOptions = {},
): Int32Array {
  if (!Number.isSafeInteger(frameCount) || frameCount < 0) {
    throw new RangeError(
      `Cannot list mel chunks: frame count must be a non-negative integer: received ${frameCount}`,
    );
  }
  if (frameCount === 0) return new Int32Array(0);
  const starts: number[] = [];
  for (let i = 0;; i++) {
    const start = melWindowStart(i, fps, options);
    if (start + MEL_WINDOW_FRAMES > frameCount) {
      starts.push(frameCount - MEL_WINDOW_FRAMES);
      return Int32Array.from(starts);
    }
    starts.push(start);
  }
}

/** Options of {@linkcode copyMelWindow}. */
export interface CopyMelWindowOptions {
  /** Receives the window (allocated when omitted); needs `outOffset + melBands·16` values. */
  out?: Float32Array;
  /** First index written in `out`, e.g. `b·80·16` for batch item `b`. @default {0} */
  outOffset?: number;
  /** Values per mel frame. @default {80} */
  melBands?: number;
  /** Written for frames outside `[0, T)`: Wav2Lip's silence level. @default {-4} */
  padValue?: number;
}

/**
 * Copies the 16-frame window starting at mel frame `start` of a frame-major mel (as
 * {@linkcode melSpectrogram} and {@linkcode MelStream} produce) into Wav2Lip's `[1, 80, 16]` layout:
 * band `m`, column `c` at `outOffset + m·16 + c`. Columns whose frame lies outside the mel get
 * `padValue`.
 *
 * @param mel Frame-major mel, `T × melBands`.
 * @param start First frame of the window (may be negative or run past `T`).
 * @param options Destination and layout.
 * @returns The destination array.
 * @example Window of a 2-band mel
 * ```ts
 * import { copyMelWindow } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * // Frames t = 0, 1, 2 with bands (10·t, 10·t + 1).
 * const mel = Float32Array.of(0, 1, 10, 11, 20, 21);
 * const win = copyMelWindow(mel, 1, { melBands: 2 });
 * assert.deepEqual([...win.subarray(0, 3)], [10, 20, -4]); // band 0, columns 0..2
 * assert.deepEqual([...win.subarray(16, 19)], [11, 21, -4]); // band 1
 * ```
 */
export function copyMelWindow(
  mel: Float32Array,
  start: number,
  options: CopyMelWindowOptions = {},
): Float32Array {
  const bands = options.melBands ?? WAV2LIP_MEL_BANDS;
  const offset = options.outOffset ?? 0;
  const padValue = options.padValue ?? -4;
  const width = MEL_WINDOW_FRAMES;
  const out = options.out ?? new Float32Array(offset + bands * width);
  if (mel.length % bands !== 0) {
    throw new RangeError(
      `Cannot copy mel window: mel length ${mel.length} is not a multiple of ${bands} bands`,
    );
  }
  if (!Number.isSafeInteger(start) || offset + bands * width > out.length) {
    throw new RangeError(
      `Cannot copy mel window: need an integer start and ${
        offset + bands * width
      } output values`,
    );
  }
  const frames = mel.length / bands;
  for (let c = 0; c < width; c++) {
    const t = start + c;
    const inside = t >= 0 && t < frames;
    for (let m = 0, from = t * bands; m < bands; m++) {
      out[offset + m * width + c] = inside ? mel[from + m]! : padValue;
    }
  }
  return out;
}
