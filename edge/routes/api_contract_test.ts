/**
 * Every status the contracts document, produced by a real request on the
 * app: each (operation, status) pair has a request below that answers it
 * with one of the documented media types and, for JSON, a body the
 * documented zod schema accepts; a request whose status is not documented
 * fails the test too.
 */
import assert from "node:assert/strict";
import { z } from "zod";
import { encodeWav, InferenceError } from "@lipstream/shared";
import { type AppConfig, createApp } from "@lipstream/edge/app";
import { createJsonLogger } from "@lipstream/edge/log";
import { createRequestSchemas } from "@lipstream/edge/schemas";
import { decodeWavMono } from "@lipstream/shared";
import {
  createFakeStats,
  createFixedReadiness,
  createSolidLipSyncService,
  createToneSpeechService,
  type FakeOptions,
} from "../../tests/support/fake_pipeline.ts";
import { TEST_CONFIG } from "../../tests/support/test_app.ts";
import { TextFrontEndError } from "../text/text_front_end_error.ts";
import { apiRoutes } from "./api_contract.ts";
import { memorySharedStore } from "../store/memory_shared_store.ts";
import {
  type SharedStore,
  SharedStoreUnavailableError,
} from "../store/shared_store.ts";

Deno.test.sanitizer({ ops: true, resources: true });

const KEY = "k".repeat(20);
const SPEAK = { text: "Hello there.", voice: "tone", avatar: "square" };
const TTS = { text: "Hello there.", voice: "tone", format: "json" };
const MJPEG = "/v1/speak.mjpeg?text=Hi.&voice=tone&avatar=square";
const JSON_TYPE = { "Content-Type": "application/json" };

interface Scenario {
  config?: Partial<AppConfig>;
  fakes?: FakeOptions;
  ready?: boolean;
  /** Makes the lip-sync backend fail with this error. */
  lipSyncError?: Error;
  /** Holds the only stream slot open while the request runs. */
  holdSlot?: boolean;
  /** Drains the server before the request. */
  draining?: boolean;
  /** The replicas' shared store. */
  store?: SharedStore;
  /** The request; `path` alone is a GET. */
  request: (app: TestServer) => Promise<Response>;
}

interface TestServer {
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
}

function app(scenario: Scenario) {
  const stats = createFakeStats();
  const lipSync = createSolidLipSyncService(stats, scenario.fakes);
  const error = scenario.lipSyncError;
  const edge = createApp({
    config: {
      ...TEST_CONFIG,
      ...(scenario.holdSlot ? { maxConcurrentStreams: 1 } : {}),
      ...scenario.config,
    },
    speech: createToneSpeechService(stats, scenario.fakes),
    lipSync: error
      ? { ...lipSync, open: () => Promise.reject(error) }
      : lipSync,
    readiness: createFixedReadiness(scenario.ready ?? true),
    encodeWav,
    decodeWav: decodeWavMono,
    log: createJsonLogger({ level: "error", write: () => {} }),
    ...(scenario.store === undefined ? {} : { store: scenario.store }),
  });
  return edge;
}

/** A shared store whose Redis cannot be reached. */
function unreachableStore(): SharedStore {
  return {
    ...memorySharedStore(),
    kind: "redis",
    cancels: {
      announce: () => Promise.resolve(),
      withdraw: () => Promise.resolve(),
      cancel: () => Promise.reject(new SharedStoreUnavailableError()),
      listen: () => Promise.resolve(),
    },
  };
}

const post = (body: unknown, headers: HeadersInit = JSON_TYPE) => ({
  method: "POST",
  headers,
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const wav = () =>
  encodeWav(new Float32Array(1600), { sampleRateHz: 16000, format: "pcm16" });

/** A body that never finishes arriving. */
function stalledBody(init: RequestInit = {}): RequestInit {
  return {
    ...init,
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
      },
    }),
    duplex: "half",
  } as RequestInit;
}

const backend = (
  kind: "unsupported" | "internal" | "unavailable" | "timeout",
) => new InferenceError(kind, `backend ${kind}`);

