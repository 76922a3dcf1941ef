/**
 * The float → 16-bit PCM rule of Lipstream's WAV encoder.
 *
 * A sample is clamped to [−1, 1], scaled by 32767 and rounded half away from zero; NaN becomes 0.
 * So ±1 map to ±32767 and the code −32768 is never written (the scale is symmetric, no clipping
 * asymmetry), and `x` and `−x` always give opposite codes. Decoding divides by 32768
 * (FFmpeg's and libsndfile's convention), so a round trip scales by 32767/32768 (−0.0003 dB)
 * and is otherwise within half a step.
 *
 * @module
 */

/** Full scale of the encoder: a sample of 1.0 becomes this code. */
export const PCM16_ENCODE_SCALE = 32767;

/**
 * Converts one float sample to a 16-bit PCM code: clamp to [−1, 1], scale by 32767, round half
 * away from zero; NaN → 0.
 *
 * @param sample The float sample (nominally in [−1, 1]).
 * @returns An integer in [−32767, 32767].
 * @example The rule at its edges
 * ```ts
 * import { pcm16FromFloat } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(pcm16FromFloat(1), 32767);
 * assert.equal(pcm16FromFloat(-7), -32767); // clamped
 * assert.equal(pcm16FromFloat(0.5 / 32767), 1); // half a step rounds away from zero
 * assert.equal(pcm16FromFloat(-0.5 / 32767), -1);
 * assert.equal(pcm16FromFloat(NaN), 0);
 * ```
 */
export function pcm16FromFloat(sample: number): number {
  const clamped = sample > 1 ? 1 : sample < -1 ? -1 : sample; // NaN passes through
  // Exact in binary64 for any binary32 sample (24 + 15 significant bits), so ±½ then truncation
  // (`| 0`) rounds half away from zero with no double rounding; `NaN | 0` is 0, and `| 0`
  // never yields −0.
  const scaled = clamped * PCM16_ENCODE_SCALE;
  return scaled < 0 ? (scaled - 0.5) | 0 : (scaled + 0.5) | 0;
}
