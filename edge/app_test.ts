import assert from "node:assert/strict";
import { encodeWav } from "@lipstream/shared";
import { createTestApp } from "../tests/support/test_app.ts";

const KEY = "k".repeat(20);
const OK_SPEAK = { text: "Hello there.", voice: "tone", avatar: "square" };

interface BadCase {
  name: string;
  path?: string;
  method?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  type?: string;
  errorPath?: string;
}

const json = { "Content-Type": "application/json" };

const BAD: BadCase[] = [
  {
    name: "missing text",
    body: { voice: "tone", avatar: "square" },
    status: 400,
    errorPath: "/text",
  },
  {
    name: "missing voice",
    body: { text: "Hi.", avatar: "square" },
    status: 400,
    errorPath: "/voice",
  },
  {
    name: "missing avatar",
    body: { text: "Hi.", voice: "tone" },
    status: 400,
    errorPath: "/avatar",
  },
  {
    name: "text not a string",
    body: { ...OK_SPEAK, text: 42 },
    status: 400,
    errorPath: "/text",
  },
  {
    name: "empty text",
    body: { ...OK_SPEAK, text: "   " },
    status: 400,
    errorPath: "/text",
  },
  {
    name: "huge text",
    body: { ...OK_SPEAK, text: "a".repeat(201) },
    status: 400,
    errorPath: "/text",
  },
  {
    name: "voice path trick",
    body: { ...OK_SPEAK, voice: "../x" },
    status: 400,
    errorPath: "/voice",
  },
  {
    name: "voice with slash",
    body: { ...OK_SPEAK, voice: "a/b" },
    status: 400,
    errorPath: "/voice",
  },
  {
    name: "voice with dots",
    body: { ...OK_SPEAK, voice: "a..b" },
    status: 400,
    errorPath: "/voice",
  },
  {
    name: "avatar absolute path",
    body: { ...OK_SPEAK, avatar: "/etc/passwd" },
    status: 400,
    errorPath: "/avatar",
  },
  {
    name: "avatar backslash",
    body: { ...OK_SPEAK, avatar: "..\\x" },
    status: 400,
    errorPath: "/avatar",
  },
  {
    name: "speed too high",
    body: { ...OK_SPEAK, speed: 10 },
    status: 400,
    errorPath: "/speed",
  },
  {
    name: "speed a string",
    body: { ...OK_SPEAK, speed: "fast" },
    status: 400,
    errorPath: "/speed",
  },
  {
    name: "negative noise_scale",
    body: { ...OK_SPEAK, noise_scale: -1 },
    status: 400,
    errorPath: "/noise_scale",
  },
  {
    name: "noise_scale_w too high",
    body: { ...OK_SPEAK, noise_scale_w: 3 },
    status: 400,
    errorPath: "/noise_scale_w",
  },
  {
    name: "fps zero",
    body: { ...OK_SPEAK, fps: 0 },
    status: 400,
    errorPath: "/fps",
  },
  {
    name: "fps fractional",
    body: { ...OK_SPEAK, fps: 12.5 },
    status: 400,
    errorPath: "/fps",
  },
  {
    name: "jpeg_quality 101",
    body: { ...OK_SPEAK, jpeg_quality: 101 },
    status: 400,
    errorPath: "/jpeg_quality",
  },
  {
    name: "audio_format unknown",
    body: { ...OK_SPEAK, audio_format: "mp3" },
    status: 400,
    errorPath: "/audio_format",
  },
  {
    name: "language unknown",
    body: { ...OK_SPEAK, language: "xx" },
    status: 400,
    errorPath: "/language",
  },
  { name: "unknown field", body: { ...OK_SPEAK, volume: 2 }, status: 400 },
  { name: "body is an array", body: [OK_SPEAK], status: 400 },
  { name: "body is null", body: null, status: 400 },
  {
    name: "bad JSON",
    raw: '{"text": ',
    status: 400,
    type: "urn:lipstream:problem:malformed-json",
  },
  {
    name: "wrong content type",
    raw: JSON.stringify(OK_SPEAK),
    headers: { "Content-Type": "text/plain" },
    status: 415,
  },
  {
    name: "no content type",
    raw: JSON.stringify(OK_SPEAK),
    headers: {},
    status: 415,
  },
  {
    name: "oversized body",
    raw: JSON.stringify({ ...OK_SPEAK, text: "a".repeat(5000) }),
    status: 413,
  },
  {
    name: "unknown voice",
    body: { ...OK_SPEAK, voice: "nobody" },
    status: 404,
    type: "urn:lipstream:problem:unknown-voice",
  },
  {
    name: "unknown avatar",
    body: { ...OK_SPEAK, avatar: "nobody" },
    status: 404,
    type: "urn:lipstream:problem:unknown-avatar",
  },
  {
    name: "unknown speaker name",
    body: { ...OK_SPEAK, speaker: "tenor" },
    status: 404,
    type: "urn:lipstream:problem:unknown-speaker",
  },
  {
    name: "speaker id out of range",
    body: { ...OK_SPEAK, speaker: 5 },
    status: 404,
  },
  {
    name: "unsupported language for voice",
    body: { ...OK_SPEAK, language: "ja" },
    status: 400,
    type: "urn:lipstream:problem:unsupported-language",
  },
  {
    name: "tts missing format",
    path: "/v1/tts",
    body: { text: "Hi.", voice: "tone" },
    status: 400,
    errorPath: "/format",
  },
  {
    name: "tts bad format",
    path: "/v1/tts",
    body: { text: "Hi.", voice: "tone", format: "mp3" },
    status: 400,
    errorPath: "/format",
  },
  {
    name: "tts unknown voice",
    path: "/v1/tts",
    body: { text: "Hi.", voice: "x", format: "wav" },
    status: 404,
  },
  {
    name: "mjpeg missing text",
    path: "/v1/speak.mjpeg?voice=tone&avatar=square",
    method: "GET",
    status: 400,
    errorPath: "/text",
  },
  {
    name: "mjpeg fps not a number",
    path: "/v1/speak.mjpeg?text=Hi.&voice=tone&avatar=square&fps=abc",
    method: "GET",
    status: 400,
    errorPath: "/fps",
  },
  {
    name: "mjpeg path trick",
    path: "/v1/speak.mjpeg?text=Hi.&voice=..%2Fx&avatar=square",
    method: "GET",
    status: 400,
    errorPath: "/voice",
  },
  {
    name: "session with slash",
    body: { ...OK_SPEAK, session: "a/b" },
    status: 400,
    errorPath: "/session",
  },
  {
    name: "session not a string",
    body: { ...OK_SPEAK, session: 7 },
    status: 400,
    errorPath: "/session",
  },
  {
    name: "mjpeg session too long",
    path: `/v1/speak.mjpeg?text=Hi.&voice=tone&avatar=square&session=${
      "s".repeat(129)
    }`,
    method: "GET",
    status: 400,
    errorPath: "/session",
  },
  {
    name: "idle frame session path trick",
    path: "/v1/avatars/square/idle.jpg?session=..",
    method: "GET",
    status: 400,
    errorPath: "/session",
  },
  {
    name: "idle frame unknown query",
    path: "/v1/avatars/square/idle.jpg?frame=3",
    method: "GET",
    status: 400,
  },
  {
    name: "idle_position negative",
    body: { ...OK_SPEAK, idle_position: -1 },
    status: 400,
    errorPath: "/idle_position",
  },
  {
    name: "idle_position fractional",
    body: { ...OK_SPEAK, idle_position: 1.5 },
    status: 400,
    errorPath: "/idle_position",
  },
  {
    name: "mjpeg idle_position not a number",
    path: "/v1/speak.mjpeg?text=Hi.&voice=tone&avatar=square&idle_position=x",
    method: "GET",
    status: 400,
    errorPath: "/idle_position",
  },
  {
    name: "avatar frame out of range",
    path: "/v1/avatars/square/frames/1.jpg",
    method: "GET",
    status: 404,
    type: "urn:lipstream:problem:unknown-frame",
  },
  {
    name: "avatar frame not a number",
    path: "/v1/avatars/square/frames/first.jpg",
    method: "GET",
    status: 404,
  },
  {
    name: "avatar frame of an unknown avatar",
    path: "/v1/avatars/nobody/frames/0.jpg",
    method: "GET",
    status: 404,
  },
  {
    name: "delete unknown utterance",
    path: "/v1/utterances/nope",
    method: "DELETE",
    status: 404,
  },
  { name: "unknown endpoint", path: "/v2/speak", method: "GET", status: 404 },
];

