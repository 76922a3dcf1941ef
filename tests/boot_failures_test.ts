/**
 * Start-up never dies for one voice or pack: the real `buildPipelineDeps`
 * over a voices folder with the fixture voice plus three broken voices and
 * an avatars folder with the demo pack plus a broken pack. The broken ones
 * are skipped with one log line each naming the file and the field, listed
 * in `/readyz`, and the rest serve. Needs `deno task setup`.
 */
import assert from "node:assert/strict";
import { buildPipelineDeps } from "../edge/boot/pipeline_deps.ts";
import { createApp } from "@lipstream/edge/app";
import { readConfig } from "@lipstream/edge/config";
import { createJsonLogger } from "@lipstream/edge/log";

async function copy(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) {
      await copy(`${from}/${entry.name}`, `${to}/${entry.name}`);
    } else await Deno.copyFile(`${from}/${entry.name}`, `${to}/${entry.name}`);
  }
}

Deno.test("start-up skips invalid voices and packs, logs and lists them, and serves the rest", async () => {
  const root = await Deno.makeTempDir({ prefix: "lipstream-boot-" });
  try {
    const voices = `${root}/voices`, avatars = `${root}/avatars`;
    await copy("generated/voices", voices);
    await copy("generated/avatars", avatars);
    // A VITS config whose sampling rate is a string.
    await Deno.mkdir(`${voices}/bad_rate`);
    await Deno.writeTextFile(`${voices}/bad_rate/model.onnx`, "");
    await Deno.writeTextFile(
      `${voices}/bad_rate/config.json`,
      JSON.stringify({
        data: {
          sampling_rate: "fast",
          add_blank: true,
          text_cleaners: ["cjke_cleaners2"],
        },
        speakers: ["a"],
      }),
    );
    // A Piper config that is not JSON, and one without a config.
    await Deno.writeTextFile(`${voices}/broken.onnx`, "");
    await Deno.writeTextFile(`${voices}/broken.onnx.json`, "{ not json");
    await Deno.writeTextFile(`${voices}/lonely.onnx`, "");
    // A pack whose manifest has an invalid fps.
    await copy(`${avatars}/demo`, `${avatars}/bad_pack`);
    const manifest = JSON.parse(
      await Deno.readTextFile(`${avatars}/bad_pack/manifest.json`),
    );
    await Deno.writeTextFile(
      `${avatars}/bad_pack/manifest.json`,
      JSON.stringify({ ...manifest, fps: -1 }),
    );

    const lines: Record<string, unknown>[] = [];
    const log = createJsonLogger({
      level: "info",
      write: (line) => lines.push(JSON.parse(line)),
    });
    const config = readConfig({
      PORT: "0",
      VOICES_DIR: voices,
      AVATARS_DIR: avatars,
    });
    const pipeline = await buildPipelineDeps(config, log);
    try {
      assert.deepEqual(pipeline.voiceIds, ["fixture_vits"]);
      assert.deepEqual(pipeline.avatarIds, ["demo"]);
      const skipped = lines.filter((line) =>
        String(line.msg).includes("skipped")
      ).map(({ file, field }) => ({ file, field }));
      assert.deepEqual(skipped, [
        { file: "bad_rate/config.json", field: "data.sampling_rate" },
        { file: "broken.onnx.json", field: "" },
        { file: "lonely.onnx.json", field: "" },
        { file: "bad_pack/manifest.json", field: "fps" },
      ]);
      const { app } = createApp({ config, log, ...pipeline });
      const ready = await app.request("/readyz");
      assert.equal(ready.status, 200);
      const body = await ready.json();
      assert.deepEqual(
        body.voices.failed.map((f: { file: string; field: string }) => [
          f.file,
          f.field,
        ]),
        [
          ["bad_rate/config.json", "data.sampling_rate"],
          ["broken.onnx.json", ""],
          ["lonely.onnx.json", ""],
        ],
      );
      assert.match(body.voices.failed[0].message, /number/);
      assert.deepEqual(body.avatars.failed, [{
        file: "bad_pack/manifest.json",
        field: "fps",
        message: "Invalid fps -1",
      }]);
      assert.equal(body.checks.voices.detail, "1 voice(s) loaded, 3 failed");
      const spoken = await app.request("/v1/tts", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          text: "Still speaking.",
          voice: "fixture_vits",
          format: "wav",
        }),
      });
      assert.equal(spoken.status, 200);
      await spoken.body?.cancel();
    } finally {
      await pipeline.close();
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
