/**
 * Text the front end cannot turn into ids is a 4xx on every route, never a
 * 5xx or a 200 with silence: the real pipeline (`buildPipelineDeps`, ONNX
 * Runtime, the fixture voice and demo pack) behind the real app, with extra
 * VITS voices written from reference config shapes (chinese_cleaners
 * bopomofo, english_cleaners2 without symbols, japanese_cleaners) that run
 * on the fixture model (a random-weight stand-in, not a real voice). Ends
 * with a bounded property test over random Unicode strings. Needs
 * `deno task setup`.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { buildPipelineDeps } from "../edge/boot/pipeline_deps.ts";
import { createApp } from "@lipstream/edge/app";
import { readConfig } from "@lipstream/edge/config";
import { createJsonLogger } from "@lipstream/edge/log";
import { impliedSymbols } from "@lipstream/edge/voices";

type App = ReturnType<typeof createApp>["app"];

function vitsShape(cleaner: string, withSymbols: boolean) {
  return {
    data: {
      text_cleaners: [cleaner],
      sampling_rate: 22050,
      add_blank: true,
      n_speakers: 2,
      cleaned_text: true,
    },
    model: { gin_channels: 256 },
    speakers: ["first", "second"],
    ...(withSymbols ? { symbols: impliedSymbols([cleaner]) } : {}),
  };
}

async function withRealApp(run: (app: App) => Promise<void>): Promise<void> {
  const root = await Deno.makeTempDir({ prefix: "lipstream-text-errors-" });
  try {
    const fixture = "generated/voices/fixture_vits";
    await Deno.mkdir(`${root}/fixture_vits`);
    for (const name of ["model.onnx", "model.onnx.json", "lipstream.json"]) {
      await Deno.copyFile(`${fixture}/${name}`, `${root}/fixture_vits/${name}`);
    }
    const voices: [string, string, boolean][] = [
      ["zh_bopomofo", "chinese_cleaners", true],
      ["en_vits", "english_cleaners2", false],
      ["ja_vits", "japanese_cleaners", true],
      ["cjke", "cjke_cleaners2", true],
    ];
    for (const [id, cleaner, withSymbols] of voices) {
      await Deno.mkdir(`${root}/${id}`);
      await Deno.copyFile(`${fixture}/model.onnx`, `${root}/${id}/model.onnx`);
      await Deno.writeTextFile(
        `${root}/${id}/config.json`,
        JSON.stringify(vitsShape(cleaner, withSymbols)),
      );
      await Deno.writeTextFile(
        `${root}/${id}/lipstream.json`,
        JSON.stringify({ tritonModel: "fixture_vits" }),
      );
    }
    const config = readConfig({ PORT: "0", VOICES_DIR: root });
    const log = createJsonLogger({ level: "error", write: () => {} });
    const pipeline = await buildPipelineDeps(config, log);
    try {
      await run(createApp({ config, log, ...pipeline }).app);
    } finally {
      await pipeline.close();
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

function tts(app: App, body: Record<string, unknown>) {
  return app.request("/v1/tts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ format: "wav", ...body }),
  });
}

function speak(app: App, body: Record<string, unknown>) {
  return app.request("/v1/speak", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ avatar: "demo", ...body }),
  });
}

function mjpeg(app: App, query: Record<string, string>) {
  return app.request(
    `/v1/speak.mjpeg?${new URLSearchParams({ avatar: "demo", ...query })}`,
  );
}

async function problemOf(response: Response, status: number) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.equal(
    response.headers.get("content-type"),
    "application/problem+json",
  );
  return JSON.parse(text);
}

Deno.test("real app: emoji-only text is a 422 nothing-to-speak on tts, speak and mjpeg", async () => {
  await withRealApp(async (app) => {
    const responses = [
      await tts(app, { text: "😀😀 🎉", voice: "fixture_vits" }),
      await speak(app, { text: "😀😀 🎉", voice: "fixture_vits" }),
      await mjpeg(app, { text: "😀😀 🎉", voice: "fixture_vits" }),
      await tts(app, { text: "👋🏽", voice: "zh_bopomofo" }),
    ];
    for (const response of responses) {
      const body = await problemOf(response, 422);
      assert.equal(body.type, "urn:lipstream:problem:nothing-to-speak");
      assert.ok(["fixture_vits", "zh_bopomofo"].includes(body.voice));
      assert.ok(["😀", "👋🏽"].includes(body.character), body.character);
      assert.equal(body.errors[0].path, "/text");
    }
  });
});

Deno.test("real app: a cleaner without a faithful route is a 400 unsupported-language naming it", async () => {
  await withRealApp(async (app) => {
    for (
      const response of [
        await tts(app, { text: "こんにちは", voice: "ja_vits" }),
        await speak(app, { text: "こんにちは", voice: "ja_vits" }),
        await mjpeg(app, { text: "こんにちは", voice: "ja_vits" }),
      ]
    ) {
      const body = await problemOf(response, 400);
      assert.equal(body.type, "urn:lipstream:problem:unsupported-language");
      assert.equal(body.cleaner, "japanese_cleaners");
      assert.match(body.detail, /japanese_cleaners/);
      assert.equal(body.errors[0].path, "/voice");
    }
  });
});

Deno.test("real app: reference-shaped VITS voices speak (bopomofo chinese_cleaners, english_cleaners2 without symbols, list speakers)", async () => {
  await withRealApp(async (app) => {
    for (
      const [voice, text, speaker] of [
        ["zh_bopomofo", "你好，世界。", "second"],
        ["en_vits", "Hello there.", "first"],
        ["cjke", "你好。", "second"],
      ]
    ) {
      const response = await tts(app, { text, voice, speaker });
      assert.equal(response.status, 200, await response.clone().text());
      const wav = new Uint8Array(await response.arrayBuffer());
      assert.ok(wav.length > 44 + 1000, `${voice}: ${wav.length} bytes`);
    }
  });
});

Deno.test("real app: no text input produces a 5xx (random Unicode, bounded runs)", async () => {
  await withRealApp(async (app) => {
    const voices = [
      "fixture_vits",
      "zh_bopomofo",
      "en_vits",
      "cjke",
      "ja_vits",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", minLength: 0, maxLength: 24 }),
        fc.constantFrom(...voices),
        async (text, voice) => {
          const response = await tts(app, { text, voice });
          const body = await response.text();
          assert.ok(
            response.status < 500,
            `${voice} ${JSON.stringify(text)}: ${response.status} ${body}`,
          );
        },
      ),
      { numRuns: 120, seed: 20261202 },
    );
  });
});