Deno.test("bad requests get the right status and a problem+json body", async (t) => {
  assert.ok(BAD.length >= 30);
  const { app } = createTestApp();
  for (const bad of BAD) {
    await t.step(bad.name, async () => {
      const init: RequestInit = {
        method: bad.method ?? "POST",
        headers: bad.headers ?? json,
      };
      if (bad.raw !== undefined) init.body = bad.raw;
      else if ("body" in bad) init.body = JSON.stringify(bad.body);
      const response = await app.request(bad.path ?? "/v1/speak", init);
      assert.equal(response.status, bad.status);
      assert.equal(
        response.headers.get("content-type"),
        "application/problem+json",
      );
      const problem = await response.json();
      assert.equal(problem.status, bad.status);
      assert.equal(typeof problem.title, "string");
      assert.equal(typeof problem.request_id, "string");
      assert.equal(problem.request_id, response.headers.get("x-request-id"));
      assert.equal(JSON.stringify(problem).includes("    at "), false); // no stack
      if (bad.type) assert.equal(problem.type, bad.type);
      if (bad.errorPath) {
        assert.ok(
          problem.errors.some((e: { path: string }) =>
            e.path === bad.errorPath
          ),
          JSON.stringify(problem.errors),
        );
      }
    });
  }
});

Deno.test("every streaming route hands the request's session to the lip-sync service", async () => {
  const { app, stats } = createTestApp();
  const wav = encodeWav(new Float32Array(1600), {
    sampleRateHz: 16000,
    format: "pcm16",
  });
  const requests: [string, RequestInit?][] = [
    ["/v1/speak", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ ...OK_SPEAK, session: "conv-1" }),
    }],
    ["/v1/speak", {
      method: "POST",
      headers: json,
      body: JSON.stringify(OK_SPEAK),
    }],
    ["/v1/lipsync?avatar=square&session=conv.2", {
      method: "POST",
      headers: { "Content-Type": "audio/wav" },
      body: wav,
    }],
    ["/v1/speak.mjpeg?text=Hi.&voice=tone&avatar=square&session=conv_3"],
  ];
  for (const [path, init] of requests) {
    const response = await app.request(path, init);
    assert.equal(response.status, 200, path);
    await response.arrayBuffer();
  }
  assert.deepEqual(stats.sessions, ["conv-1", undefined, "conv.2", "conv_3"]);
  const frame = await app.request("/v1/avatars/square/frames/0.jpg");
  assert.equal(frame.status, 200);
  assert.equal(frame.headers.get("content-type"), "image/jpeg");
  await frame.body?.cancel();
  const idle = await app.request("/v1/avatars/square/idle.jpg?session=conv-1");
  assert.equal(idle.status, 200);
  assert.equal(idle.headers.get("cache-control"), "private, no-store");
  await idle.body?.cancel();
});

