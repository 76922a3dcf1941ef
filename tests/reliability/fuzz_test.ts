/**
 * Property-based fuzzing of every endpoint over a real server on loopback
 * (fake pipeline: the properties are about the HTTP layer). Inputs come from
 * the zod request schemas (`zod_arbitrary.ts`): valid values and hostile
 * variants, plus byte-level WAV and multipart mutations for `/v1/lipsync`.
 *
 * Properties: never a 5xx; every error is `application/problem+json` with
 * its status; a body the schema refuses is a 400 naming fields in
 * `errors[].path`; a body the schema accepts is never an `invalid-request`;
 * every 200 stream ends with its end part. `RELIABILITY_SCALE` multiplies
 * the run counts (≥ 1,000 cases at scale 1).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { createRequestSchemas } from "@lipstream/edge/schemas";
import { createTestApp } from "../support/test_app.ts";
import { hostileArbitrary, validArbitrary } from "./zod_arbitrary.ts";
import { pcm16Wav, serveLoopback, tone } from "./_loopback.ts";

const SCALE = Number(Deno.env.get("RELIABILITY_SCALE") ?? "1");
const MAX_TEXT = 200;
const schemas = createRequestSchemas({ maxTextLength: MAX_TEXT });

/** Cases run per property, for RELIABILITY.md. */
export const FUZZ_RUNS = {
  speak: 300,
  tts: 150,
  mjpeg: 100,
  lipsyncQuery: 150,
  idle: 50,
  frames: 50,
  wavBytes: 150,
  multipart: 100,
};

function runs(name: keyof typeof FUZZ_RUNS) {
  return Math.max(1, Math.round(FUZZ_RUNS[name] * SCALE));
}

/** Known ids most of the time, so valid bodies reach the pipeline. */
function withKnownIds(value: unknown, known: boolean): unknown {
  if (!known || typeof value !== "object" || value === null) return value;
  const copy = { ...(value as Record<string, unknown>) };
  if ("voice" in copy) copy.voice = "tone";
  if ("avatar" in copy) copy.avatar = "square";
  if (typeof copy.speaker === "string") copy.speaker = "alto";
  if (typeof copy.speaker === "number") copy.speaker = 0;
  if (copy.language === "ja") delete copy.language;
  return copy;
}

function input(schema: unknown) {
  return fc.tuple(
    fc.oneof(validArbitrary(schema), hostileArbitrary(schema)),
    fc.boolean(),
  ).map(([value, known]) => withKnownIds(value, known));
}

async function checkResponse(
  response: Response,
  accepted: boolean | undefined,
  label: string,
) {
  const text = await response.text();
  assert.ok(response.status < 500, `${label}: ${response.status} ${text}`);
  if (response.status >= 400) {
    assert.equal(
      response.headers.get("content-type"),
      "application/problem+json",
      label,
    );
    const problem = JSON.parse(text);
    assert.equal(problem.status, response.status, label);
    if (accepted === false) {
      assert.equal(response.status, 400, `${label}: ${text}`);
      assert.ok(problem.errors?.length > 0, `${label}: ${text}`);
      for (const error of problem.errors) assert.match(error.path, /^\//);
    }
    if (accepted === true) {
      assert.notEqual(
        problem.type,
        "urn:lipstream:problem:invalid-request",
        `${label}: ${text}`,
      );
    }
    return;
  }
  assert.ok(response.status === 200, label);
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/mixed")) {
    assert.match(text, /"type":"end"/, label);
  }
}

