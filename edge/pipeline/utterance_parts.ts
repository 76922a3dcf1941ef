/**
 * The `multipart/mixed` body of `POST /v1/speak` and `POST /v1/lipsync`: a
 * JSON start part, per sentence a WAV part then its JPEG parts, and a JSON
 * end part with timings, or a problem part when the utterance fails after
 * the status. Every part carries `Content-Length`; absent values are left
 * out of the JSON parts.
 *
 * @module
 */

import {
  createMultipartBoundary,
  encodeMultipartCloseDelimiter,
  encodeMultipartDelimiter,
  encodeMultipartPart,
  encodeWav,
  type MultipartHeaders,
} from "@lipstream/shared";
import type { UtteranceWriter, UtteranceWriterContext } from "./types.ts";

const encoder = new TextEncoder();

/**
 * Writes an utterance as `multipart/mixed` parts.
 *
 * @param context The utterance id and request.
 * @returns The writer.
 *
 * @example A start part names the utterance and its frames
 * ```ts
 * import { multipartParts } from "./utterance_parts.ts";
 * import type { UtteranceRequest } from "./utterance_request.ts";
 * import type { LipSyncSession } from "./types.ts";
 * import assert from "node:assert/strict";
 *
 * const writer = multipartParts({
 *   utteranceId: "u1",
 *   request: {
 *     audio: { chunks: [] },
 *     sampleRateHz: 16000,
 *     audioFormat: "pcm16",
 *   } as unknown as UtteranceRequest,
 *   signal: new AbortController().signal,
 *   now: () => 0,
 * });
 * const session = { fps: 25, width: 16, height: 16 } as LipSyncSession;
 * const [start] = [...writer.start({ utteranceId: "u1", session, idlePosition: 3 }) as Uint8Array[]];
 * const text = new TextDecoder().decode(start);
 * assert.ok(text.startsWith("--"));
 * assert.match(text, /"utterance_id":"u1".*"fps":25.*"idle_position":3/);
 * ```
 */
export function multipartParts(
  context: UtteranceWriterContext,
): UtteranceWriter {
  const { request, utteranceId } = context;
  const boundary = createMultipartBoundary();
  let first = true;
  function part(headers: MultipartHeaders, body: Uint8Array): Uint8Array {
    const delimiter = encodeMultipartDelimiter(boundary, { first });
    first = false;
    return concat(delimiter, encodeMultipartPart(headers, body));
  }
  function json(value: unknown, type = "application/json"): Uint8Array {
    return part(
      { "Content-Type": type },
      encoder.encode(JSON.stringify(value)),
    );
  }
  const close = () => encodeMultipartCloseDelimiter(boundary);
  return {
    headers: {
      "Content-Type": `multipart/mixed; boundary=${boundary}`,
      // Not `no-store`: Chromium reports a `no-store` body read through a
      // stream reader as failed (net::ERR_ABORTED) although it arrived whole.
      // A POST response is not stored without explicit freshness (RFC 9110
      // §9.3.3), and `private, no-cache` keeps shared caches from reusing it.
      "Cache-Control": "private, no-cache",
      "X-Accel-Buffering": "no",
    },
    start: ({ session, idlePosition }) => [json({
      type: "start",
      utterance_id: utteranceId,
      voice: "speech" in request.audio
        ? request.audio.speech.voiceId
        : undefined,
      avatar: request.video?.avatarId,
      sample_rate: request.sampleRateHz,
      fps: session?.fps,
      width: session?.width,
      height: session?.height,
      audio_format: request.audioFormat,
      idle_position: idlePosition,
    })],
    audio: ({ chunk, startSample, startMs, durationMs }) => [part(
      {
        "Content-Type": "audio/wav",
        "X-Sentence-Index": chunk.sentenceIndex,
        "X-Sample-Start": startSample,
        "X-Start-Ms": round(startMs),
        "X-Duration-Ms": round(durationMs),
      },
      encodeWav(chunk.samples, {
        sampleRateHz: chunk.sampleRateHz,
        format: request.audioFormat,
      }),
    )],
    frame: ({ frame, sentenceIndex }) => [part({
      "Content-Type": "image/jpeg",
      "X-Sentence-Index": sentenceIndex,
      "X-Frame-Index": frame.index,
      "X-Pts-Ms": round(frame.ptsMs),
    }, frame.jpeg)],
    end: ({ timings, ...summary }) => [
      json({
        type: "end",
        utterance_id: summary.utteranceId,
        sentences: summary.sentences,
        frames: summary.frames,
        audio_ms: round(summary.audioMs),
        next_idle_position: summary.nextIdlePosition,
        timings: {
          ttfa_ms: timings.ttfaMs === undefined ? null : round(timings.ttfaMs),
          ttff_ms: timings.ttffMs === undefined ? null : round(timings.ttffMs),
          synthesis_ms: round(timings.synthesisMs),
          lipsync_ms: round(timings.lipSyncMs),
          total_ms: round(timings.totalMs),
        },
      }),
      close(),
    ],
    failed: (failure) => [
      json(
        { ...failure.problem, utterance_id: utteranceId },
        "application/problem+json",
      ),
      close(),
    ],
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
