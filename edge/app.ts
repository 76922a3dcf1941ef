/**
 * The edge HTTP API as a Hono app: a fetch function built from its
 * dependencies. `main.ts` builds the real services and calls `Deno.serve`;
 * tests call `app.request()` or serve it on loopback.
 *
 * @module
 */

import { Hono } from "hono";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./http/app_env.ts";
import type { EdgeConfig } from "./config.ts";
import { Drain } from "./http/drain.ts";
import { createJsonLogger, type Logger } from "./log.ts";
import { createEdgeMetrics, type EdgeMetrics } from "./metrics.ts";
import { accessLog } from "./http/middleware/access_log.ts";
import { apiKey } from "./http/middleware/api_key.ts";
import { bodySize } from "./http/middleware/body_size.ts";
import { corsFromConfig } from "./http/middleware/cors.ts";
import { refuseWhileDraining } from "./http/middleware/draining.ts";
import { problemErrors } from "./http/middleware/problem_errors.ts";
import { requestId } from "./http/middleware/request_id.ts";
import { streamLimit } from "./http/middleware/stream_limit.ts";
import type {
  LipSyncService,
  Readiness,
  SpeechService,
} from "./pipeline/types.ts";
import { defined } from "@lipstream/shared";
import { problem } from "./http/problem.ts";
import { allowedMethods } from "./http/middleware/method_not_allowed.ts";
import { defaultMaxAudioSeconds } from "./config.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { healthRoutes } from "./routes/health.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { mjpegRoutes } from "./routes/mjpeg.ts";
import { openApiRoutes } from "./routes/openapi.ts";
import { lipsyncRoutes } from "./routes/lipsync.ts";
import { speakRoutes } from "./routes/speak.ts";
import { ttsRoutes } from "./routes/tts.ts";
import { webRoutes } from "./routes/web.ts";
import { mediaTokenRoutes } from "./routes/media_token.ts";
import { createMediaTokens } from "./http/media_token.ts";
import { createRequestSchemas } from "./http/schemas.ts";
import { StreamSlots } from "./http/stream_slots.ts";
import { UtteranceRegistry } from "./pipeline/utterances.ts";
import type { SharedStore } from "./store/shared_store.ts";

/** The configuration fields the app uses. */
export type AppConfig =
  & Pick<
    EdgeConfig,
    | "maxTextLength"
    | "maxBodyBytes"
    | "maxConcurrentStreams"
    | "maxStreamsPerKey"
    | "apiKeys"
    | "corsOrigins"
    | "backendTimeoutMs"
  >
  & Partial<
    Pick<
      EdgeConfig,
      | "maxAudioSeconds"
      | "writeDeadlineMs"
      | "bodyReadTimeoutMs"
      | "metricsRequireKey"
      | "mediaTokenTtlMs"
    >
  >;

/** What {@linkcode createApp} needs. */
export interface AppDeps {
  /** Limits, keys and CORS. */
  config: AppConfig;
  /** Text to speech. */
  speech: SpeechService;
  /** Audio to frames. */
  lipSync: LipSyncService;
  /** Backend readiness. */
  readiness: Readiness;
  /**
   * Ignored: WAV parts and uploads use `encodeWav` / `decodeWavMono` from
   * `@lipstream/shared` where they are written and read.
   * @deprecated Leave it out.
   */
  encodeWav?: unknown;
  /**
   * Ignored (see `encodeWav`).
   * @deprecated Leave it out.
   */
  decodeWav?: unknown;
  /** The logger. @default {createJsonLogger()} */
  log?: Logger;
  /** Default frame rate when a request gives none. @default {25} */
  defaultFps?: number;
  /** The clock in milliseconds. @default {performance.now} */
  now?: () => number;
  /** State shared by replicas (cross-replica cancel). @default one replica, in memory */
  store?: SharedStore;
}

/** The app plus handles tests and `main.ts` may use. */
export interface EdgeApp {
  /** The Hono app; `app.fetch` is all a runtime needs. */
  app: Hono<AppEnv>;
  /** The metrics. */
  metrics: EdgeMetrics;
  /** Open stream slots. */
  slots: StreamSlots;
  /** Running utterances. */
  utterances: UtteranceRegistry;
  /** The graceful stop: `drain.run(timeoutMs)` before the server shuts down. */
  drain: Drain;
}

