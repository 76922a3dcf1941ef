import assert from "node:assert/strict";
import { ConfigError, readConfig } from "./config.ts";

Deno.test("readConfig() fills every default from an empty environment", () => {
  const config = readConfig({});
  assert.deepEqual(
    {
      port: config.port,
      hostname: config.hostname,
      tritonUrl: config.tritonUrl,
      modelRepository: config.modelRepository,
      ortWorkers: config.ortWorkers,
      ortLipWorkers: config.ortLipWorkers,
      lipSyncFirstBatch: config.lipSyncFirstBatch,
      lipSyncBatch: config.lipSyncBatch,
      maxSessions: config.maxSessions,
      silencePeak: config.silencePeak,
      pasteBlend: config.pasteBlend,
      jpegQuality: config.jpegQuality,
      maxTextLength: config.maxTextLength,
      firstPieceMaxChars: config.firstPieceMaxChars,
      maxBodyBytes: config.maxBodyBytes,
      maxConcurrentStreams: config.maxConcurrentStreams,
      maxStreamsPerKey: config.maxStreamsPerKey,
      apiKeys: config.apiKeys,
      corsOrigins: config.corsOrigins,
      backendTimeoutMs: config.backendTimeoutMs,
      drainTimeoutMs: config.drainTimeoutMs,
      metricsRequireKey: config.metricsRequireKey,
      logLevel: config.logLevel,
    },
    {
      port: 8080,
      hostname: "0.0.0.0",
      tritonUrl: undefined,
      modelRepository: "generated/models",
      ortWorkers: "auto",
      ortLipWorkers: "auto",
      lipSyncFirstBatch: 1,
      lipSyncBatch: 16,
      maxSessions: 10_000,
      silencePeak: -3.5,
      pasteBlend: "feathered",
      jpegQuality: 80,
      maxTextLength: 2000,
      firstPieceMaxChars: 40,
      maxBodyBytes: 16 << 20,
      maxConcurrentStreams: 16,
      maxStreamsPerKey: 4,
      apiKeys: [],
      corsOrigins: [],
      backendTimeoutMs: 15_000,
      drainTimeoutMs: 30_000,
      metricsRequireKey: false,
      logLevel: "info",
    },
  );
});

Deno.test("readConfig() reads good values", () => {
  const config = readConfig({
    PORT: "0",
    TRITON_URL: "http://triton:8000/",
    ORT_WORKERS: "0",
    ORT_INTRA_OP_THREADS: "2",
    LIPSYNC_DEADLINE_MS: "off",
    MAX_SESSIONS: "5",
    SILENCE_PEAK: "off",
    PASTE_BLEND: "reference",
    API_KEYS: `${"a".repeat(16)}, ${"b".repeat(20)}`,
    CORS_ORIGINS: "https://example.com",
    LOG_LEVEL: "WARN",
    LIPSTREAM_HOST: "127.0.0.1",
    DRAIN_TIMEOUT_MS: "0",
    METRICS_REQUIRE_KEY: "true",
  });
  assert.equal(config.metricsRequireKey, true);
  assert.equal(config.hostname, "127.0.0.1");
  assert.equal(config.drainTimeoutMs, 0);
  assert.equal(config.port, 0);
  assert.equal(config.tritonUrl, "http://triton:8000");
  assert.equal(config.ortWorkers, 0);
  assert.equal(config.ortIntraOpThreads, 2);
  assert.equal(config.lipSyncDeadlineMs, false);
  assert.equal(
    readConfig({ LIPSYNC_DEADLINE_MS: "400" }).lipSyncDeadlineMs,
    400,
  );
  assert.equal(readConfig({}).lipSyncDeadlineMs, 250);
  assert.equal(readConfig({}).ortIntraOpThreads, undefined);
  assert.equal(config.maxSessions, 5);
  assert.equal(config.silencePeak, false);
  assert.equal(config.pasteBlend, "reference");
  assert.deepEqual(config.apiKeys, ["a".repeat(16), "b".repeat(20)]);
  assert.deepEqual(config.corsOrigins, ["https://example.com"]);
  assert.equal(config.logLevel, "warn");
});

Deno.test("readConfig() ignores HOSTNAME, which containers set to the pod's name", () => {
  assert.equal(readConfig({ HOSTNAME: "pod-7f9c" }).hostname, "0.0.0.0");
});

