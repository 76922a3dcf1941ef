/**
 * The body of `POST /v1/tts`: the whole utterance as one in-memory WAV,
 * either as `audio/wav` bytes or as JSON with a `data:` URI ready for
 * `<audio src>`. Written once the last sentence is synthesized.
 *
 * @module
 */

import { encodeWav, wavDataUri } from "@lipstream/shared";
import type { UtteranceWriter, UtteranceWriterContext } from "./types.ts";

/**
 * Makes the writer of one WAV (`format: "wav"`) or of JSON with its data URI.
 *
 * @param format `wav` or `json`.
 * @returns The writer factory for `runUtterance`.
 *
 * @example Two sentences, one WAV
 * ```ts
 * import { ttsBody } from "./tts_body.ts";
 * import type { UtteranceRequest } from "./utterance_request.ts";
 * import assert from "node:assert/strict";
 *
 * const writer = ttsBody("json")({
 *   utteranceId: "u1",
 *   request: { sampleRateHz: 16000, audioFormat: "pcm16" } as UtteranceRequest,
 *   signal: new AbortController().signal,
 *   now: () => 0,
 * });
 * for (const sentenceIndex of [0, 1]) {
 *   const chunk = { sentenceIndex, samples: new Float32Array(8000), sampleRateHz: 16000 };
 *   writer.audio({ chunk, startSample: 0, startMs: 0, durationMs: 500 });
 * }
 * const [body] = [...writer.end({} as never) as Uint8Array[]];
 * const json = JSON.parse(new TextDecoder().decode(body));
 * assert.equal(json.duration_ms, 1000);
 * assert.ok(json.audio.startsWith("data:audio/wav;base64,"));
 * ```
 */
export function ttsBody(
  format: "wav" | "json",
): (context: UtteranceWriterContext) => UtteranceWriter {
  return ({ request }) => {
    const chunks: Float32Array[] = [];
    let sampleRateHz = request.sampleRateHz;
    return {
      headers: {
        "Content-Type": format === "wav" ? "audio/wav" : "application/json",
      },
      start: () => [],
      audio({ chunk }) {
        chunks.push(chunk.samples);
        sampleRateHz = chunk.sampleRateHz;
        return [];
      },
      frame: () => [],
      end() {
        const samples = concat(chunks);
        const wav = encodeWav(samples, {
          sampleRateHz,
          format: request.audioFormat,
        });
        if (format === "wav") return [wav];
        return [new TextEncoder().encode(JSON.stringify({
          audio: wavDataUri(wav),
          sample_rate: sampleRateHz,
          duration_ms: Math.round(samples.length * 1000 / sampleRateHz),
        }))];
      },
      // The status waits for the end (`respondAfter: "end"`): a failure is thrown, not written.
      failed: () => [],
    };
  };
}

function concat(chunks: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
