/**
 * The edge server's configuration, read from environment variables and
 * validated with zod. `main.ts` passes `Deno.env.toObject()`; nothing else
 * reads the environment.
 *
 * @module
 */

import { z } from "zod";

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** A severity of log lines. */
export type LogLevel = typeof LOG_LEVELS[number];

function integer(name: string, min: number, max: number, fallback: number) {
  return z.string().trim().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      ctx.addIssue({
        code: "custom",
        message: `${name} must be an integer from ${min} to ${max}: received ${
          JSON.stringify(raw)
        }`,
      });
      return z.NEVER;
    }
    return value;
  });
}

function list(name: string, check: (item: string) => string | undefined) {
  return z.string().optional().transform((raw, ctx) => {
    const items = (raw ?? "").split(",").map((item) => item.trim()).filter(
      Boolean,
    );
    for (const item of items) {
      const problem = check(item);
      if (problem) {
        ctx.addIssue({ code: "custom", message: `${name} ${problem}` });
        return z.NEVER;
      }
    }
    return items;
  });
}

function httpUrl(name: string) {
  return z.string().trim().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === "") return undefined;
    if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
      ctx.addIssue({
        code: "custom",
        message: `${name} must be an http or https URL: received ${
          JSON.stringify(raw)
        }`,
      });
      return z.NEVER;
    }
    return raw.replace(/\/+$/, "");
  });
}

function path(fallback: string | undefined) {
  return z.string().trim().optional().transform((raw) =>
    raw === undefined || raw === "" ? fallback : raw
  );
}

