/**
 * Streaming Wav2Lip mel: audio in chunks of any size, each mel frame out as soon as the samples it
 * depends on have arrived, and bit-identical to {@linkcode MelSpectrogram} on the whole utterance.
 *
 * @module
 */
import { countFrames, fillReflectPadding, MelKernel } from "./_mel_kernel.ts";
import {
  type MelOptions,
  type ResolvedMelOptions,
  resolveMelOptions,
} from "./mel_options.ts";

/**
 * Stateful mel front end for one utterance at a time.
 *
 * Frame `t` covers centre-padded samples `[hop·t, hop·t + fftSize)`, i.e. input samples
 * `hop·t − fftSize/2 … hop·t + fftSize/2 − 1`. {@linkcode MelStream.push} emits it once input
 * sample `max(fftSize/2, hop·t + fftSize/2 − 1)` has arrived; the left edge's reflect padding
 * reads input samples `1 … fftSize/2`, so nothing comes out before `fftSize/2 + 1` samples. With
 * Wav2Lip's parameters that is a latency of **400 samples (25 ms, 2 frames of hop) after each
 * frame's centre**, and 401 samples for frame 0. The last frames overlap the right edge, whose
 * reflect padding depends on where the utterance ends; {@linkcode MelStream.flush} emits them
 * (two frames with Wav2Lip's parameters, or all of them for utterances of ≤ 400 samples).
 *
 * Memory stays bounded: only the samples still needed by future frames (about `fftSize` plus the
 * latest chunk) are kept.
 */
export class MelStream {
  #kernel: MelKernel;
  #options: ResolvedMelOptions;
  #pad: number;
  #buffer: Float64Array;
  #base = 0; // padded index of #buffer[0]
  #samples = 0;
  #emitted = 0;
  #previous = 0;

  /**
   * Plans the stream; every parameter defaults to Wav2Lip's `hparams.py`.
   *
   * @param options Overrides of {@linkcode WAV2LIP_MEL_OPTIONS}.
   * @example Stream an utterance in 20 ms chunks
   * ```ts
   * import { melSpectrogram, MelStream } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const audio = Float32Array.from({ length: 8000 }, (_, n) => Math.sin(n / 9) * 0.3);
   * const stream = new MelStream();
   * const parts: Float32Array[] = [];
   * for (let at = 0; at < audio.length; at += 320) {
   *   parts.push(stream.push(audio.subarray(at, at + 320)));
   * }
   * parts.push(stream.flush());
   * const streamed = Float32Array.from(parts.flatMap((part) => [...part]));
   * assert.deepEqual(streamed, melSpectrogram(audio));
   * ```
   */
  constructor(options: MelOptions = {}) {
    this.#options = resolveMelOptions(options);
    this.#kernel = new MelKernel(this.#options);
    this.#pad = this.#options.fftSize / 2;
    this.#buffer = new Float64Array(4 * this.#options.fftSize);
  }

  /** Input samples received in the current utterance. */
  get sampleCount(): number {
    return this.#samples;
  }

  /** Mel frames emitted in the current utterance. */
  get frameCount(): number {
    return this.#emitted;
  }

  /**
   * Appends samples and returns the frames they complete.
   *
   * @param samples Next chunk of mono audio (any length, including 0).
   * @returns The newly completed frames, frame-major (`k × melBands`, possibly empty).
   */
  push(samples: Float32Array | Float64Array): Float32Array {
    const { preemphasis } = this.#options;
    this.#reserve(samples.length);
    const buffer = this.#buffer;
    let at = this.#pad + this.#samples - this.#base;
    let previous = this.#previous;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i]!;
      buffer[at++] = x - preemphasis * previous;
      previous = x;
    }
    const before = this.#samples;
    this.#previous = previous;
    this.#samples += samples.length;
    if (before <= this.#pad && this.#samples > this.#pad) {
      // Left reflect padding: padded[i] = y[pad − i] = padded[2·pad − i].
      for (let i = 0; i < this.#pad; i++) {
        buffer[i] = buffer[2 * this.#pad - i]!;
      }
    }
    return this.#emit(this.#readyFrames());
  }

  /**
   * Ends the utterance: emits the remaining frames, which need the right edge's reflect padding,
   * then resets the stream for the next utterance.
   *
   * @returns The final frames, frame-major (none if no samples were pushed).
   */
  flush(): Float32Array {
    const { hopSamples } = this.#options;
    const n = this.#samples, pad = this.#pad;
    const total = countFrames(n, hopSamples);
    let frames: Float32Array;
    if (n === 0) {
      frames = new Float32Array(0);
    } else if (n <= pad) {
      // No frame yet and nothing dropped: pad both edges as the batch path does.
      this.#reserve(pad);
      fillReflectPadding(this.#buffer, n, pad);
      frames = this.#emit(total);
    } else {
      this.#reserve(pad);
      const buffer = this.#buffer, last = pad + n - 1 - this.#base;
      for (let k = 1; k <= pad; k++) buffer[last + k] = buffer[last - k]!;
      frames = this.#emit(total);
    }
    this.reset();
    return frames;
  }

  /** Drops the current utterance without emitting anything more. */
  reset(): void {
    this.#base = 0;
    this.#samples = 0;
    this.#emitted = 0;
    this.#previous = 0;
  }

  /** Frames whose padded span lies entirely inside the samples received so far. */
  #readyFrames(): number {
    const { fftSize, hopSamples } = this.#options;
    if (this.#samples <= this.#pad) return 0;
    const end = this.#samples + this.#pad; // padded index one past the last sample
    return Math.floor((end - fftSize) / hopSamples) + 1;
  }

  /** Computes frames `#emitted … until − 1` from the buffer. */
  #emit(until: number): Float32Array {
    const { hopSamples, melBands } = this.#options;
    const count = Math.max(0, until - this.#emitted);
    const out = new Float32Array(count * melBands);
    for (let i = 0; i < count; i++) {
      const t = this.#emitted + i;
      this.#kernel.frame(
        this.#buffer,
        t * hopSamples - this.#base,
        out,
        i * melBands,
      );
    }
    this.#emitted += count;
    return out;
  }

  /** Makes room for `extra` more padded samples, first dropping samples no frame needs. */
  #reserve(extra: number): void {
    const { hopSamples } = this.#options;
    const end = this.#pad + this.#samples - this.#base; // used length
    if (this.#samples > this.#pad) {
      // Keep the next frame's start and the right reflection's source (input sample n − 1 − pad).
      const keep = Math.min(this.#emitted * hopSamples, this.#samples - 1);
      const drop = keep - this.#base;
      if (drop > 0) {
        this.#buffer.copyWithin(0, drop, end);
        this.#base = keep;
      }
    }
    const needed = this.#pad + this.#samples - this.#base + extra;
    if (needed > this.#buffer.length) {
      const grown = new Float64Array(Math.max(needed, 2 * this.#buffer.length));
      grown.set(
        this.#buffer.subarray(0, this.#pad + this.#samples - this.#base),
      );
      this.#buffer = grown;
    }
  }
}
