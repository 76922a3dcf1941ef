/**
 * `POST /v1/speak`: text in, one `multipart/mixed` stream out (start JSON,
 * per sentence a WAV part then its JPEG parts, end JSON with timings), and
 * `DELETE /v1/utterances/:id` to cancel one.
 *
 * The first audio chunk is awaited before the response starts, so failures
 * that happen before any audio (backend down, timeout, unknown speaker) still
 * get a proper status; later failures end the stream with a problem part.
 *
 * @module
 */

import { Hono } from "hono";
import {
  createMultipartBoundary,
  createMultipartStream,
} from "@lipstream/shared";
import type { AppEnv } from "../app_env.ts";
import type { EdgeMetrics } from "../metrics.ts";
import { requireContentType } from "../middleware/content_type.ts";
import type { MiddlewareHandler } from "hono";
import { timed } from "../pipeline/timed.ts";
import type {
  LipSyncService,
  SpeechService,
  WavEncoder,
} from "../pipeline/types.ts";
import { runUtterance, type UtteranceEvent } from "../pipeline/utterance.ts";
import { problem } from "../problem.ts";
import { readJsonBody } from "../request_body.ts";
import type { RequestSchemas } from "../schemas.ts";
import { utteranceParts } from "../utterance_parts.ts";
import type { UtteranceRegistry } from "../utterances.ts";
import { resolveAvatar, resolveVoice } from "./resolve.ts";

/** What the speak routes need. */
export interface SpeakDeps {
  /** Text to speech. */
  speech: SpeechService;
  /** Audio to frames. */
  lipSync: LipSyncService;
  /** WAV encoder for audio parts. */
  encodeWav: WavEncoder;
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Instruments. */
  metrics: EdgeMetrics;
  /** Running utterances. */
  utterances: UtteranceRegistry;
  /** Stream-slot middleware shared by all streaming routes. */
  streamLimit: MiddlewareHandler<AppEnv>;
  /** Longest wait for one backend step. */
  backendTimeoutMs: number;
  /** Default frame rate. */
  defaultFps: number;
  /** The clock in milliseconds. */
  now: () => number;
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
): Promise<PrimedUtterance> {
  const iterator = events[Symbol.asyncIterator]();
  const first: UtteranceEvent[] = [];
  while (true) {
    const result = await iterator.next();
    if (result.done) break;
    first.push(result.value);
    if (result.value.type === "audio") break;
  }
  return { events: iterator, first };
}

/**
 * Creates the speak routes.
 *
 * @param deps Services, schemas, limits and instruments.
 * @returns The sub-app.
 */
export function speakRoutes(deps: SpeakDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post(
      "/v1/speak",
      requireContentType(["application/json"]),
      deps.streamLimit,
      async (c) => {
        const startedAtMs = deps.now();
        const body = await readJsonBody(c.req.raw, deps.schemas.speak);
        const voice = await resolveVoice(deps.speech, body);
        const avatar = await resolveAvatar(deps.lipSync, body.avatar);
        const utteranceId = crypto.randomUUID();
        const controller = new AbortController();
        const unregister = deps.utterances.add(utteranceId, {
          owner: c.var.clientKey,
          controller,
        });
        // A client disconnect reaches us as the stream's cancel (onCancel below).
        const cleanUp = unregister;
        let synthesisMs = 0;
        const events = runUtterance(deps.lipSync, {
          avatarId: avatar.id,
          fps: body.fps ?? deps.defaultFps,
          ...(body.jpeg_quality === undefined
            ? {}
            : { jpegQuality: body.jpeg_quality }),
          audio: (signal) =>
            timed(
              deps.speech.synthesize({
                text: body.text,
                voiceId: voice.id,
                ...optional("speaker", body.speaker),
                ...optional("language", body.language),
                ...optional("speed", body.speed),
                ...optional("noiseScale", body.noise_scale),
                ...optional("noiseW", body.noise_scale_w),
              }, { signal }),
              (ms) => {
                synthesisMs += ms;
                deps.metrics.backendLatency.observe(ms / 1000, {
                  stage: "synthesis",
                });
              },
              deps.now,
            ),
        }, { signal: controller.signal, stepTimeoutMs: deps.backendTimeoutMs });
        let primed: PrimedUtterance;
        try {
          primed = await primeUtterance(events);
        } catch (error) {
          controller.abort(error);
          cleanUp();
          throw error;
        }
        const boundary = createMultipartBoundary();
        const parts = utteranceParts(primed.events, primed.first, {
          utteranceId,
          route: "/v1/speak",
          start: {
            voice: voice.id,
            avatar: avatar.id,
            sample_rate: voice.sampleRateHz,
          },
          audioFormat: body.audio_format ?? "pcm16",
          encodeWav: deps.encodeWav,
          metrics: deps.metrics,
          log: c.var.log,
          signal: controller.signal,
          startedAtMs,
          synthesisMs: () => synthesisMs,
          now: deps.now,
          onEnd: cleanUp,
        });
        const stream = createMultipartStream(parts, {
          boundary,
          onCancel: (reason) => controller.abort(reason),
        });
        return c.body(stream, 200, {
          "Content-Type": `multipart/mixed; boundary=${boundary}`,
          "Cache-Control": "no-store",
          "X-Accel-Buffering": "no",
          "X-Utterance-Id": utteranceId,
        });
      },
    )
    .delete("/v1/utterances/:id", (c) => {
      const id = c.req.param("id");
      if (!deps.utterances.abort(id, c.var.clientKey)) {
        throw problem(404, "unknown-utterance", {
          detail: "No running utterance with this id",
        });
      }
      return c.body(null, 204);
    });
}

/** `{[key]: value}` when value is defined, else `{}` (for exact optional properties). */
function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