/** The requests that make each route answer each status, by operation id. */
function scenarios(): Record<string, Record<number, Scenario>> {
  const failing = (request: Scenario["request"]) => ({
    501: {
      fakes: { failAt: { sentence: 0, error: backend("unsupported") } },
      request,
    },
    502: {
      fakes: { failAt: { sentence: 0, error: backend("internal") } },
      request,
    },
    503: {
      fakes: { failAt: { sentence: 0, error: backend("unavailable") } },
      request,
    },
    504: {
      fakes: { failAt: { sentence: 0, error: backend("timeout") } },
      request,
    },
  });
  const nothingToSpeak = new TextFrontEndError("nothing_to_speak", {
    field: "text",
    message: "Nothing to speak",
  });
  const keyed = { config: { apiKeys: [KEY] } };
  const speak = (body: unknown, headers?: HeadersInit) => (s: TestServer) =>
    s.fetch("/v1/speak", post(body, headers));
  const tts = (body: unknown, headers?: HeadersInit) => (s: TestServer) =>
    s.fetch("/v1/tts", post(body, headers));
  const lipsync =
    (query: string, body: BodyInit, type = "audio/wav") => (s: TestServer) =>
      s.fetch(`/v1/lipsync${query}`, {
        method: "POST",
        headers: { "Content-Type": type },
        body,
      });
  const get = (path: string) => (s: TestServer) => s.fetch(path);
  return {
    speak: {
      200: { request: speak(SPEAK) },
      400: { request: speak({ ...SPEAK, text: 42 }) },
      401: { ...keyed, request: speak(SPEAK) },
      404: { request: speak({ ...SPEAK, voice: "nope" }) },
      408: {
        config: { bodyReadTimeoutMs: 50 },
        request: (s) =>
          s.fetch("/v1/speak", stalledBody({ headers: JSON_TYPE })),
      },
      413: { request: speak({ ...SPEAK, text: "a".repeat(5000) }) },
      415: { request: speak("text", { "Content-Type": "text/plain" }) },
      422: {
        fakes: { failAt: { sentence: 0, error: nothingToSpeak } },
        request: speak(SPEAK),
      },
      429: { holdSlot: true, request: speak(SPEAK) },
      ...failing(speak(SPEAK)),
    },
    cancelUtterance: {
      204: {
        request: async (s) => {
          const stream = await s.fetch("/v1/speak", post(SPEAK));
          const id = stream.headers.get("x-utterance-id");
          const response = await s.fetch(`/v1/utterances/${id}`, {
            method: "DELETE",
          });
          await stream.body?.cancel();
          return response;
        },
      },
      401: {
        ...keyed,
        request: (s) => s.fetch("/v1/utterances/x", { method: "DELETE" }),
      },
      404: {
        request: (s) => s.fetch("/v1/utterances/x", { method: "DELETE" }),
      },
      503: {
        store: unreachableStore(),
        request: (s) => s.fetch("/v1/utterances/x", { method: "DELETE" }),
      },
    },
    tts: {
      200: { request: tts(TTS) },
      400: { request: tts({ ...TTS, format: "mp3" }) },
      401: { ...keyed, request: tts(TTS) },
      404: { request: tts({ ...TTS, voice: "nope" }) },
      408: {
        config: { bodyReadTimeoutMs: 50 },
        request: (s) => s.fetch("/v1/tts", stalledBody({ headers: JSON_TYPE })),
      },
      413: { config: { maxAudioSeconds: 0.01 }, request: tts(TTS) },
      415: { request: tts("text", { "Content-Type": "text/plain" }) },
      422: {
        fakes: { failAt: { sentence: 0, error: nothingToSpeak } },
        request: tts(TTS),
      },
      429: { holdSlot: true, request: tts(TTS) },
      ...failing(tts(TTS)),
    },
    lipsync: {
      200: { request: lipsync("?avatar=square", wav()) },
      400: { request: lipsync("", wav()) },
      401: { ...keyed, request: lipsync("?avatar=square", wav()) },
      404: { request: lipsync("?avatar=nope", wav()) },
      408: {
        config: { bodyReadTimeoutMs: 50 },
        request: (s) =>
          s.fetch(
            "/v1/lipsync?avatar=square",
            stalledBody({ headers: { "Content-Type": "audio/wav" } }),
          ),
      },
      413: { request: lipsync("?avatar=square", new Uint8Array(5000)) },
      415: { request: lipsync("?avatar=square", "x", "text/plain") },
      429: { holdSlot: true, request: lipsync("?avatar=square", wav()) },
      501: {
        lipSyncError: backend("unsupported"),
        request: lipsync("?avatar=square", wav()),
      },
      502: {
        lipSyncError: backend("internal"),
        request: lipsync("?avatar=square", wav()),
      },
      503: { draining: true, request: lipsync("?avatar=square", wav()) },
      504: {
        lipSyncError: backend("timeout"),
        request: lipsync("?avatar=square", wav()),
      },
    },
    speakMjpeg: {
      200: { request: get(MJPEG) },
      400: { request: get("/v1/speak.mjpeg?voice=tone&avatar=square") },
      401: { ...keyed, request: get(MJPEG) },
      404: { request: get(MJPEG.replace("avatar=square", "avatar=nope")) },
      413: { config: { maxAudioSeconds: 0.01 }, request: get(MJPEG) },
      422: {
        fakes: { failAt: { sentence: 0, error: nothingToSpeak } },
        request: get(MJPEG),
      },
      429: { holdSlot: true, request: get(MJPEG) },
      ...failing(get(MJPEG)),
    },
    listVoices: {
      200: { request: get("/v1/voices") },
      401: { ...keyed, request: get("/v1/voices") },
    },
    listAvatars: {
      200: { request: get("/v1/avatars") },
      401: { ...keyed, request: get("/v1/avatars") },
    },
    getIdleFrame: {
      200: { request: get("/v1/avatars/square/idle.jpg?session=s1") },
      400: { request: get("/v1/avatars/square/idle.jpg?seek=1") },
      401: { ...keyed, request: get("/v1/avatars/square/idle.jpg") },
      404: { request: get("/v1/avatars/nope/idle.jpg") },
    },
    getAvatarFrame: {
      200: { request: get("/v1/avatars/square/frames/0.jpg") },
      401: { ...keyed, request: get("/v1/avatars/square/frames/0.jpg") },
      404: { request: get("/v1/avatars/square/frames/first.jpg") },
    },
    healthz: { 200: { request: get("/healthz") } },
    readyz: {
      200: { request: get("/readyz") },
      503: { ready: false, request: get("/readyz") },
    },
    mintMediaToken: {
      200: {
        ...keyed,
        request: (s) =>
          s.fetch("/v1/media-token", {
            method: "POST",
            headers: { Authorization: `Bearer ${KEY}` },
          }),
      },
      401: {
        ...keyed,
        request: (s) => s.fetch("/v1/media-token", { method: "POST" }),
      },
    },
    metrics: {
      200: { request: get("/metrics") },
      401: {
        config: { apiKeys: [KEY], metricsRequireKey: true },
        request: get("/metrics"),
      },
    },
  };
}

