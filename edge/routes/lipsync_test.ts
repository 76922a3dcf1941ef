import assert from "node:assert/strict";
import { parseMultipartStream } from "@remix-run/multipart-parser";
import { encodeWav } from "@lipstream/shared";
import { createTestApp } from "../../tests/support/test_app.ts";

Deno.test.sanitizer({ ops: true, resources: true });

/** 2.5 s of a 220 Hz tone at 16 kHz as float32 WAV bytes. */
function toneWav(seconds = 2.5, sampleRateHz = 16000): Uint8Array<ArrayBuffer> {
  const samples = Float32Array.from(
    { length: Math.round(seconds * sampleRateHz) },
    (_, i) => 0.4 * Math.sin(2 * Math.PI * 220 * i / sampleRateHz),
  );
  return encodeWav(samples, { sampleRateHz, format: "float32" });
}

async function parts(response: Response) {
  const boundary = /boundary=(\S+)$/.exec(
    response.headers.get("content-type") ?? "",
  )?.[1];
  assert.ok(boundary, response.headers.get("content-type") ?? "");
  const out = [];
  for await (const part of parseMultipartStream(response.body!, { boundary })) {
    out.push({
      type: part.headers["content-type"] ?? "",
      headers: part.headers,
      text: /json/.test(part.headers["content-type"] ?? "") ? part.text : "",
    });
  }
  return out;
}

Deno.test("POST /v1/lipsync streams the upload back as one WAV part per second with its frames", async () => {
  const edge = createTestApp({ config: { maxBodyBytes: 1 << 20 } });
  const response = await edge.app.request("/v1/lipsync?avatar=square&fps=25", {
    method: "POST",
    headers: { "Content-Type": "audio/wav" },
    body: toneWav(),
  });
  assert.equal(response.status, 200);
  const all = await parts(response);
  const start = JSON.parse(all[0]!.text);
  assert.equal(start.type, "start");
  assert.equal(start.sample_rate, 16000);
  const wavs = all.filter((p) => p.type === "audio/wav");
  assert.deepEqual(wavs.map((p) => p.headers["x-sample-start"]), [
    "0",
    "16000",
    "32000",
  ]);
  const frames = all.filter((p) => p.type === "image/jpeg");
  // 2.5 s at 25 fps.
  assert.equal(frames.length, 63);
  assert.equal(JSON.parse(all.at(-1)!.text).type, "end");
});

Deno.test("POST /v1/lipsync accepts multipart/form-data with the file in 'audio'", async () => {
  const edge = createTestApp({ config: { maxBodyBytes: 1 << 20 } });
  const form = new FormData();
  form.set("avatar", "square");
  form.set("fps", "10");
  form.set("audio", new Blob([toneWav(1)], { type: "audio/wav" }), "a.wav");
  const response = await edge.app.request("/v1/lipsync", {
    method: "POST",
    body: form,
  });
  assert.equal(response.status, 200);
  const all = await parts(response);
  assert.equal(all.filter((p) => p.type === "image/jpeg").length, 10);
});

Deno.test("POST /v1/lipsync rejects bad uploads with a problem naming the field", async () => {
  const edge = createTestApp({ config: { maxBodyBytes: 1 << 20 } });
  const cases: [string, RequestInit, number, string][] = [
    [
      "/v1/lipsync?avatar=square",
      {
        headers: { "Content-Type": "audio/wav" },
        body: new TextEncoder().encode("RIFF....WAVEnope"),
      },
      400,
      "/audio",
    ],
    [
      "/v1/lipsync?avatar=square",
      {
        headers: { "Content-Type": "audio/wav" },
        body: toneWav().subarray(0, 30),
      },
      400,
      "/audio",
    ],
    [
      "/v1/lipsync?avatar=square&fps=500",
      {
        headers: { "Content-Type": "audio/wav" },
        body: toneWav(),
      },
      400,
      "/fps",
    ],
    [
      "/v1/lipsync",
      {
        headers: { "Content-Type": "audio/wav" },
        body: toneWav(),
      },
      400,
      "/avatar",
    ],
    [
      "/v1/lipsync?avatar=..%2Fetc",
      {
        headers: { "Content-Type": "audio/wav" },
        body: toneWav(),
      },
      400,
      "/avatar",
    ],
    [
      "/v1/lipsync?avatar=square",
      (() => {
        const form = new FormData();
        form.set("audio", "not a file");
        return { body: form };
      })(),
      400,
      "/audio",
    ],
  ];
  for (const [url, init, status, path] of cases) {
    const response = await edge.app.request(url, { method: "POST", ...init });
    assert.equal(response.status, status, url);
    assert.equal(
      response.headers.get("content-type"),
      "application/problem+json",
    );
    const body = await response.json();
    assert.ok(
      body.errors?.some((e: { path: string }) => e.path === path),
      `${url}: ${JSON.stringify(body)}`,
    );
  }
  const unknown = await edge.app.request("/v1/lipsync?avatar=nobody", {
    method: "POST",
    headers: { "Content-Type": "audio/wav" },
    body: toneWav(),
  });
  assert.equal(unknown.status, 404);
  await unknown.body?.cancel();
  const wrongType = await edge.app.request("/v1/lipsync?avatar=square", {
    method: "POST",
    headers: { "Content-Type": "text/plain" },
    body: "hello",
  });
  assert.equal(wrongType.status, 415);
  await wrongType.body?.cancel();
  const tooLarge = await createTestApp({ config: { maxBodyBytes: 4096 } }).app
    .request("/v1/lipsync?avatar=square", {
      method: "POST",
      headers: { "Content-Type": "audio/wav" },
      body: toneWav(),
    });
  assert.equal(tooLarge.status, 413);
  await tooLarge.body?.cancel();
  assert.equal(edge.slots.active, 0);
});
