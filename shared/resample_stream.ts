/**
 * Streaming sample-rate conversion: chunks in, chunks out, bit-identical to {@linkcode resample}
 * on the whole signal.
 *
 * @module
 */
import { type ResampleFilter, resampleFilterFor } from "./_resample_filter.ts";
import type { ResampleOptions } from "./resample.ts";

/**
 * Stateful resampler for one signal (utterance) at a time, reusable after {@linkcode flush}.
 *
 * Output `k` depends on input up to time `k·fromHz/toHz + latency`, so a push emits every output
 * whose inputs have all arrived and holds back the last {@linkcode latency} input samples: half
 * the filter, 64 samples of the lower rate (89 input samples for 22050 → 16000, ≈ 4 ms at any
 * rate pair). {@linkcode flush} emits the outputs that need the zeros after the end. The
 * concatenated outputs of any sequence of pushes (any sizes, including 0 and 1) and the flush are
 * bit-for-bit {@linkcode resample}'s result: every output is the same sum in the same order.
 *
 * Memory is fixed: the stream keeps at most `2·latency` input samples, plus the filter shared by
 * every stream and call for the same rates. {@linkcode pushInto} and {@linkcode flushInto} write
 * into a caller's array and allocate nothing; {@linkcode push} and {@linkcode flush} allocate only
 * the array they return. With equal rates, pushes return copies of their chunks.
 */
export class ResampleStream {
  #filter: ResampleFilter;
  #history: Float32Array;
  #historyStart = 0; // absolute index of #history[0]; negative indices are the zeros before 0
  #historyLength = 0;
  #received = 0;
  #emitted = 0;

  /**
   * Plans the stream (the filter for the two rates is designed once and shared).
   *
   * @param options The two rates.
   * @throws {RangeError} If a rate is not a positive integer.
   * @example Stream 22,050 Hz audio in 20 ms chunks
   * ```ts
   * import { resample, ResampleStream } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const audio = Float32Array.from({ length: 4410 }, (_, n) => Math.sin(n / 7) * 0.5);
   * const stream = new ResampleStream({ fromHz: 22050, toHz: 16000 });
   * const parts: number[] = [];
   * for (let at = 0; at < audio.length; at += 441) {
   *   parts.push(...stream.push(audio.subarray(at, at + 441)));
   * }
   * parts.push(...stream.flush());
   * assert.deepEqual(Float32Array.from(parts), resample(audio, { fromHz: 22050, toHz: 16000 }));
   * ```
   */
  constructor(options: ResampleOptions) {
    this.#filter = resampleFilterFor(options.fromHz, options.toHz);
    this.#history = new Float32Array(2 * this.#filter.taps);
    this.reset();
  }

  /** Input samples held back until later input (or {@linkcode flush}) arrives. */
  get latency(): number {
    return this.#filter.latency;
  }

  /**
   * Room that {@linkcode pushInto} with `chunkLength` samples, or {@linkcode flushInto}, needs at
   * most: `⌈max(chunkLength, latency)·toHz/fromHz⌉`.
   *
   * @param chunkLength Samples per push.
   * @returns An output length that is always enough.
   * @example Size one output array for every 20 ms push
   * ```ts
   * import { ResampleStream } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const stream = new ResampleStream({ fromHz: 22050, toHz: 16000 });
   * assert.equal(stream.maxOutputLength(441), 320);
   * ```
   */
  maxOutputLength(chunkLength: number): number {
    const { up, down, latency } = this.#filter;
    return Math.ceil((Math.max(chunkLength, latency) * up) / down);
  }

  /**
   * Appends input and returns the outputs it completes.
   *
   * @param samples The next samples of the signal (any length, including 0).
   * @returns The newly completed output samples (possibly none).
   */
  push(samples: Float32Array): Float32Array {
    const output = new Float32Array(
      this.#ready(this.#received + samples.length) - this.#emitted,
    );
    this.pushInto(samples, output);
    return output;
  }