function encode(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

function query(value: unknown): string {
  if (typeof value !== "object" || value === null) {
    return `q=${encode(JSON.stringify(value))}`;
  }
  return Object.entries(value).map(([k, v]) =>
    `${encode(k)}=${encode(typeof v === "string" ? v : JSON.stringify(v))}`
  ).join("&");
}

Deno.test("fuzz: every endpoint holds its properties on schema-derived and hostile input", async (t) => {
  const edge = createTestApp({
    config: {
      maxTextLength: MAX_TEXT,
      maxBodyBytes: 256 * 1024,
      maxConcurrentStreams: 64,
      maxStreamsPerKey: 64,
      maxAudioSeconds: 30,
    },
  });
  const served = serveLoopback(edge.app.fetch);
  const post = (path: string, body: BodyInit, type: string) =>
    fetch(`${served.base}${path}`, {
      method: "POST",
      headers: { "Content-Type": type },
      body,
    });
  try {
    await t.step("POST /v1/speak", async () => {
      await fc.assert(
        fc.asyncProperty(input(schemas.speak), async (body) => {
          const accepted = schemas.speak.safeParse(body).success;
          const r = await post(
            "/v1/speak",
            JSON.stringify(body),
            "application/json",
          );
          await checkResponse(r, accepted, JSON.stringify(body).slice(0, 300));
        }),
        { numRuns: runs("speak") },
      );
    });
    await t.step("POST /v1/tts", async () => {
      await fc.assert(
        fc.asyncProperty(input(schemas.tts), async (body) => {
          const accepted = schemas.tts.safeParse(body).success;
          const r = await post(
            "/v1/tts",
            JSON.stringify(body),
            "application/json",
          );
          await checkResponse(r, accepted, JSON.stringify(body).slice(0, 300));
        }),
        { numRuns: runs("tts") },
      );
    });
    await t.step("GET /v1/speak.mjpeg (headers only)", async () => {
      await fc.assert(
        fc.asyncProperty(input(schemas.mjpeg), async (value) => {
          const r = await fetch(
            `${served.base}/v1/speak.mjpeg?${query(value)}`,
          );
          assert.ok(r.status < 500, `${r.status}`);
          if (r.status >= 400) await checkResponse(r, undefined, query(value));
          else await r.body?.cancel();
        }),
        { numRuns: runs("mjpeg") },
      );
    });
    const wav = pcm16Wav(16000, tone(16000, 0.2));
    await t.step("POST /v1/lipsync query", async () => {
      await fc.assert(
        fc.asyncProperty(input(schemas.lipsync), async (value) => {
          const r = await post(`/v1/lipsync?${query(value)}`, wav, "audio/wav");
          await checkResponse(r, undefined, query(value));
        }),
        { numRuns: runs("lipsyncQuery") },
      );
    });
    await t.step("GET /v1/avatars/:id/idle.jpg and frames", async () => {
      const id = fc.oneof(
        fc.constant("square"),
        fc.string({ maxLength: 40 }),
        fc.constantFrom(
          "..",
          "%2e%2e",
          "..%2f",
          "square%00",
          "square/../square",
        ),
      );
      await fc.assert(
        fc.asyncProperty(id, input(schemas.idle), async (avatar, value) => {
          const r = await fetch(
            `${served.base}/v1/avatars/${encode(avatar)}/idle.jpg?${
              query(value)
            }`,
          );
          if (r.status === 200) {
            assert.equal(r.headers.get("content-type"), "image/jpeg");
            await r.body?.cancel();
          } else await checkResponse(r, undefined, avatar);
        }),
        { numRuns: runs("idle") },
      );
      const file = fc.oneof(
        fc.nat({ max: 20 }).map((n) => `${n}.jpg`),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          "-1.jpg",
          "1e3.jpg",
          "0x1.jpg",
          "9999999.jpg",
          "../0.jpg",
        ),
      );
      await fc.assert(
        fc.asyncProperty(file, async (name) => {
          const r = await fetch(
            `${served.base}/v1/avatars/square/frames/${encode(name)}`,
          );
          if (r.status === 200) await r.body?.cancel();
          else await checkResponse(r, undefined, name);
        }),
        { numRuns: runs("frames") },
      );
    });
    await t.step("POST /v1/lipsync: byte-level WAV mutation", async () => {
      const mutation = fc.oneof(
        fc.record({
          kind: fc.constant("flip"),
          at: fc.nat({ max: wav.length - 1 }),
          value: fc.nat({ max: 255 }),
        }),
        fc.record({
          kind: fc.constant("truncate"),
          at: fc.nat({ max: wav.length }),
          value: fc.constant(0),
        }),
        fc.record({
          kind: fc.constant("field"),
          at: fc.constantFrom(4, 16, 20, 22, 24, 28, 32, 34, 40),
          value: fc.oneof(
            fc.nat(),
            fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff),
          ),
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          async (edits) => {
            let bytes = wav.slice();
            for (const edit of edits) {
              if (edit.kind === "flip") bytes[edit.at] = edit.value;
              else if (edit.kind === "truncate") {
                bytes = bytes.slice(0, edit.at);
              } else if (edit.at + 4 <= bytes.length) {
                const view = new DataView(bytes.buffer);
                if ([20, 22, 32, 34].includes(edit.at)) {
                  view.setUint16(edit.at, edit.value & 0xffff, true);
                } else view.setUint32(edit.at, edit.value >>> 0, true);
              }
            }
            const r = await post(
              "/v1/lipsync?avatar=square",
              bytes,
              "audio/wav",
            );
            assert.ok(
              [200, 400, 413].includes(r.status),
              `${r.status} ${JSON.stringify(edits)}`,
            );
            await checkResponse(r, undefined, JSON.stringify(edits));
          },
        ),
        { numRuns: runs("wavBytes") },
      );
    });
    await t.step("POST /v1/lipsync: multipart mutation", async () => {
      const boundary = "fuzzboundary42";
      const head = new TextEncoder().encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="avatar"\r\n\r\nsquare\r\n--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
      );
      const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
      const form = new Uint8Array(head.length + wav.length + tail.length);
      form.set(head);
      form.set(wav, head.length);
      form.set(tail, head.length + wav.length);
      const edit = fc.record({
        at: fc.nat({ max: form.length - 1 }),
        kind: fc.constantFrom("flip", "cut", "insert"),
        value: fc.nat({ max: 255 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(edit, { maxLength: 3 }),
          fc.boolean(),
          async (edits, goodBoundary) => {
            let bytes = form.slice();
            for (const e of edits) {
              if (e.kind === "flip") {
                bytes[Math.min(e.at, bytes.length - 1)] = e.value;
              } else if (e.kind === "cut") bytes = bytes.slice(0, e.at);
              else {
                const at = Math.min(e.at, bytes.length);
                const grown = new Uint8Array(bytes.length + 1);
                grown.set(bytes.subarray(0, at));
                grown[at] = e.value;
                grown.set(bytes.subarray(at), at + 1);
                bytes = grown;
              }
            }
            const type = `multipart/form-data; boundary=${
              goodBoundary ? boundary : "other"
            }`;
            const r = await post("/v1/lipsync", bytes, type);
            assert.ok(
              [200, 400, 413].includes(r.status),
              `${r.status} ${JSON.stringify(edits)}`,
            );
            await checkResponse(r, undefined, JSON.stringify(edits));
          },
        ),
        { numRuns: runs("multipart") },
      );
    });
    assert.equal(edge.slots.active, 0);
  } finally {
    await served.close();
  }
});
