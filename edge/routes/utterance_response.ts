/**
 * The streamed response shared by `POST /v1/speak` and `POST /v1/lipsync`:
 * registers the utterance (so `DELETE /v1/utterances/:id` and a client
 * disconnect cancel it), runs it, waits for its first audio so early failures
 * still get a proper status, then streams its parts as `multipart/mixed`.
 *
 * @module
 */

import { optional } from "./_optional.ts";
import type { Context } from "hono";
import {
  createMultipartBoundary,
  createMultipartStream,
} from "@lipstream/shared";
import type { AppEnv } from "../http/app_env.ts";
import type { EdgeMetrics } from "../metrics.ts";
import type {
  LipSyncService,
  SpeechChunk,
  WavEncoder,
  WavSampleFormat,
} from "../pipeline/types.ts";
import { limitAudio } from "../pipeline/audio_limit.ts";
import { runUtterance, type UtteranceEvent } from "../pipeline/utterance.ts";
import { utteranceParts } from "../pipeline/utterance_parts.ts";
import type { UtteranceRegistry } from "../pipeline/utterances.ts";

/** What every streamed utterance needs from the app. */
export interface UtteranceResponseDeps {
  /** Audio to frames. */
  lipSync: LipSyncService;
  /** WAV encoder for audio parts. */
  encodeWav: WavEncoder;
  /** Instruments. */
  metrics: EdgeMetrics;
  /** Running utterances. */
  utterances: UtteranceRegistry;
  /** Longest wait for one backend step. */
  backendTimeoutMs: number;
  /** Longest audio of one utterance, s. @default {Infinity} */
  maxAudioSeconds?: number;
  /** The clock in milliseconds. */
  now: () => number;
}

/** One utterance to stream. */
export interface UtteranceResponseRequest {
  /** The route, for metrics and the start part. */
  route: string;
  /** When the request arrived (`deps.now()`). */
  startedAtMs: number;
  /** The avatar pack id. */
  avatarId: string;
  /** The caller's session, when the request named one. */
  sessionId: string | undefined;
  /** The idle-loop position to start at, when the request set one. */
  idlePosition: number | undefined;
  /** Frames per second. */
  fps: number;
  /** JPEG quality, when the request set one. */
  jpegQuality: number | undefined;
  /** Sample format of WAV parts. */
  audioFormat: WavSampleFormat;
  /** Fields added to the start part. */
  start: Record<string, unknown>;
  /** Produces the audio chunks; must honour the signal. */
  audio: (signal: AbortSignal) => AsyncIterable<SpeechChunk>;
  /** Milliseconds spent producing audio so far (for the end part). */
  audioMs: () => number;
  /** The request field the audio comes from (`/text`, `/audio`), for a too-long problem. */
  audioPath?: string;
  /** Answer only after the first frame, not the first audio (so a failing lip model gets a status). */
  primeUntilFrame?: boolean;
}

/** One utterance started and primed up to its first audio. */
export interface PrimedUtterance {
  /** The events iterator. */
  events: AsyncIterator<UtteranceEvent>;
  /** The events taken while priming. */
  first: UtteranceEvent[];
}

/**
 * Starts `events` and takes events up to and including the first audio event.
 *
 * @param events The utterance's events.
 * @returns The iterator and the events taken.
 */
export async function primeUtterance(
  events: AsyncIterable<UtteranceEvent>,
  until: "audio" | "frame" = "audio",
): Promise<PrimedUtterance> {
  const iterator = events[Symbol.asyncIterator]();
  const first: UtteranceEvent[] = [];
  while (true) {
    const result = await iterator.next();
    if (result.done) break;
    first.push(result.value);
    if (result.value.type === until) break;
  }
  return { events: iterator, first };
}

/**
 * Runs one utterance and answers with its `multipart/mixed` stream.
 *
 * @param c The request context (its client key owns the utterance).
 * @param deps Services and instruments.
 * @param request The utterance.
 * @returns The streamed response.
 * @throws The first failure, when it happens before any audio.
 */
export async function utteranceResponse(
  c: Context<AppEnv>,
  deps: UtteranceResponseDeps,
  request: UtteranceResponseRequest,
): Promise<Response> {
  const utteranceId = crypto.randomUUID();
  const controller = new AbortController();
  const unregister = deps.utterances.add(utteranceId, {
    owner: c.var.clientKey,
    controller,
  });
  const events = runUtterance(deps.lipSync, {
    avatarId: request.avatarId,
    fps: request.fps,
    ...optional("jpegQuality", request.jpegQuality),
    ...optional("sessionId", request.sessionId),
    ...optional("idlePosition", request.idlePosition),
    audio: (signal) =>
      limitAudio(
        request.audio(signal),
        deps.maxAudioSeconds ?? Infinity,
        request.audioPath ?? "/text",
      ),
  }, { signal: controller.signal, stepTimeoutMs: deps.backendTimeoutMs });
  let primed: PrimedUtterance;
  try {
    primed = await primeUtterance(
      events,
      request.primeUntilFrame ? "frame" : "audio",
    );
  } catch (error) {
    controller.abort(error);
    unregister();
    throw error;
  }
  const boundary = createMultipartBoundary();
  const parts = utteranceParts(primed.events, primed.first, {
    utteranceId,
    route: request.route,
    start: request.start,
    audioFormat: request.audioFormat,
    encodeWav: deps.encodeWav,
    metrics: deps.metrics,
    log: c.var.log,
    signal: controller.signal,
    startedAtMs: request.startedAtMs,
    synthesisMs: request.audioMs,
    now: deps.now,
    onEnd: unregister,
  });
  // A client disconnect reaches us as the stream's cancel.
  const stream = createMultipartStream(parts, {
    boundary,
    onCancel: (reason) => controller.abort(reason),
  });
  return c.body(stream, 200, {
    "Content-Type": `multipart/mixed; boundary=${boundary}`,
    // Not `no-store`: Chromium reports a `no-store` body read through a
    // stream reader as failed (net::ERR_ABORTED) although it arrived whole.
    // A POST response is not stored without explicit freshness (RFC 9110
    // §9.3.3), and `private, no-cache` keeps shared caches from reusing it.
    "Cache-Control": "private, no-cache",
    "X-Accel-Buffering": "no",
    "X-Utterance-Id": utteranceId,
  });
}