const ConfigSchema = z.object({
  PORT: integer("PORT", 0, 65535, 8080),
  // Not `HOSTNAME`: shells and containers set that to the machine's or pod's name.
  LIPSTREAM_HOST: z.string().trim().optional().transform((raw) =>
    raw || "0.0.0.0"
  ),
  TRITON_URL: httpUrl("TRITON_URL"),
  MODEL_REPOSITORY: path("generated/models"),
  VOICES_DIR: path("generated/voices"),
  AVATARS_DIR: path("generated/avatars"),
  WAV2LIP_MODEL: z.string().trim().optional().transform((raw) =>
    raw || undefined
  ),
  LIPSYNC_FIRST_BATCH: integer("LIPSYNC_FIRST_BATCH", 1, 256, 4),
  LIPSYNC_BATCH: integer("LIPSYNC_BATCH", 1, 256, 16),
  MAX_SESSIONS: integer("MAX_SESSIONS", 1, 10_000_000, 10_000),
  LIPSYNC_DEADLINE_MS: z.string().trim().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === "") return 250;
    if (raw === "off") return false as const;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > 60_000) {
      ctx.addIssue({
        code: "custom",
        message:
          `LIPSYNC_DEADLINE_MS must be an integer from 0 to 60000 or "off": received ${
            JSON.stringify(raw)
          }`,
      });
      return z.NEVER;
    }
    return value;
  }),
  ORT_WORKERS: integer("ORT_WORKERS", 0, 64, 1),
  FRAME_WORKERS: integer("FRAME_WORKERS", 0, 64, 1),
  TEXT_WORKERS: integer("TEXT_WORKERS", 0, 64, 1),
  ORT_INTRA_OP_THREADS: integer("ORT_INTRA_OP_THREADS", 0, 256, 0),
  FIRST_PIECE_MAX_CHARS: integer("FIRST_PIECE_MAX_CHARS", 0, 10_000, 40),
  SILENCE_PEAK: z.string().trim().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === "") return -3.5;
    if (raw === "off") return false as const;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < -4 || value > 4) {
      ctx.addIssue({
        code: "custom",
        message:
          `SILENCE_PEAK must be a number from -4 to 4 or "off": received ${
            JSON.stringify(raw)
          }`,
      });
      return z.NEVER;
    }
    return value;
  }),
  PASTE_BLEND: z.string().trim().optional().transform((raw, ctx) => {
    const mode = raw || "feathered";
    if (mode !== "feathered" && mode !== "reference") {
      ctx.addIssue({
        code: "custom",
        message: `PASTE_BLEND must be "feathered" or "reference": received ${
          JSON.stringify(raw)
        }`,
      });
      return z.NEVER;
    }
    return mode;
  }),
  JPEG_QUALITY: integer("JPEG_QUALITY", 1, 100, 80),
  MAX_TEXT_LENGTH: integer("MAX_TEXT_LENGTH", 1, 100_000, 2000),
  MAX_BODY_BYTES: integer("MAX_BODY_BYTES", 1024, 1 << 30, 16 << 20),
  MAX_CONCURRENT_STREAMS: integer("MAX_CONCURRENT_STREAMS", 1, 10_000, 16),
  MAX_STREAMS_PER_KEY: integer("MAX_STREAMS_PER_KEY", 1, 10_000, 4),
  MAX_AUDIO_SECONDS: integer("MAX_AUDIO_SECONDS", 0, 86_400, 0),
  WRITE_DEADLINE_MS: integer("WRITE_DEADLINE_MS", 0, 3_600_000, 10_000),
  BODY_READ_TIMEOUT_MS: integer("BODY_READ_TIMEOUT_MS", 0, 3_600_000, 30_000),
  API_KEYS: list(
    "API_KEYS",
    (key) =>
      /^[\x21-\x7e]{16,256}$/.test(key)
        ? undefined
        : "must be a comma-separated list of keys of 16 to 256 visible ASCII characters",
  ),
  CORS_ORIGINS: list(
    "CORS_ORIGINS",
    (origin) =>
      origin === "*" ||
        (URL.canParse(origin) && new URL(origin).origin === origin)
        ? undefined
        : `must be "*" or a comma-separated list of origins like https://example.com: received ${
          JSON.stringify(origin)
        }`,
  ),
  BACKEND_TIMEOUT_MS: integer("BACKEND_TIMEOUT_MS", 100, 600_000, 15_000),
  DRAIN_TIMEOUT_MS: integer("DRAIN_TIMEOUT_MS", 0, 3_600_000, 30_000),
  METRICS_REQUIRE_KEY: z.string().trim().optional().transform((raw, ctx) => {
    const value = (raw || "false").toLowerCase();
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0") return false;
    ctx.addIssue({
      code: "custom",
      message: `METRICS_REQUIRE_KEY must be true or false: received ${
        JSON.stringify(raw)
      }`,
    });
    return z.NEVER;
  }),
  LOG_LEVEL: z.string().trim().optional().transform((raw, ctx) => {
    const level = (raw || "info").toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      ctx.addIssue({
        code: "custom",
        message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}: received ${
          JSON.stringify(raw)
        }`,
      });
      return z.NEVER;
    }
    return level as LogLevel;
  }),
});

/** The validated configuration. */
export interface EdgeConfig {
  /** TCP port to listen on (`PORT`, default 8080; 0 picks a free port). */
  port: number;
  /** Interface to listen on (`LIPSTREAM_HOST`, default `0.0.0.0`). */
  hostname: string;
  /** Triton base URL (`TRITON_URL`); absent means the embedded ONNX Runtime backend. */
  tritonUrl: string | undefined;
  /** Model repository folder for the embedded backend (`MODEL_REPOSITORY`, default `generated/models`). */
  modelRepository: string;
  /** Embedded mode's ONNX Runtime worker threads (`ORT_WORKERS`, default 1; 0 runs ORT on the server's thread). */
  ortWorkers: number;
  /** Frame worker threads for resample, mel, face batch, paste-back and JPEG (`FRAME_WORKERS`, default 1; 0 runs them on the server's thread). */
  frameWorkers: number;
  /** Text front end worker threads (`TEXT_WORKERS`, default 1; 0 runs it on the server's thread). */
  textWorkers: number;
  /** ONNX Runtime intra-op threads per session (`ORT_INTRA_OP_THREADS`; absent or 0: the cores left after the server's thread, shared by the workers). */
  ortIntraOpThreads: number | undefined;
  /** The Wav2Lip model's name (`WAV2LIP_MODEL`); absent: `wav2lip` when served, else the fixture. */
  wav2lipModel: string | undefined;
  /** Frames in an utterance's first Wav2Lip batch (`LIPSYNC_FIRST_BATCH`, default 4). */
  lipSyncFirstBatch: number;
  /** Frames in later Wav2Lip batches (`LIPSYNC_BATCH`, default 16). */
  lipSyncBatch: number;
  /** (avatar, session) idle-loop cursors remembered, least recently used forgotten first (`MAX_SESSIONS`, default 10000). */
  maxSessions: number;
  /** Graceful overload: how late after its PTS a frame may leave before batches render fewer frames (`LIPSYNC_DEADLINE_MS`, default 250; `off` renders every frame). */
  lipSyncDeadlineMs: number | false;
  /** Silence skip threshold in normalized mel (`SILENCE_PEAK`, default -3.5; `off` disables). */
  silencePeak: number | false;
  /** Paste-back mode (`PASTE_BLEND`: `feathered` (default) or `reference`). */
  pasteBlend: "feathered" | "reference";
  /** Default JPEG quality of generated frames (`JPEG_QUALITY`, default 80). */
  jpegQuality: number;
  /** Voices folder (`VOICES_DIR`, default `generated/voices`). */
  voicesDir: string;
  /** Avatar packs folder (`AVATARS_DIR`, default `generated/avatars`). */
  avatarsDir: string;
  /** A long first sentence is cut at its last pause before this many characters (`FIRST_PIECE_MAX_CHARS`, default 40; 0 turns it off). */
  firstPieceMaxChars: number;
  /** Longest accepted text in characters (`MAX_TEXT_LENGTH`, default 2000). */
  maxTextLength: number;
  /** Largest accepted request body in bytes (`MAX_BODY_BYTES`, default 16 MiB). */
  maxBodyBytes: number;
  /** Streams open at once, all clients (`MAX_CONCURRENT_STREAMS`, default 16). */
  maxConcurrentStreams: number;
  /** Streams open at once per API key, or per remote address without keys (`MAX_STREAMS_PER_KEY`, default 4). */
  maxStreamsPerKey: number;
  /**
   * Longest audio of one upload or one text, seconds (`MAX_AUDIO_SECONDS`;
   * default, or 0: derived from `MAX_TEXT_LENGTH`, see {@linkcode defaultMaxAudioSeconds}).
   */
  maxAudioSeconds: number;
  /** Longest wait for a client to take the next part of a stream before it is evicted, ms (`WRITE_DEADLINE_MS`, default 10000; 0 off). */
  writeDeadlineMs: number;
  /** Longest time to receive a request body, ms (`BODY_READ_TIMEOUT_MS`, default 30000; 0 off). */
  bodyReadTimeoutMs: number;
  /** Accepted Bearer keys (`API_KEYS`, comma-separated); empty means no auth. */
  apiKeys: string[];
  /** Allowed CORS origins (`CORS_ORIGINS`, comma-separated or `*`); empty means no CORS. */
  corsOrigins: string[];
  /** Longest wait for one backend step (`BACKEND_TIMEOUT_MS`, default 15000). */
  backendTimeoutMs: number;
  /** On SIGTERM/SIGINT, how long running utterances may finish before they are ended (`DRAIN_TIMEOUT_MS`, default 30000). */
  drainTimeoutMs: number;
  /** Whether `/metrics` needs one of `API_KEYS` like `/v1/*` (`METRICS_REQUIRE_KEY`, default false). */
  metricsRequireKey: boolean;
  /** Least severe log level written (`LOG_LEVEL`, default `info`). */
  logLevel: LogLevel;
}

/**
 * The audio bound that matches a text bound: a text of `maxTextLength`
 * characters read at 10 characters a second at the slowest speed the API
 * allows (0.25, four times as long), so every text the API accepts fits and
 * an upload may be as long as the longest text. 2000 characters → 800 s.
 *
 * @param maxTextLength `MAX_TEXT_LENGTH`.
 * @returns Seconds.
 *
 * @example
 * ```ts
 * import { defaultMaxAudioSeconds } from "@lipstream/edge/config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultMaxAudioSeconds(2000), 800);
 * ```
 */
export function defaultMaxAudioSeconds(maxTextLength: number): number {
  return Math.ceil(maxTextLength / 10 * 4);
}

/** Thrown by {@linkcode readConfig}; `issues` has one line per bad value. */
export class ConfigError extends Error {
  /** One message per bad variable. */
  readonly issues: readonly string[];

  /**
   * Creates the error.
   *
   * @param issues One message per bad variable.
   */
  constructor(issues: readonly string[]) {
    super(`Cannot read configuration: ${issues.join("; ")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/**
 * Reads and validates the configuration from environment variables.
 *
 * @param env The environment, e.g. `Deno.env.toObject()`.
 * @returns The configuration with defaults filled in.
 * @throws {ConfigError} Listing every bad value.
 *
 * @example Defaults and a bad value
 * ```ts
 * import { ConfigError, readConfig } from "@lipstream/edge/config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(readConfig({}).port, 8080);
 * assert.deepEqual(readConfig({ API_KEYS: "k".repeat(16) }).apiKeys, ["k".repeat(16)]);
 * assert.throws(
 *   () => readConfig({ PORT: "http" }),
 *   (error) => error instanceof ConfigError && /PORT must be an integer/.test(error.message),
 * );
 * ```
 */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
): EdgeConfig {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => issue.message));
  }
  const v = result.data;
  return {
    port: v.PORT,
    hostname: v.LIPSTREAM_HOST,
    tritonUrl: v.TRITON_URL,
    modelRepository: v.MODEL_REPOSITORY ?? "generated/models",
    wav2lipModel: v.WAV2LIP_MODEL,
    ortWorkers: v.ORT_WORKERS,
    frameWorkers: v.FRAME_WORKERS,
    textWorkers: v.TEXT_WORKERS,
    ortIntraOpThreads: v.ORT_INTRA_OP_THREADS === 0
      ? undefined
      : v.ORT_INTRA_OP_THREADS,
    lipSyncFirstBatch: v.LIPSYNC_FIRST_BATCH,
    lipSyncBatch: v.LIPSYNC_BATCH,
    maxSessions: v.MAX_SESSIONS,
    lipSyncDeadlineMs: v.LIPSYNC_DEADLINE_MS,
    silencePeak: v.SILENCE_PEAK,
    pasteBlend: v.PASTE_BLEND,
    jpegQuality: v.JPEG_QUALITY,
    voicesDir: v.VOICES_DIR ?? "generated/voices",
    avatarsDir: v.AVATARS_DIR ?? "generated/avatars",
    maxTextLength: v.MAX_TEXT_LENGTH,
    firstPieceMaxChars: v.FIRST_PIECE_MAX_CHARS,
    maxBodyBytes: v.MAX_BODY_BYTES,
    maxConcurrentStreams: v.MAX_CONCURRENT_STREAMS,
    maxStreamsPerKey: v.MAX_STREAMS_PER_KEY,
    maxAudioSeconds: v.MAX_AUDIO_SECONDS ||
      defaultMaxAudioSeconds(v.MAX_TEXT_LENGTH),
    writeDeadlineMs: v.WRITE_DEADLINE_MS,
    bodyReadTimeoutMs: v.BODY_READ_TIMEOUT_MS,
    apiKeys: v.API_KEYS,
    corsOrigins: v.CORS_ORIGINS,
    backendTimeoutMs: v.BACKEND_TIMEOUT_MS,
    drainTimeoutMs: v.DRAIN_TIMEOUT_MS,
    metricsRequireKey: v.METRICS_REQUIRE_KEY,
    logLevel: v.LOG_LEVEL,
  };
}
