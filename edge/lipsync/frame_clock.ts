/**
 * The utterance clock shared by audio and video: frame `i` presents at
 * `i / fps` seconds, which is sample `floor(i · rate / fps)` of the
 * utterance's audio, and an utterance of `n` samples has `ceil(n · fps / rate)`
 * frames — the frames whose presentation time falls inside the audio.
 *
 * Integer arithmetic throughout (fps and rates are integers), so sentence
 * joins never gain or lose a frame to rounding.
 *
 * @module
 */

/** Frame timing of one utterance. */
export class FrameClock {
  /** Frames per second (a positive integer). */
  readonly fps: number;
  /** Sample rate of the utterance audio (a positive integer). */
  readonly sampleRateHz: number;

  /**
   * Creates a clock.
   *
   * @example 25 fps over 22050 Hz audio
   * ```ts
   * import { FrameClock } from "@lipstream/edge/lipsync";
   * import assert from "node:assert/strict";
   *
   * const clock = new FrameClock(25, 22050);
   * assert.equal(clock.frameStartSample(3), 2646);
   * assert.equal(clock.frameCountFor(22050), 25);
   * assert.equal(clock.frameCountFor(22051), 26);
   * assert.equal(clock.ptsMs(3), 120);
   * ```
   *
   * @param fps Frames per second.
   * @param sampleRateHz Sample rate of the audio.
   * @throws {RangeError} Unless both are positive integers.
   */
  constructor(fps: number, sampleRateHz: number) {
    for (
      const [name, value] of [["fps", fps], [
        "sample rate",
        sampleRateHz,
      ]] as const
    ) {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new RangeError(
          `Cannot create frame clock: ${name} must be a positive integer: received ${value}`,
        );
      }
    }
    this.fps = fps;
    this.sampleRateHz = sampleRateHz;
  }

  /**
   * The first sample of frame `index` on the utterance clock.
   *
   * @param index Frame number from 0.
   * @returns `floor(index · rate / fps)`.
   */
  frameStartSample(index: number): number {
    return Math.floor(index * this.sampleRateHz / this.fps);
  }

  /**
   * The presentation time of frame `index` in milliseconds.
   *
   * @param index Frame number from 0.
   * @returns `index · 1000 / fps`.
   */
  ptsMs(index: number): number {
    return index * 1000 / this.fps;
  }

  /**
   * How many frames present within the first `samples` samples: the frames
   * whose start sample is below `samples`.
   *
   * @param samples Samples of audio.
   * @returns `ceil(samples · fps / rate)`.
   */
  frameCountFor(samples: number): number {
    return Math.ceil(samples * this.fps / this.sampleRateHz);
  }
}
