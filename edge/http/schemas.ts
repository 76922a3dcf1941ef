/**
 * Zod schemas of every request body and query. They validate requests and
 * generate `/openapi.json`; every number is bounded and every id matches a
 * pattern that cannot name a path outside its folder.
 *
 * @module
 */

import { z } from "zod";

/** Ids of voices and avatars: letters, digits, `_`, `.`, `-`; no `..`, no `/`. */
export const SAFE_ID_REGEXP = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** A voice or avatar id. */
export const SafeId = z.string().regex(SAFE_ID_REGEXP, {
  message:
    "must be 1-128 letters, digits, '_', '.' or '-', starting with a letter or digit",
}).refine((id) => !id.includes(".."), { message: "must not contain '..'" });

const Language = z.enum(["zh", "en", "ja", "mix"]).describe(
  "Language of the text; `mix` reads `[ZH]…[ZH]`-style marks.",
);
const Speaker = z.union([
  z.int().min(0).max(10_000),
  z.string().min(1).max(128),
]).describe("Speaker name or id (default: the voice's first speaker).");
const SpeakerName = z.string().min(1).max(128).describe(
  "Speaker name (default: the voice's first speaker).",
);
const Speed = z.number().min(0.25).max(4).describe(
  "Speaking rate, 1 = normal.",
);
const NoiseScale = z.number().min(0).max(2);
const AudioFormat = z.enum(["pcm16", "float32"]).describe(
  "Sample format of WAV parts (`pcm16` plays everywhere).",
);
const Session = SafeId.describe(
  "Your session (conversation) id: its utterances on one avatar continue one idle loop without a jump. Without it, requests share the avatar's loop.",
);
const IdlePosition = z.int().min(0).max(1_000_000).describe(
  "Where in the avatar's ping-pong idle loop to start (modulo its period, 2·(frames−1)), e.g. where your own idle animation stands; the end part's `next_idle_position` continues it. Default: the session's position.",
);
const Fps = z.int().min(1).max(60).describe("Frames per second.");
const JpegQuality = z.int().min(1).max(100).describe("JPEG quality.");

/** The request schemas, bounded by configuration. */
export interface RequestSchemas {
  /** `POST /v1/speak` JSON body. */
  speak: ReturnType<typeof speakSchema>;
  /** `POST /v1/tts` JSON body. */
  tts: ReturnType<typeof ttsSchema>;
  /** `POST /v1/lipsync` query (and form fields). */
  lipsync: typeof LipsyncParams;
  /** `GET /v1/speak.mjpeg` query. */
  mjpeg: ReturnType<typeof mjpegSchema>;
  /** `GET /v1/avatars/:id/idle.jpg` query. */
  idle: typeof IdleParams;
}

function text(maxTextLength: number) {
  return z.string().max(maxTextLength, {
    message: `must be at most ${maxTextLength} characters`,
  }).refine((value) => value.trim().length > 0, {
    message: "must not be empty",
  }).describe("The text to speak.");
}

/**
 * The voice fields every spoken request shares: text, voice, speaker,
 * language, speed and the noise scales.
 */
function voiceFields(maxTextLength: number) {
  return {
    text: text(maxTextLength),
    voice: SafeId.describe("Voice id from `GET /v1/voices`."),
    speaker: Speaker.optional(),
    language: Language.optional(),
    speed: Speed.optional(),
    noise_scale: NoiseScale.optional(),
    noise_scale_w: NoiseScale.optional(),
  };
}

/** {@linkcode voiceFields} read from a query: numbers arrive as text, a speaker by name. */
function voiceQueryFields(maxTextLength: number) {
  return {
    ...voiceFields(maxTextLength),
    speaker: SpeakerName.optional(),
    speed: queryNumber(Speed).optional(),
    noise_scale: queryNumber(NoiseScale).optional(),
    noise_scale_w: queryNumber(NoiseScale).optional(),
  };
}

/** The video fields every lip-synced request shares (JSON body). */
const VIDEO_FIELDS = {
  avatar: SafeId.describe("Avatar id from `GET /v1/avatars`."),
  session: Session.optional(),
  idle_position: IdlePosition.optional(),
  fps: Fps.optional(),
  jpeg_quality: JpegQuality.optional(),
};

function speakSchema(maxTextLength: number) {
  return z.strictObject({
    ...voiceFields(maxTextLength),
    ...VIDEO_FIELDS,
    audio_format: AudioFormat.optional(),
  });
}

function ttsSchema(maxTextLength: number) {
  return z.strictObject({
    ...voiceFields(maxTextLength),
    format: z.enum(["wav", "json"]).describe(
      "`wav`: the WAV bytes; `json`: `{audio: data URI, sample_rate, duration_ms}`.",
    ),
    audio_format: AudioFormat.optional(),
  });
}

/** Numbers in a query string arrive as text. */
function queryNumber<T extends z.ZodNumber>(schema: T) {
  return z.preprocess(
    (value) =>
      typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : value,
    schema,
  );
}

/** {@linkcode VIDEO_FIELDS} read from a query or form fields. */
const VIDEO_QUERY_FIELDS = {
  ...VIDEO_FIELDS,
  idle_position: queryNumber(IdlePosition).optional(),
  fps: queryNumber(Fps).optional(),
  jpeg_quality: queryNumber(JpegQuality).optional(),
};

const LipsyncParams = z.strictObject({
  ...VIDEO_QUERY_FIELDS,
  audio_format: AudioFormat.optional(),
});

/** The `?token=` of URLs a browser loads by itself (checked by the API-key middleware). */
const MEDIA_TOKEN_FIELD = {
  token: z.string().max(256).optional().describe(
    "A media token from `POST /v1/media-token`, for `<img>`/`<audio>` URLs that cannot send `Authorization`",
  ),
};

const IdleParams = z.strictObject({
  session: Session.optional(),
  ...MEDIA_TOKEN_FIELD,
});

function mjpegSchema(maxTextLength: number) {
  return z.strictObject({
    ...voiceQueryFields(maxTextLength),
    ...VIDEO_QUERY_FIELDS,
    ...MEDIA_TOKEN_FIELD,
  });
}

/**
 * Builds the request schemas for a text length limit.
 *
 * @param options `maxTextLength` in characters.
 * @returns The schemas.
 *
 * @example Path tricks are refused
 * ```ts
 * import { createRequestSchemas } from "@lipstream/edge/schemas";
 * import assert from "node:assert/strict";
 *
 * const { speak } = createRequestSchemas({ maxTextLength: 100 });
 * assert.equal(speak.safeParse({ text: "Hi.", voice: "v1", avatar: "a1" }).success, true);
 * const bad = speak.safeParse({ text: "Hi.", voice: "../x", avatar: "a1" });
 * assert.ok(bad.error?.issues.every((issue) => issue.path.join("/") === "voice"));
 * ```
 */
export function createRequestSchemas(
  options: { maxTextLength: number },
): RequestSchemas {
  return {
    speak: speakSchema(options.maxTextLength),
    tts: ttsSchema(options.maxTextLength),
    lipsync: LipsyncParams,
    mjpeg: mjpegSchema(options.maxTextLength),
    idle: IdleParams,
  };
}

/** A validated speak body. */
export type SpeakBody = z.infer<RequestSchemas["speak"]>;
/** A validated tts body. */
export type TtsBody = z.infer<RequestSchemas["tts"]>;
/** A validated `GET /v1/speak.mjpeg` query. */
export type MjpegQuery = z.infer<RequestSchemas["mjpeg"]>;
/** Validated `POST /v1/lipsync` query or form fields. */
export type LipsyncFields = z.infer<RequestSchemas["lipsync"]>;