/**
 * Builds the edge app.
 *
 * @param deps Configuration and pipeline services.
 * @returns The app and its handles.
 *
 * @example Liveness in process
 * ```ts
 * import { createApp } from "@lipstream/edge/app";
 * import assert from "node:assert/strict";
 *
 * const unused = () => Promise.reject(new Error("unused"));
 * const { app } = createApp({
 *   config: {
 *     maxTextLength: 100, maxBodyBytes: 4096, maxConcurrentStreams: 1, maxStreamsPerKey: 1,
 *     apiKeys: [], corsOrigins: [], backendTimeoutMs: 1000,
 *   },
 *   speech: { listVoices: unused, getVoice: unused, synthesize: () => [] as never },
 *   lipSync: { listAvatars: unused, getAvatar: unused, open: unused },
 *   readiness: { check: () => Promise.resolve({ ready: true, checks: {} }) },
 *   log: { debug() {}, info() {}, warn() {}, error() {}, with() { return this; } },
 * });
 * const response = await app.request("/healthz");
 * assert.equal(response.status, 200);
 * assert.ok(response.headers.get("x-request-id"));
 * ```
 */
export function createApp(deps: AppDeps): EdgeApp {
  const { config } = deps;
  const log = deps.log ?? createJsonLogger();
  const now = deps.now ?? (() => performance.now());
  const defaultFps = deps.defaultFps ?? 25;
  const slots = new StreamSlots({
    global: config.maxConcurrentStreams,
    perKey: config.maxStreamsPerKey,
  });
  const utterances = new UtteranceRegistry(deps.store?.cancels);
  const lipFrames = deps.lipSync.frameCounts?.bind(deps.lipSync);
  const metrics = createEdgeMetrics(defined({
    inFlightStreams: () => slots.active,
    lipFrames,
  }));
  const schemas = createRequestSchemas(config);
  const drain = new Drain(utterances);
  const refuse = refuseWhileDraining(drain);
  const slotsTaken = streamLimit(slots, {
    writeDeadlineMs: config.writeDeadlineMs ?? 0,
    onEvict: () => metrics.streamErrors.inc({ route: "any", kind: "evicted" }),
  });
  const slotLimit: MiddlewareHandler<AppEnv> = (c, next) =>
    refuse(c, async () => void await slotsTaken(c, next));
  // What every route gets: the services, the utterance registry, limits,
  // instruments and the clock (pure functions are imported where used).
  const common = {
    speech: deps.speech,
    lipSync: deps.lipSync,
    utterances,
    schemas,
    metrics,
    streamLimit: slotLimit,
    backendTimeoutMs: config.backendTimeoutMs,
    maxAudioSeconds: config.maxAudioSeconds ??
      defaultMaxAudioSeconds(config.maxTextLength),
    defaultFps,
    now,
  };

  const app = new Hono<AppEnv>();
  app.onError(problemErrors());
  let allowed: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowed ??= allowedMethods(app.routes);
    const methods = allowed(c.req.path);
    if (methods.length > 0) {
      throw problem(405, "method-not-allowed", {
        detail: `${c.req.path} accepts ${methods.join(", ")}`,
        headers: { Allow: methods.join(", ") },
      });
    }
    throw problem(404, "not-found", { detail: "No such endpoint" });
  });
  app.use(requestId({ log }));
  app.use(accessLog({ requests: metrics.requests, now }));
  app.use(corsFromConfig(config.corsOrigins));
  app.route(
    "/",
    healthRoutes({ readiness: deps.readiness, apiKeys: config.apiKeys, drain }),
  );
  if (config.metricsRequireKey) app.use("/metrics", apiKey(config.apiKeys));
  app.route("/", metricsRoutes(metrics.registry));
  app.route("/", openApiRoutes(schemas));
  app.route("/", webRoutes());
  const tokens = config.apiKeys.length === 0 ? undefined : createMediaTokens({
    keys: config.apiKeys,
    ...defined({ ttlMs: config.mediaTokenTtlMs }),
  });
  // The key is checked before any body byte is read (see bodySize).
  app.use("/v1/*", apiKey(config.apiKeys, defined({ tokens })));
  app.use(bodySize(config.maxBodyBytes, {
    readTimeoutMs: config.bodyReadTimeoutMs ?? 0,
  }));
  app.route("/", catalogRoutes(common));
  app.route("/", speakRoutes(common));
  app.route("/", lipsyncRoutes(common));
  app.route("/", ttsRoutes(common));
  app.route("/", mjpegRoutes(common));
  app.route("/", mediaTokenRoutes(tokens));
  return { app, metrics, slots, utterances, drain };
}