  /**
   * Appends input and writes the outputs it completes to the start of `output`.
   *
   * @param samples The next samples of the signal (any length, including 0).
   * @param output Receives the outputs; {@linkcode maxOutputLength} of `samples.length` is enough.
   * @returns The number of samples written.
   * @throws {RangeError} If `output` is too short (nothing is consumed then).
   * @example Resample 20 ms chunks into one reused array
   * ```ts
   * import { ResampleStream } from "@lipstream/shared";
   * import assert from "node:assert/strict";
   *
   * const stream = new ResampleStream({ fromHz: 16000, toHz: 22050 });
   * const output = new Float32Array(stream.maxOutputLength(320));
   * let total = 0;
   * for (let i = 0; i < 50; i++) total += stream.pushInto(new Float32Array(320), output);
   * total += stream.flushInto(output);
   * assert.equal(total, 22050); // one second in, one second out
   * ```
   */
  pushInto(samples: Float32Array, output: Float32Array): number {
    const filter = this.#filter;
    const length = samples.length;
    const before = this.#received;
    const count = this.#ready(before + length) - this.#emitted;
    checkRoom(count, output);
    if (filter.taps === 1) {
      output.set(samples);
      this.#received += length;
      this.#emitted += count;
      return count;
    }
    const { up, down, taps, lead } = filter;
    const history = this.#history;
    const head = Math.min(length, taps);
    for (let i = 0; i < head; i++) {
      history[this.#historyLength + i] = samples[i]!;
    }
    this.#historyLength += head;
    for (let i = 0, k = this.#emitted; i < count; i++, k++) {
      const position = k * down;
      const q = Math.floor(position / up);
      const start = q - lead;
      const phase = position - q * up;
      // Taps [start, start + taps) all lie in the history (extended by the chunk's head) or all
      // in the chunk: a ready output's taps end by `before + length`.
      output[i] = start < before
        ? filter.convolve(history, start - this.#historyStart, phase, 0, taps)
        : filter.convolve(samples, start - before, phase, 0, taps);
    }
    this.#emitted += count;
    this.#received = before + length;
    this.#keepFrom(Math.floor((this.#emitted * down) / up) - lead, samples);
    return count;
  }

  /**
   * Ends the signal: returns the outputs that need the zeros after its end, then resets the stream
   * for the next signal.
   *
   * @returns The last output samples (none if nothing was pushed).
   */
  flush(): Float32Array {
    const output = new Float32Array(this.#remaining());
    this.flushInto(output);
    return output;
  }

  /**
   * Ends the signal like {@linkcode flush}, writing the last outputs to the start of `output`.
   *
   * @param output Receives the outputs; {@linkcode maxOutputLength} of any length is enough.
   * @returns The number of samples written.
   * @throws {RangeError} If `output` is too short (the stream is unchanged then).
   */
  flushInto(output: Float32Array): number {
    const count = this.#remaining();
    checkRoom(count, output);
    const { up, down, taps, lead } = this.#filter;
    const end = this.#received;
    for (let i = 0, k = this.#emitted; i < count; i++, k++) {
      const position = k * down;
      const q = Math.floor(position / up);
      const start = q - lead;
      output[i] = this.#filter.convolve(
        this.#history,
        start - this.#historyStart,
        position - q * up,
        0,
        Math.min(taps, end - start),
      );
    }
    this.reset();
    return count;
  }

  /** Drops the current signal without emitting anything more. */
  reset(): void {
    const lead = this.#filter.lead;
    this.#history.fill(0, 0, lead);
    this.#historyStart = -lead;
    this.#historyLength = lead;
    this.#received = 0;
    this.#emitted = 0;
  }

  /** Outputs computable once `received` samples have arrived (their last tap has). */
  #ready(received: number): number {
    const { up, down, latency } = this.#filter;
    return Math.max(0, Math.ceil(((received - latency) * up) / down));
  }

  /** Outputs that {@linkcode flush} would emit now. */
  #remaining(): number {
    return this.#filter.outputLength(this.#received) - this.#emitted;
  }

  /**
   * Trims the history to the samples from absolute index `first` on, which the next output needs
   * (at most `taps − 1` of them), after `chunk` was pushed.
   */
  #keepFrom(first: number, chunk: Float32Array): void {
    const history = this.#history;
    const end = this.#received;
    const chunkStart = end - chunk.length;
    if (chunk.length <= this.#filter.taps) {
      // The history holds every sample up to the end.
      const drop = first - this.#historyStart;
      if (drop > 0) {
        history.copyWithin(0, drop, this.#historyLength);
        this.#historyStart = first;
        this.#historyLength -= drop;
      }
    } else {
      // `first > chunkStart`: what is kept lies in the chunk.
      for (let at = first; at < end; at++) {
        history[at - first] = chunk[at - chunkStart]!;
      }
      this.#historyStart = first;
      this.#historyLength = end - first;
    }
  }
}

function checkRoom(count: number, output: Float32Array): void {
  if (output.length < count) {
    throw new RangeError(
      `Cannot resample: output needs ${count} samples: received ${output.length}`,
    );
  }
}
