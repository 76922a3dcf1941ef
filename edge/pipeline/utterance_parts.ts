/**
 * Turns utterance events into the parts of the `multipart/mixed` response: a
 * JSON start part, per sentence a WAV part then its JPEG parts, and a JSON end
 * part with timings, or a problem part when the pipeline fails mid-stream.
 *
 * @module
 */

import type { MultipartPart } from "@lipstream/shared";
import type { Logger } from "../log.ts";
import type { EdgeMetrics } from "../metrics.ts";
import type { UtteranceEvent } from "./utterance.ts";
import type { LipSyncSession } from "./types.ts";
import type { WavEncoder, WavSampleFormat } from "./types.ts";
import { problem, type ProblemError, toProblemError } from "../http/problem.ts";
import { ShutdownError } from "./utterances.ts";

const encoder = new TextEncoder();

/** Options for {@linkcode utteranceParts}. */
export interface UtterancePartsOptions {
  /** The utterance id. */
  utteranceId: string;
  /** Route label for metrics. */
  route: string;
  /** Fields added to the start part (voice, avatar, sample rate). */
  start: Record<string, unknown>;
  /** WAV sample format. */
  audioFormat: WavSampleFormat;
  /** WAV encoder. */
  encodeWav: WavEncoder;
  /** Instruments. */
  metrics: EdgeMetrics;
  /** The request's logger. */
  log: Logger;
  /** Aborted when the utterance is cancelled (client gone or `DELETE`). */
  signal: AbortSignal;
  /** Request arrival on the `now` clock. */
  startedAtMs: number;
  /** Total synthesis time so far, read at the end. */
  synthesisMs: () => number;
  /** The clock in milliseconds. */
  now: () => number;
  /** Called once when the parts end, however they end. */
  onEnd: () => void;
}

/** A JSON part. */
export function jsonPart(
  value: unknown,
  contentType = "application/json",
): MultipartPart {
  return {
    headers: { "Content-Type": contentType },
    body: encoder.encode(JSON.stringify(value)),
  };
}

/**
 * Yields the response parts for `events`, already started with `first`.
 *
 * @param events The utterance's event iterator (its first event already taken).
 * @param first The events taken while priming (start and first audio).
 * @param options See {@linkcode UtterancePartsOptions}.
 * @returns The parts.
 */
export async function* utteranceParts(
  events: AsyncIterator<UtteranceEvent>,
  first: readonly UtteranceEvent[],
  options: UtterancePartsOptions,
): AsyncGenerator<MultipartPart> {
  const { metrics, route, now, startedAtMs } = options;
  let sentences = 0;
  let frames = 0;
  let audioMs = 0;
  let ttfaMs: number | undefined;
  let ttffMs: number | undefined;
  let lipSyncMs = 0;
  let session: LipSyncSession | undefined;
  try {
    const pending = [...first];
    let waitStart = now();
    while (true) {
      const event = pending.shift() ?? await next(events);
      if (!event) break;
      const waitedMs = now() - waitStart;
      if (event.type === "start") {
        session = event.session;
        yield jsonPart({
          type: "start",
          utterance_id: options.utteranceId,
          ...options.start,
          fps: session.fps,
          width: session.width,
          height: session.height,
          audio_format: options.audioFormat,
          ...(event.idlePosition === undefined
            ? {}
            : { idle_position: event.idlePosition }),
        });
      } else if (event.type === "audio") {
        const { chunk, startSample, startMs } = event;
        const durationMs = chunk.samples.length * 1000 / chunk.sampleRateHz;
        if (ttfaMs === undefined) {
          ttfaMs = now() - startedAtMs;
          metrics.timeToFirstAudio.observe(ttfaMs / 1000, { route });
        }
        sentences++;
        audioMs += durationMs;
        metrics.audioSeconds.inc({}, durationMs / 1000);
        yield {
          headers: {
            "Content-Type": "audio/wav",
            "X-Sentence-Index": chunk.sentenceIndex,
            "X-Sample-Start": startSample,
            "X-Start-Ms": round(startMs),
            "X-Duration-Ms": round(durationMs),
          },
          body: options.encodeWav(chunk.samples, {
            sampleRateHz: chunk.sampleRateHz,
            format: options.audioFormat,
          }),
        };
      } else {
        const { frame, sentenceIndex } = event;
        lipSyncMs += waitedMs;
        metrics.backendLatency.observe(waitedMs / 1000, { stage: "lipsync" });
        if (ttffMs === undefined) {
          ttffMs = now() - startedAtMs;
          metrics.timeToFirstFrame.observe(ttffMs / 1000, { route });
        }
        frames++;
        metrics.frames.inc();
        yield {
          headers: {
            "Content-Type": "image/jpeg",
            "X-Sentence-Index": sentenceIndex,
            "X-Frame-Index": frame.index,
            "X-Pts-Ms": round(frame.ptsMs),
          },
          body: frame.jpeg,
        };
      }
      waitStart = now();
    }
    yield jsonPart({
      type: "end",
      utterance_id: options.utteranceId,
      sentences,
      frames,
      audio_ms: round(audioMs),
      ...(session?.idlePosition === undefined
        ? {}
        : { next_idle_position: session.idlePosition }),
      timings: {
        ttfa_ms: ttfaMs === undefined ? null : round(ttfaMs),
        ttff_ms: ttffMs === undefined ? null : round(ttffMs),
        synthesis_ms: round(options.synthesisMs()),
        lipsync_ms: round(lipSyncMs),
        total_ms: round(now() - startedAtMs),
      },
    });
  } catch (error) {
    const failure = streamFailure(error, options.signal);
    metrics.streamErrors.inc({ route, kind: failure.problem.type });
    if (failure.problem.status >= 500) {
      options.log.error("stream failed", { error });
    }
    yield jsonPart(
      { ...failure.problem, utterance_id: options.utteranceId },
      "application/problem+json",
    );
  } finally {
    options.onEnd();
    Promise.resolve(events.return?.()).catch(() => {});
  }
}

async function next(
  events: AsyncIterator<UtteranceEvent>,
): Promise<UtteranceEvent | undefined> {
  const result = await events.next();
  return result.done ? undefined : result.value;
}

/** The problem to report for a mid-stream failure. */
export function streamFailure(
  error: unknown,
  signal: AbortSignal,
): ProblemError {
  if (signal.aborted && signal.reason instanceof ShutdownError) {
    return problem(503, "shutting-down", {
      detail:
        "The server shut down before the utterance finished; retry on another instance",
    });
  }
  if (signal.aborted) {
    return problem(409, "utterance-cancelled", {
      title: "Utterance Cancelled",
      detail: "The utterance was cancelled",
    });
  }
  return toProblemError(error);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