const BAD: [string, string][] = [
  ["DRAIN_TIMEOUT_MS", "-1"],
  ["METRICS_REQUIRE_KEY", "maybe"],
  ["PORT", "70000"],
  ["PORT", "http"],
  ["TRITON_URL", "ftp://triton"],
  ["ORT_WORKERS", "-1"],
  ["ORT_WORKERS", "65"],
  ["ORT_INTRA_OP_THREADS", "-2"],
  ["LIPSYNC_DEADLINE_MS", "soon"],
  ["LIPSYNC_DEADLINE_MS", "-5"],
  ["MAX_SESSIONS", "0"],
  ["LIPSYNC_FIRST_BATCH", "0"],
  ["LIPSYNC_BATCH", "1.5"],
  ["SILENCE_PEAK", "5"],
  ["PASTE_BLEND", "soft"],
  ["MEDIA_TOKEN_TTL_MS", "999"],
  ["MEDIA_TOKEN_TTL_MS", "soon"],
  ["JPEG_QUALITY", "101"],
  ["MAX_TEXT_LENGTH", "0"],
  ["FIRST_PIECE_MAX_CHARS", "-5"],
  ["MAX_BODY_BYTES", "10"],
  ["MAX_CONCURRENT_STREAMS", "0"],
  ["MAX_STREAMS_PER_KEY", "x"],
  ["API_KEYS", "short"],
  ["CORS_ORIGINS", "example.com"],
  ["BACKEND_TIMEOUT_MS", "5"],
  ["LOG_LEVEL", "loud"],
];

Deno.test("readConfig() names each bad variable, and reports all of them at once", () => {
  for (const [name, value] of BAD) {
    assert.throws(
      () => readConfig({ [name]: value }),
      (error) =>
        error instanceof ConfigError && error.issues.length === 1 &&
        error.issues[0]!.startsWith(`${name} `),
      `${name}=${value}`,
    );
  }
  const error = (() => {
    try {
      readConfig({ PORT: "x", ORT_WORKERS: "-1", LOG_LEVEL: "loud" });
    } catch (error) {
      return error;
    }
  })();
  assert.ok(error instanceof ConfigError);
  assert.equal(error.issues.length, 3);
});

Deno.test("readConfig() takes a redis:// REDIS_URL and names the variable otherwise", () => {
  assert.equal(readConfig({}).redisUrl, undefined);
  assert.equal(
    readConfig({ REDIS_URL: "redis://cache:6380/1" }).redisUrl,
    "redis://cache:6380/1",
  );
  assert.throws(
    () => readConfig({ REDIS_URL: "http://cache:6379" }),
    (error: unknown) =>
      error instanceof ConfigError && /REDIS_URL/.test(error.message),
  );
});

Deno.test("readConfig() reads FRAME_WORKERS and TEXT_WORKERS (default 1, 0 = on the server thread)", () => {
  assert.equal(readConfig({}).frameWorkers, 1);
  assert.equal(readConfig({ FRAME_WORKERS: "0" }).frameWorkers, 0);
  assert.equal(readConfig({ FRAME_WORKERS: "3" }).frameWorkers, 3);
  assert.equal(readConfig({}).textWorkers, 1);
  assert.equal(readConfig({ TEXT_WORKERS: "0" }).textWorkers, 0);
  assert.throws(
    () => readConfig({ FRAME_WORKERS: "65" }),
    (error: unknown) =>
      error instanceof ConfigError && /FRAME_WORKERS/.test(error.message),
  );
});

Deno.test("readConfig() reads the ONNX Runtime worker split and the first decoder window", () => {
  const defaults = readConfig({});
  assert.equal(defaults.ortLipIntraOpThreads, undefined);
  assert.equal(defaults.ortSpinning, "auto");
  assert.equal(defaults.vitsFirstWindowFrames, "auto");
  const config = readConfig({
    ORT_WORKERS: "3",
    ORT_LIP_WORKERS: "2",
    ORT_LIP_INTRA_OP_THREADS: "1",
    ORT_SPINNING: "false",
    VITS_FIRST_WINDOW_FRAMES: "20",
  });
  assert.equal(config.ortWorkers, 3);
  assert.equal(config.ortLipWorkers, 2);
  assert.equal(config.ortLipIntraOpThreads, 1);
  assert.equal(config.ortSpinning, false);
  assert.equal(config.vitsFirstWindowFrames, 20);
  assert.throws(() => readConfig({ ORT_LIP_WORKERS: "x" }), /ORT_LIP_WORKERS/);
  assert.equal(
    readConfig({ VITS_FIRST_WINDOW_FRAMES: "auto" }).vitsFirstWindowFrames,
    "auto",
  );
  for (const bad of ["0", "Auto", "8.5", "4097"]) {
    assert.throws(
      () => readConfig({ VITS_FIRST_WINDOW_FRAMES: bad }),
      /VITS_FIRST_WINDOW_FRAMES/,
      bad,
    );
  }
});
