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

import { optional } from "./_optional.ts";
import { Hono } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import { requireContentType } from "../http/middleware/content_type.ts";
import type { MiddlewareHandler } from "hono";
import { timed } from "../pipeline/timed.ts";
import type { SpeechService } from "../pipeline/types.ts";
import { problem } from "../http/problem.ts";
import { readJsonBody } from "../http/request_body.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import {
  utteranceResponse,
  type UtteranceResponseDeps,
} from "./utterance_response.ts";
import { resolveAvatar, resolveVoice } from "./resolve.ts";
import { bodyTypes } from "./_contract.ts";
import { cancelUtteranceRoute, speakRoute } from "./speak_contract.ts";

/** What the speak routes need. */
export interface SpeakDeps extends UtteranceResponseDeps {
  /** Text to speech. */
  speech: SpeechService;
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Stream-slot middleware shared by all streaming routes. */
  streamLimit: MiddlewareHandler<AppEnv>;
  /** Default frame rate. */
  defaultFps: number;
}

/**
 * Creates the speak routes.
 *
 * @param deps Services, schemas, limits and instruments.
 * @returns The sub-app.
 */
export function speakRoutes(deps: SpeakDeps): Hono<AppEnv> {
  const speak = speakRoute(deps.schemas);
  const cancel = cancelUtteranceRoute;
  return new Hono<AppEnv>()
    .on(
      speak.method,
      speak.getRoutingPath(),
      requireContentType(bodyTypes(speak)),
      deps.streamLimit,
      async (c) => {
        const startedAtMs = deps.now();
        const body = await readJsonBody(c.req.raw, deps.schemas.speak);
        const voice = await resolveVoice(deps.speech, body);
        const avatar = await resolveAvatar(deps.lipSync, body.avatar);
        let synthesisMs = 0;
        return await utteranceResponse(c, deps, {
          route: "/v1/speak",
          startedAtMs,
          avatarId: avatar.id,
          sessionId: body.session,
          idlePosition: body.idle_position,
          fps: body.fps ?? deps.defaultFps,
          jpegQuality: body.jpeg_quality,
          audioFormat: body.audio_format ?? "pcm16",
          start: {
            voice: voice.id,
            avatar: avatar.id,
            sample_rate: voice.sampleRateHz,
          },
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
          audioMs: () => synthesisMs,
        });
      },
    )
    .on(cancel.method, cancel.getRoutingPath(), (c) => {
      const id = c.req.param("id");
      if (!deps.utterances.abort(id, c.var.clientKey)) {
        throw problem(404, "unknown-utterance", {
          detail: "No running utterance with this id",
        });
      }
      return c.body(null, 204);
    });
}
