/**
 * The size of a sentence's first decoder window when `VITS_FIRST_WINDOW_FRAMES` is `auto`: the
 * fewest latent frames whose audio gives the lip model its first mel window. The first lip frame
 * waits for 16 mel frames (Wav2Lip's `mel_step_size`), the last of which needs 25 ms of audio
 * after its centre, at 16 kHz after resampling; a smaller first window brings the first audio
 * earlier but makes the first lip frame wait for the second window, whose decode carries the
 * decoder's overlap on both sides.
 *
 * @module
 */

import {
  MelStream,
  ResampleStream,
  WAV2LIP_MEL_STEPS,
  WAV2LIP_SAMPLE_RATE_HZ,
} from "@lipstream/shared";

/**
 * Samples per latent frame of VITS and Piper models (`hop_length` in every config
 * jaywalnut310/vits, VITS-fast-fine-tuning and Piper ship, 44.1 kHz voices aside).
 */
export const VITS_HOP_SAMPLES = 256;

const cache = new Map<string, number>();

/**
 * Latent frames of audio at `sampleRateHz` that let the server's own resampler and mel stream
 * (the same classes the lip-sync path runs) emit the first lip frame's mel window. Computed once
 * per rate by pushing silence through them.
 *
 * @example
 * ```ts
 * import { firstLipFrameWindow } from "./first_window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(firstLipFrameWindow(16000), 14); // 3400 samples: 13.3 frames of 256
 * ```
 *
 * @param sampleRateHz The voice's output rate.
 * @param hopSamples Samples per latent frame.
 * @returns The window, in latent frames.
 */
export function firstLipFrameWindow(
  sampleRateHz: number,
  hopSamples: number = VITS_HOP_SAMPLES,
): number {
  const key = `${sampleRateHz}/${hopSamples}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const resampler = new ResampleStream({
    fromHz: sampleRateHz,
    toHz: WAV2LIP_SAMPLE_RATE_HZ,
  });
  const mel = new MelStream();
  const frame = new Float32Array(hopSamples);
  let frames = 0;
  while (mel.frameCount < WAV2LIP_MEL_STEPS) {
    mel.push(resampler.push(frame));
    frames++;
  }
  cache.set(key, frames);
  return frames;
}
