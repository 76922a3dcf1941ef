/**
 * `POST /v1/lipsync`: an uploaded WAV (any layout the decoder reads) plus an
 * avatar in, the same `multipart/mixed` stream as `POST /v1/speak` out, without
 * speech synthesis. The audio is cut into pieces of `chunkSeconds` so the first
 * frames leave before the whole upload is lip-synced, and each piece comes
 * back as its own WAV part for playback in sync.
 *
 * Two request forms: the WAV bytes as the body (`Content-Type: audio/wav`)
 * with `avatar`, `fps`, `jpeg_quality`, `audio_format` in the query; or
 * `multipart/form-data` with the file in the field `audio` and the same
 * parameters as fields.
 *
 * @module
 */

import { type Context, Hono, type MiddlewareHandler } from "hono";
import { canResample, decodeWavMono } from "@lipstream/shared";
import type { AppEnv } from "../http/app_env.ts";
import { requireContentType } from "../http/middleware/content_type.ts";
import { problem, ProblemError } from "../http/problem.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import { audioTooLong } from "../pipeline/limits.ts";
import { runUtterance, type UtteranceDeps } from "../pipeline/utterance.ts";
import { multipartParts } from "../pipeline/utterance_parts.ts";
import { lipsyncRequest } from "../pipeline/utterance_request.ts";
import { MEL_SAMPLE_RATE_HZ } from "../lipsync/mel_timeline.ts";
import { resolveAvatar } from "./resolve.ts";
import { bodyTypes } from "./_contract.ts";
import { lipsyncRoute } from "./lipsync_contract.ts";

/** What the lip-sync route needs. */
export interface LipsyncDeps extends UtteranceDeps {
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Stream-slot middleware shared by all streaming routes. */
  streamLimit: MiddlewareHandler<AppEnv>;
  /** Default frame rate. */
  defaultFps: number;
  /** Seconds of audio per WAV part and lip-sync step. @default {1} */
  chunkSeconds?: number;
}

/** Lowest upload sample rate (telephone audio); below it there is no speech band to lip-sync. */
export const MIN_UPLOAD_SAMPLE_RATE_HZ = 8000;
/** Highest upload sample rate. */
export const MAX_UPLOAD_SAMPLE_RATE_HZ = 384_000;

interface Upload {
  params: Record<string, unknown>;
  bytes: Uint8Array;
}

async function readUpload(request: Request, url: URL): Promise<Upload> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim()
    .toLowerCase();
  if (type !== "multipart/form-data") {
    return {
      params: Object.fromEntries(url.searchParams),
      bytes: new Uint8Array(await request.arrayBuffer()),
    };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    // A body limit (413, 408, incomplete body) keeps its own problem.
    if (error instanceof ProblemError) throw error;
    throw problem(400, "malformed-form", {
      detail: "The request body is not valid multipart/form-data",
    });
  }
  const params: Record<string, unknown> = {};
  let file: File | undefined;
  for (const [name, value] of form) {
    if (name === "audio") {
      if (typeof value === "string") {
        throw problem(400, "invalid-request", {
          detail: "Field 'audio' must be a file, not text",
          extensions: {
            errors: [{ path: "/audio", message: "must be a file" }],
          },
        });
      }
      file = value;
    } else if (typeof value === "string") {
      params[name] = value;
    }
  }
  if (file === undefined) {
    throw problem(400, "invalid-request", {
      detail: "Field 'audio' is required",
      extensions: { errors: [{ path: "/audio", message: "is required" }] },
    });
  }
  return { params, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** 400 unless the lip-sync pipeline can take audio at `sampleRateHz`. */
function checkSampleRate(sampleRateHz: number): void {
  if (
    sampleRateHz >= MIN_UPLOAD_SAMPLE_RATE_HZ &&
    sampleRateHz <= MAX_UPLOAD_SAMPLE_RATE_HZ &&
    canResample({ fromHz: sampleRateHz, toHz: MEL_SAMPLE_RATE_HZ })
  ) return;
  const message =
    `sample rate ${sampleRateHz} Hz is not supported: use an integer rate from ${MIN_UPLOAD_SAMPLE_RATE_HZ} to ${MAX_UPLOAD_SAMPLE_RATE_HZ} Hz such as 16000, 22050, 44100 or 48000`;
  throw problem(400, "unsupported-sample-rate", {
    detail: `Cannot lip-sync the uploaded audio: ${message}`,
    extensions: { errors: [{ path: "/audio", message }] },
  });
}

function decode(bytes: Uint8Array) {
  let decoded: ReturnType<typeof decodeWavMono>;
  try {
    decoded = decodeWavMono(bytes);
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof RangeError)) {
      throw error;
    }
    throw problem(400, "unreadable-audio", {
      detail: `Cannot read the uploaded audio: ${error.message}`,
      extensions: { errors: [{ path: "/audio", message: error.message }] },
    });
  }
  if (decoded.samples.length === 0) {
    throw problem(400, "unreadable-audio", {
      detail: "The uploaded audio has no samples",
      extensions: { errors: [{ path: "/audio", message: "has no samples" }] },
    });
  }
  return decoded;
}

/**
 * Answers `POST /v1/lipsync`: parse (read and decode the upload) → resolve →
 * run → respond.
 *
 * @param c The request context.
 * @param deps Services, schemas and limits.
 * @returns The streamed response.
 */
export async function lipsyncHandler(
  c: Context<AppEnv>,
  deps: LipsyncDeps,
): Promise<Response> {
  const startedAtMs = deps.now();
  const upload = await readUpload(c.req.raw, new URL(c.req.url));
  const params = deps.schemas.lipsync.parse(upload.params);
  const avatar = await resolveAvatar(deps.lipSync, params.avatar);
  const { samples, sampleRateHz } = decode(upload.bytes);
  checkSampleRate(sampleRateHz);
  const maxSeconds = deps.maxAudioSeconds ?? Infinity;
  if (samples.length / sampleRateHz > maxSeconds) {
    throw audioTooLong(maxSeconds, "/audio");
  }
  const request = lipsyncRequest(params, {
    avatar,
    defaultFps: deps.defaultFps,
    samples,
    sampleRateHz,
    chunkSeconds: deps.chunkSeconds ?? 1,
  });
  const utterance = await runUtterance(deps, request, {
    writer: multipartParts,
    owner: c.var.clientKey,
    log: c.var.log,
    startedAtMs,
  });
  return c.body(utterance.body, 200, utterance.headers);
}

/**
 * Creates the lip-sync route.
 *
 * @param deps Services, schemas, limits and instruments.
 * @returns The sub-app.
 */
export function lipsyncRoutes(deps: LipsyncDeps): Hono<AppEnv> {
  const route = lipsyncRoute(deps.schemas);
  return new Hono<AppEnv>().on(
    route.method,
    route.getRoutingPath(),
    requireContentType(bodyTypes(route)),
    deps.streamLimit,
    (c) => lipsyncHandler(c, deps),
  );
}