Deno.test("API keys: 401 without a valid Bearer key, 200 with one", async () => {
  const { app, logs } = createTestApp({ config: { apiKeys: [KEY] } });
  const none = await app.request("/v1/voices");
  assert.equal(none.status, 401);
  assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);
  const wrong = await app.request("/v1/voices", {
    headers: { Authorization: `Bearer ${"x".repeat(20)}` },
  });
  assert.equal(wrong.status, 401);
  const ok = await app.request("/v1/voices", {
    headers: { Authorization: `Bearer ${KEY}` },
  });
  assert.equal(ok.status, 200);
  assert.deepEqual((await ok.json()).voices[0].speakers, ["alto", "bass"]);
  assert.equal(JSON.stringify(logs).includes(KEY), false);
  const health = await app.request("/healthz");
  assert.equal(health.status, 200);
});

Deno.test("METRICS_REQUIRE_KEY: /metrics needs a key only when asked", async () => {
  const open = createTestApp({ config: { apiKeys: [KEY] } });
  assert.equal((await open.app.request("/metrics")).status, 200);
  const { app } = createTestApp({
    config: { apiKeys: [KEY], metricsRequireKey: true },
  });
  const none = await app.request("/metrics");
  assert.equal(none.status, 401);
  await none.body?.cancel();
  const ok = await app.request("/metrics", {
    headers: { Authorization: `Bearer ${KEY}` },
  });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /lipstream_/);
});

