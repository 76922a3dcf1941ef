/**
 * The out-of-the-box server with the demo voice, end to end: the real edge
 * with its defaults (embedded ONNX Runtime, the generated fixture models, the
 * drawn demo avatar) on loopback, no voice model configured. The catalog
 * preselects `demo_espeak` and marks it demo, `/v1/speak` streams its speech
 * with frames, and `/v1/tts` returns a WAV that ffprobe reads. Needs
 * `deno task setup` (the README's test command runs it).
 *
 * @module
 */
import assert from "node:assert/strict";
import { decodeWavMono } from "@lipstream/shared";
import { withEdgeServer } from "./support/edge_server.ts";
import { ffprobeStream } from "./support/ffprobe.ts";
import { partJson, readParts } from "./support/multipart_parts.ts";

function post(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

Deno.test("demo voice server: the catalog lists demo_espeak first, marked demo, and the fixture as fixture", async () => {
  await withEdgeServer({}, async (base) => {
    const { voices } = await (await fetch(`${base}/v1/voices`)).json();
    assert.deepEqual(voices[0], {
      id: "demo_espeak",
      kind: "espeak",
      languages: voices[0].languages,
      speakers: [],
      num_speakers: 1,
      sample_rate: 22050,
      fixture: false,
      demo: true,
    });
    assert.equal(voices[0].languages[0], "en");
    const fixture = voices.find((v: { id: string }) => v.id === "fixture_vits");
    assert.equal(fixture?.fixture, true);
    assert.equal(fixture?.demo, false);
  });
});

Deno.test("demo voice server: /v1/speak streams the demo voice's speech and a frame per 40 ms", async () => {
  await withEdgeServer({}, async (base) => {
    const parts = await readParts(
      await post(base, "/v1/speak", {
        text: "Hello there. This is the demo voice speaking real words.",
        voice: "demo_espeak",
        avatar: "demo",
      }),
    );
    const start = partJson(parts[0]!);
    assert.equal(start.type, "start");
    assert.equal(start.sample_rate, 22050);
    const end = partJson(parts.at(-1)!);
    assert.equal(end.type, "end", JSON.stringify(end));
    const wavs = parts.filter((p) => p.headers["content-type"] === "audio/wav");
    const jpegs = parts.filter((p) =>
      p.headers["content-type"] === "image/jpeg"
    );
    assert.equal(wavs.length, 2, "one WAV part per sentence");
    let samples = 0;
    let peak = 0;
    for (const wav of wavs) {
      const stream = await ffprobeStream(
        wav.bytes,
        "stream=codec_name,sample_rate,channels,duration_ts",
      );
      assert.equal(stream.codec_name, "pcm_s16le");
      assert.equal(stream.sample_rate, "22050");
      samples += stream.duration_ts;
      for (const sample of decodeWavMono(wav.bytes).samples) {
        peak = Math.max(peak, Math.abs(sample));
      }
    }
    // Ten words: eSpeak takes about 3 s; a tone fixture would be ~1 s.
    assert.ok(samples > 2 * 22050 && samples < 6 * 22050, `${samples}`);
    assert.ok(peak > 0.1, `peak ${peak}: speech, not silence`);
    assert.equal(jpegs.length, Math.ceil(samples * 25 / 22050));
    assert.equal(end.frames, jpegs.length);
    // The lips move: the frames are not all the same picture.
    const distinct = new Set(jpegs.map((p) => p.bytes.join(",")));
    assert.ok(distinct.size > jpegs.length / 4, `${distinct.size} distinct`);
  });
});

Deno.test("demo voice server: /v1/tts returns a WAV ffprobe reads, as long as the words take", async () => {
  await withEdgeServer({}, async (base) => {
    const response = await post(base, "/v1/tts", {
      text: "The demo voice reads this sentence aloud.",
      voice: "demo_espeak",
      format: "wav",
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get("content-type"), "audio/wav");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const stream = await ffprobeStream(
      bytes,
      "stream=codec_name,sample_rate,channels,duration",
    );
    assert.equal(stream.codec_name, "pcm_s16le");
    assert.equal(stream.sample_rate, "22050");
    assert.equal(stream.channels, 1);
    const seconds = Number(stream.duration);
    assert.ok(seconds > 1.2 && seconds < 5, `${seconds} s for 7 words`);
  });
});

Deno.test("demo voice server: a language the demo voice lacks is a 400 naming the field", async () => {
  await withEdgeServer({}, async (base) => {
    const response = await post(base, "/v1/tts", {
      text: "Hello.",
      voice: "demo_espeak",
      language: "xx",
      format: "wav",
    });
    assert.equal(response.status, 400);
    assert.equal(
      response.headers.get("content-type"),
      "application/problem+json",
    );
    assert.match(await response.text(), /language/);
  });
});
