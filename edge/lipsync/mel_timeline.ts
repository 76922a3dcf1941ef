/**
 * The utterance's Wav2Lip mel, grown as audio arrives: the frames of a
 * {@linkcode MelFeed} (resample to 16 kHz, then mel), kept frame-major so any
 * 16-frame window can be copied out for a batch. Because the feed equals its
 * whole-buffer version, the mel of an utterance fed sentence by sentence is
 * the mel of the whole utterance: one continuous clock across sentence joins.
 * The frames may also be computed elsewhere (the frame worker) and added
 * with {@linkcode MelTimeline.appendFrames}.
 *
 * @module
 */

import {
  copyMelWindow,
  MEL_WINDOW_FRAMES,
  WAV2LIP_MEL_BANDS,
  WAV2LIP_MEL_WINDOW_VALUES,
} from "@lipstream/shared";
import { MEL_SAMPLE_RATE_HZ, MelFeed } from "./mel_feed.ts";

export { MEL_SAMPLE_RATE_HZ };
/** Mel bands per frame ({@linkcode WAV2LIP_MEL_BANDS}). */
export const MEL_BANDS = WAV2LIP_MEL_BANDS;
/** Values in one `[1, 80, 16]` window ({@linkcode WAV2LIP_MEL_WINDOW_VALUES}). */
export const MEL_WINDOW_VALUES = WAV2LIP_MEL_WINDOW_VALUES;

/** A growing, frame-major mel of one utterance. */
export class MelTimeline {
  readonly #sampleRateHz: number;
  #feed: MelFeed | undefined;
  #frames = new Float32Array(MEL_BANDS * 256);
  #frameCount = 0;
  #finished = false;

  /**
   * Plans the timeline for audio at `sampleRateHz`.
   *
   * @example Frames become available as audio arrives
   * ```ts
   * import { MelTimeline } from "@lipstream/edge/lipsync";
   * import assert from "node:assert/strict";
   *
   * const timeline = new MelTimeline(16000);
   * timeline.push(new Float32Array(16000));
   * assert.ok(timeline.frameCount >= 75);
   * timeline.finish();
   * assert.equal(timeline.frameCount, 81);
   * ```
   *
   * @param sampleRateHz Rate of the audio that will be pushed.
   */
  constructor(sampleRateHz: number) {
    this.#sampleRateHz = sampleRateHz;
  }

  /** Mel frames available so far. */
  get frameCount(): number {
    return this.#frameCount;
  }

  /** Whether {@linkcode MelTimeline.finish} ran (no more frames will come). */
  get finished(): boolean {
    return this.#finished;
  }

  /**
   * Appends audio at the timeline's rate.
   *
   * @param samples The next chunk.
   * @throws {Error} After {@linkcode MelTimeline.finish}.
   */
  push(samples: Float32Array): void {
    if (this.#finished) {
      throw new Error("Cannot push audio: the mel timeline is finished");
    }
    this.#feed ??= new MelFeed(this.#sampleRateHz);
    this.appendFrames(this.#feed.push(samples));
  }

  /**
   * Appends mel frames computed elsewhere (by a {@linkcode MelFeed} on a
   * worker), instead of {@linkcode MelTimeline.push}.
   *
   * @param frames Whole frames, 80 values each, frame-major.
   * @throws {Error} After {@linkcode MelTimeline.finish}.
   */
  appendFrames(frames: Float32Array): void {
    if (this.#finished) {
      throw new Error("Cannot append mel frames: the mel timeline is finished");
    }
    this.#append(frames);
  }

  /**
   * Ends the audio: adds the final frames, which are `tail` when given (a
   * feed's `flush()` computed elsewhere), else the flush of the pushed audio.
   *
   * @param tail The final frames of a feed run elsewhere.
   */
  finish(tail?: Float32Array): void {
    if (this.#finished) return;
    this.#append(
      tail ?? (this.#feed ??= new MelFeed(this.#sampleRateHz)).flush(),
    );
    this.#finished = true;
  }

  /**
   * Whether the 16-frame window starting at `start` is fully known (always
   * true once finished: a window past the end is the final 16 frames).
   *
   * @param start First mel frame of the window.
   * @returns Whether {@linkcode MelTimeline.copyWindow} can fill it now.
   */
  hasWindow(start: number): boolean {
    return this.#finished || start + MEL_WINDOW_FRAMES <= this.#frameCount;
  }

  /**
   * Copies one window in Wav2Lip's `[1, 80, 16]` layout. Once finished, a
   * window that would run past the end of the audio is the final 16 frames,
   * as Wav2Lip's reference does (`inference.py` in Rudrabha/Wav2Lip: `if
   * start_idx + mel_step_size > len(mel[0]): mel_chunks.append(mel[:,
   * len(mel[0]) - mel_step_size:])`); an utterance shorter than 16 frames
   * pads before its start with Wav2Lip's silence level (−4), like
   * `melChunkStarts`.
   *
   * @param start First mel frame.
   * @param out Destination.
   * @param offset Where the window starts in `out`.
   */
  copyWindow(start: number, out: Float32Array, offset: number): void {
    copyMelWindow(
      this.#frames.subarray(0, this.#frameCount * MEL_BANDS),
      this.#windowStart(start),
      {
        out,
        outOffset: offset,
      },
    );
  }

  /**
   * The loudest value of a window (normalized mel, −4 = silence, 4 = loudest).
   *
   * @param start First mel frame.
   * @returns The maximum over the window's known frames, −4 when none.
   */
  windowPeak(start: number): number {
    start = this.#windowStart(start);
    let peak = -4;
    const from = Math.max(0, start) * MEL_BANDS;
    const to = Math.min(this.#frameCount, start + MEL_WINDOW_FRAMES) *
      MEL_BANDS;
    const frames = this.#frames;
    for (let i = from; i < to; i++) {
      const value = frames[i]!;
      if (value > peak) peak = value;
    }
    return peak;
  }

  /** Where the window for `start` really begins (the final 16 frames past the end). */
  #windowStart(start: number): number {
    return this.#finished && start + MEL_WINDOW_FRAMES > this.#frameCount
      ? this.#frameCount - MEL_WINDOW_FRAMES
      : start;
  }

  #append(frames: Float32Array): void {
    if (frames.length === 0) return;
    const needed = this.#frameCount * MEL_BANDS + frames.length;
    if (needed > this.#frames.length) {
      const grown = new Float32Array(Math.max(needed, this.#frames.length * 2));
      grown.set(this.#frames.subarray(0, this.#frameCount * MEL_BANDS));
      this.#frames = grown;
    }
    this.#frames.set(frames, this.#frameCount * MEL_BANDS);
    this.#frameCount += frames.length / MEL_BANDS;
  }
}
