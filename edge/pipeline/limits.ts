/**
 * The two limits on a running utterance: the longest wait for one step
 * (a sentence or a frame; a backend that stops answering fails with an
 * `InferenceError` of kind `"timeout"`), and the longest audio (once the
 * chunks add up to more than the bound the iteration throws a 413
 * `audio-too-long` problem before the chunk that crosses it is passed on,
 * so neither a long text nor a tiny upload declaring a low sample rate can
 * make unbounded work).
 *
 * @module
 */

import { InferenceError } from "@lipstream/shared";
import { problem } from "../http/problem.ts";
import type { SpeechChunk } from "./types.ts";

/**
 * Passes chunks through while their total duration stays within the bound.
 *
 * @param chunks The audio.
 * @param maxSeconds The longest audio allowed.
 * @param path The request field that produced the audio, for `errors[].path`.
 * @returns The same chunks.
 * @throws {ProblemError} 413 `audio-too-long` beyond the bound.
 *
 * @example
 * ```ts
 * import { limitAudio } from "./limits.ts";
 * import assert from "node:assert/strict";
 *
 * async function* twoSeconds() {
 *   for (let i = 0; i < 2; i++) {
 *     yield { sentenceIndex: i, samples: new Float32Array(16000), sampleRateHz: 16000 };
 *   }
 * }
 * let seen = 0;
 * await assert.rejects(async () => {
 *   for await (const _ of limitAudio(twoSeconds(), 1.5, "/text")) seen++;
 * }, (error: Error) => /1.5 s/.test(error.message));
 * assert.equal(seen, 1);
 * ```
 */
export async function* limitAudio(
  chunks: AsyncIterable<SpeechChunk> | Iterable<SpeechChunk>,
  maxSeconds: number,
  path: string,
): AsyncGenerator<SpeechChunk> {
  let seconds = 0;
  for await (const chunk of chunks) {
    seconds += chunk.samples.length / chunk.sampleRateHz;
    if (seconds > maxSeconds) throw audioTooLong(maxSeconds, path);
    yield chunk;
  }
}

/**
 * The problem of audio over the bound.
 *
 * @param maxSeconds The bound.
 * @param path The request field.
 * @returns The error, to throw.
 */
export function audioTooLong(maxSeconds: number, path: string) {
  return problem(413, "audio-too-long", {
    detail:
      `The audio would last more than ${maxSeconds} s (MAX_AUDIO_SECONDS)`,
    extensions: {
      errors: [{ path, message: `must give at most ${maxSeconds} s of audio` }],
    },
  });
}

/**
 * Re-yields `iterable`, failing with an `InferenceError` of kind `"timeout"`
 * when one step takes longer than `timeoutMs`. On timeout the iterator is
 * told to return; pair it with an abort of the work behind it.
 *
 * @param iterable The source.
 * @param timeoutMs The longest wait for one item, in milliseconds.
 * @returns The same items.
 */
export async function* withStepTimeout<T>(
  iterable: AsyncIterable<T>,
  timeoutMs: number,
): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    while (true) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new InferenceError(
                "timeout",
                `Backend did not answer within ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        );
      });
      let next: IteratorResult<T>;
      try {
        next = await Promise.race([iterator.next(), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    Promise.resolve(iterator.return?.()).catch(() => {});
  }
}
