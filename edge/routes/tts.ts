/**
 * `POST /v1/tts`: the whole utterance as one in-memory WAV, either as
 * `audio/wav` bytes or as JSON with a `data:` URI ready for `<audio src>`.
 *
 * @module
 */

import { Hono } from "hono";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import type { EdgeMetrics } from "../metrics.ts";
import { requireContentType } from "../http/middleware/content_type.ts";
import { withStepTimeout } from "../pipeline/step_timeout.ts";
import type { SpeechService, WavEncoder } from "../pipeline/types.ts";
import { limitAudio } from "../pipeline/audio_limit.ts";
import { readJsonBody } from "../http/request_body.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import { resolveVoice } from "./resolve.ts";
import { bodyTypes } from "./_contract.ts";
import { ttsRoute } from "./tts_contract.ts";

/** What the tts route needs. */
export interface TtsDeps {
  /** Text to speech. */
  speech: SpeechService;
  /** WAV encoder. */
  encodeWav: WavEncoder;
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Instruments. */
  metrics: EdgeMetrics;
  /** Longest wait for one sentence. */
  backendTimeoutMs: number;
  /** Longest audio of one text, s. @default {Infinity} */
  maxAudioSeconds?: number;
  /** Slot middleware (synthesis holds backend capacity like a stream). */
  streamLimit: MiddlewareHandler<AppEnv>;
}

/**
 * Creates the tts route.
 *
 * @param deps Services, schemas and limits.
 * @returns The sub-app.
 */
export function ttsRoutes(deps: TtsDeps): Hono<AppEnv> {
  const route = ttsRoute(deps.schemas);
  return new Hono<AppEnv>().on(
    route.method,
    route.getRoutingPath(),
    requireContentType(bodyTypes(route)),
    deps.streamLimit,
    async (c) => {
      const body = await readJsonBody(c.req.raw, deps.schemas.tts);
      const voice = await resolveVoice(deps.speech, body);
      const chunks: Float32Array[] = [];
      let sampleRateHz = voice.sampleRateHz;
      const request = {
        text: body.text,
        voiceId: voice.id,
        ...(body.speaker === undefined ? {} : { speaker: body.speaker }),
        ...(body.language === undefined ? {} : { language: body.language }),
        ...(body.speed === undefined ? {} : { speed: body.speed }),
        ...(body.noise_scale === undefined
          ? {}
          : { noiseScale: body.noise_scale }),
        ...(body.noise_scale_w === undefined
          ? {}
          : { noiseW: body.noise_scale_w }),
      };
      const speech = limitAudio(
        deps.speech.synthesize(request, { signal: c.req.raw.signal }),
        deps.maxAudioSeconds ?? Infinity,
        "/text",
      );
      for await (
        const chunk of withStepTimeout(speech, deps.backendTimeoutMs)
      ) {
        chunks.push(chunk.samples);
        sampleRateHz = chunk.sampleRateHz;
      }
      const samples = concat(chunks);
      deps.metrics.audioSeconds.inc({}, samples.length / sampleRateHz);
      const wav = deps.encodeWav(samples, {
        sampleRateHz,
        format: body.audio_format ?? "pcm16",
      });
      if (body.format === "wav") {
        return c.body(wav, 200, { "Content-Type": "audio/wav" });
      }
      return c.json({
        audio: `data:audio/wav;base64,${toBase64(wav)}`,
        sample_rate: sampleRateHz,
        duration_ms: Math.round(samples.length * 1000 / sampleRateHz),
      });
    },
  );
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

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