Deno.test("request ids: a safe incoming id is kept, an unsafe one replaced, logs carry it", async () => {
  const { app, logs } = createTestApp();
  const kept = await app.request("/healthz", {
    headers: { "X-Request-Id": "abc-123" },
  });
  assert.equal(kept.headers.get("x-request-id"), "abc-123");
  assert.ok(
    logs.some((line) => line.request_id === "abc-123" && line.status === 200),
  );
  const replaced = await app.request("/healthz", {
    headers: { "X-Request-Id": "bad id\twith tab" },
  });
  assert.match(replaced.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
});

Deno.test("CORS: allowed origin is echoed, preflight answered", async () => {
  const { app } = createTestApp({
    config: { corsOrigins: ["https://app.example"] },
  });
  const preflight = await app.request("/v1/speak", {
    method: "OPTIONS",
    headers: {
      Origin: "https://app.example",
      "Access-Control-Request-Method": "POST",
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(
    preflight.headers.get("access-control-allow-origin"),
    "https://app.example",
  );
  const other = await app.request("/healthz", {
    headers: { Origin: "https://evil.example" },
  });
  assert.equal(other.headers.get("access-control-allow-origin"), null);
});

Deno.test("/readyz is 503 with Retry-After when the backend is not ready", async () => {
  const ready = await createTestApp().app.request("/readyz");
  assert.equal(ready.status, 200);
  const notReady = await createTestApp({ ready: false }).app.request("/readyz");
  assert.equal(notReady.status, 503);
  assert.equal(notReady.headers.get("retry-after"), "7");
  assert.equal((await notReady.json()).checks.backend.ok, false);
});

Deno.test("backend unavailable before audio → 503 + Retry-After; timeout → 504", async () => {
  const { InferenceError } = await import("@lipstream/shared");
  const down = createTestApp({
    failAt: { sentence: 0, error: new InferenceError("unavailable", "down") },
  });
  const response = await down.app.request("/v1/speak", {
    method: "POST",
    headers: json,
    body: JSON.stringify(OK_SPEAK),
  });
  assert.equal(response.status, 503);
  assert.equal(response.headers.get("retry-after"), "5");
  assert.equal(down.slots.active, 0);
  const slow = createTestApp({
    sentenceDelayMs: 300,
    config: { backendTimeoutMs: 100 },
  });
  const timeout = await slow.app.request("/v1/speak", {
    method: "POST",
    headers: json,
    body: JSON.stringify(OK_SPEAK),
  });
  assert.equal(timeout.status, 504);
  assert.equal(
    (await timeout.json()).type,
    "urn:lipstream:problem:backend-timeout",
  );
  assert.equal(slow.slots.active, 0);
});

Deno.test("POST /v1/tts returns WAV bytes or a data URI", async () => {
  const { app } = createTestApp();
  const body = { text: "One two. Three.", voice: "tone" };
  const wav = await app.request("/v1/tts", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ ...body, format: "wav" }),
  });
  assert.equal(wav.headers.get("content-type"), "audio/wav");
  const bytes = new Uint8Array(await wav.arrayBuffer());
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 4)), "RIFF");
  assert.equal(bytes.length, 44 + 3 * 640 * 2);
  const data = await app.request("/v1/tts", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ ...body, format: "json" }),
  });
  const result = await data.json();
  assert.equal(result.sample_rate, 16000);
  assert.equal(result.duration_ms, 120);
  assert.match(result.audio, /^data:audio\/wav;base64,UklGR/);
});

Deno.test("/openapi.json carries the zod bounds; /docs is HTML", async () => {
  const { app } = createTestApp();
  const doc = await (await app.request("/openapi.json")).json();
  const speak = doc.components.schemas.SpeakRequest;
  assert.deepEqual(speak.required.sort(), ["avatar", "text", "voice"]);
  assert.equal(speak.properties.text.maxLength, 200);
  assert.equal(speak.properties.jpeg_quality.maximum, 100);
  assert.ok(doc.paths["/v1/speak.mjpeg"].get.parameters.length >= 3);
  // The session field and query parameter carry the id pattern.
  assert.ok(speak.properties.session.pattern);
  const idle = doc.paths["/v1/avatars/{id}/idle.jpg"].get.parameters;
  // `token`: a media token, for an <img src> that cannot send the key.
  assert.deepEqual(idle.map((p: { name: string }) => p.name), [
    "id",
    "session",
    "token",
  ]);
  const docs = await app.request("/docs");
  assert.match(docs.headers.get("content-type") ?? "", /text\/html/);
});

Deno.test("/metrics counts requests by route pattern and status", async () => {
  const { app } = createTestApp();
  await app.request("/healthz");
  await app.request("/v1/utterances/abc", { method: "DELETE" });
  const text = await (await app.request("/metrics")).text();
  assert.match(
    text,
    /^lipstream_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1$/m,
  );
  assert.match(text, /route="\/v1\/utterances\/:id",status="404"/);
  assert.match(text, /^lipstream_in_flight_streams 0$/m);
});
