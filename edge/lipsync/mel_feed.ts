/**
 * The compute half of an utterance's mel: audio at the voice's rate is
 * resampled to Wav2Lip's 16 kHz by a {@linkcode ResampleStream} and framed by
 * a {@linkcode MelStream}. Stateful and synchronous, with no knowledge of
 * windows: {@linkcode MelTimeline} stores what it yields, and the frame
 * worker (`frame_worker.ts`) runs one per utterance off the server thread.
 *
 * @module
 */

import {
  MelStream,
  ResampleStream,
  WAV2LIP_SAMPLE_RATE_HZ,
} from "@lipstream/shared";

/** Wav2Lip's audio rate ({@linkcode WAV2LIP_SAMPLE_RATE_HZ}). */
export const MEL_SAMPLE_RATE_HZ = WAV2LIP_SAMPLE_RATE_HZ;

/** Resample + mel of one utterance, chunk by chunk. */
export class MelFeed {
  #resampler: ResampleStream | undefined;
  #mel = new MelStream();

  /**
   * Plans the feed for audio at `sampleRateHz`.
   *
   * @example Chunked and whole audio give the same frames
   * ```ts
   * import { MelFeed } from "@lipstream/edge/lipsync";
   * import assert from "node:assert/strict";
   *
   * const audio = new Float32Array(22050).map((_, i) => Math.sin(i / 7));
   * const whole = new MelFeed(22050);
   * const a = [...whole.push(audio), ...whole.flush()];
   * const parts = new MelFeed(22050);
   * const b = [...parts.push(audio.subarray(0, 1000)), ...parts.push(audio.subarray(1000)), ...parts.flush()];
   * assert.equal(a.length % 80, 0);
   * assert.deepEqual(a, b);
   * ```
   *
   * @param sampleRateHz Rate of the audio that will be pushed.
   */
  constructor(sampleRateHz: number) {
    this.#resampler = sampleRateHz === MEL_SAMPLE_RATE_HZ
      ? undefined
      : new ResampleStream({ fromHz: sampleRateHz, toHz: MEL_SAMPLE_RATE_HZ });
  }

  /**
   * Takes the next chunk.
   *
   * @param samples Audio at the feed's rate.
   * @returns The mel frames it completes, 80 values each, frame-major.
   */
  push(samples: Float32Array): Float32Array {
    const audio = this.#resampler === undefined
      ? samples
      : this.#resampler.push(samples);
    return this.#mel.push(audio);
  }

  /**
   * Ends the audio.
   *
   * @returns The final frames (the resampler's tail and the mel's padding).
   */
  flush(): Float32Array {
    if (this.#resampler === undefined) return this.#mel.flush();
    const tail = this.#mel.push(this.#resampler.flush());
    const last = this.#mel.flush();
    const out = new Float32Array(tail.length + last.length);
    out.set(tail);
    out.set(last, tail.length);
    return out;
  }
}