/** Runs one scenario on a fresh app and returns its response. */
async function run(scenario: Scenario): Promise<Response> {
  const edge = app(scenario);
  const server: TestServer = {
    fetch: async (path, init) => await edge.app.request(path, init),
  };
  let held: Response | undefined;
  if (scenario.holdSlot) {
    held = await server.fetch("/v1/speak", post(SPEAK));
    assert.equal(held.status, 200);
  }
  if (scenario.draining) void edge.drain.run(1000);
  try {
    return await scenario.request(server);
  } finally {
    await held?.body?.cancel();
  }
}

const routes = apiRoutes(createRequestSchemas(TEST_CONFIG));
const table = scenarios();

Deno.test("every documented status has a request that produces it, and every such request's status is documented", () => {
  const documented = routes.flatMap((route) =>
    Object.keys(route.responses).map((status) =>
      `${route.operationId} ${status}`
    )
  ).sort();
  const produced = Object.entries(table).flatMap(([id, byStatus]) =>
    Object.keys(byStatus).map((status) => `${id} ${status}`)
  ).sort();
  assert.deepEqual(produced, documented);
});

for (const route of routes) {
  Deno.test(`${route.method.toUpperCase()} ${route.path} answers each documented status with its documented media type`, async () => {
    for (
      const [status, scenario] of Object.entries(table[route.operationId] ?? {})
    ) {
      const response = await run(scenario);
      const label = `${route.operationId} ${status}`;
      const body = await response.bytes();
      assert.equal(
        response.status,
        Number(status),
        `${label}: ${new TextDecoder().decode(body.subarray(0, 300))}`,
      );
      const documented = (route.responses as Record<
        string,
        { content?: Record<string, { schema?: unknown }> }
      >)[status]!;
      const type = response.headers.get("content-type");
      if (documented.content === undefined) {
        assert.equal(body.length, 0, label);
        continue;
      }
      const essence = (value: string) =>
        value.split(";")[0]!.trim().toLowerCase();
      const media = Object.entries(documented.content).find(([key]) =>
        essence(key) === essence(type ?? "")
      );
      assert.ok(
        media,
        `${label}: ${type} is not one of ${Object.keys(documented.content)}`,
      );
      if (/json/.test(media[0]) && media[1].schema instanceof z.ZodType) {
        media[1].schema.parse(JSON.parse(new TextDecoder().decode(body)));
      }
    }
  });
}
