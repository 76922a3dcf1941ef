import assert from "node:assert/strict";
import { createVoice } from "./voice.ts";
import { VoiceConfigError } from "./voice_config_error.ts";

const CJKE = JSON.parse(
  await Deno.readTextFile(
    new URL("../../tests/fixtures/text/cjke_config.json", import.meta.url),
  ),
);
const PIPER = JSON.parse(
  await Deno.readTextFile(
    new URL("../../tests/fixtures/text/en_piper.onnx.json", import.meta.url),
  ),
);

Deno.test("createVoice() reads a VITS-fast-fine-tuning config", () => {
  const voice = createVoice("uma", CJKE);
  assert.equal(voice.kind, "vits");
  if (voice.kind !== "vits") return;
  assert.equal(voice.sampleRateHz, 22050);
  assert.equal(voice.addBlank, true);
  assert.deepEqual(voice.cleaners, ["cjke_cleaners2"]);
  assert.equal(voice.symbolIds.size, 68);
  assert.equal(voice.symbolIds.get("_"), 0);
  assert.equal(voice.symbolIds.get(" "), 67);
  assert.equal(voice.symbolIds.get("↑"), 66);
  assert.equal(voice.speakers.get("taffy"), 1);
  assert.equal(voice.numSpeakers, 2);
  assert.equal(voice.speakerInput, true);
  assert.deepEqual(voice.scales, {
    noiseScale: 0.667,
    lengthScale: 1,
    noiseW: 0.8,
  });
});

Deno.test("createVoice() reads a Piper config with its inference defaults", () => {
  const voice = createVoice("amy", PIPER, { tritonModel: "piper_amy" });
  assert.equal(voice.kind, "piper");
  if (voice.kind !== "piper") return;
  assert.equal(voice.espeakVoice, "en-us");
  assert.equal(voice.phonemeType, "espeak");
  assert.deepEqual(voice.phonemeIds.get("ˈ"), [120]);
  assert.deepEqual(voice.scales, {
    noiseScale: 0.5,
    lengthScale: 1.2,
    noiseW: 0.7,
  });
  assert.equal(voice.speakerInput, false);
  assert.equal(voice.tritonModel, "piper_amy");
});

Deno.test("createVoice() falls back to Piper's 0.667 / 1 / 0.8 scales", () => {
  const { inference: _inference, ...rest } = PIPER;
  const voice = createVoice("amy", rest);
  assert.deepEqual(voice.scales, {
    noiseScale: 0.667,
    lengthScale: 1,
    noiseW: 0.8,
  });
});

Deno.test("createVoice() names the file and field of an invalid config", () => {
  const bad = { ...CJKE, data: { ...CJKE.data, sampling_rate: "22050" } };
  assert.throws(
    () => createVoice("uma", bad, { file: "uma/config.json" }),
    (error: unknown) => {
      assert.ok(error instanceof VoiceConfigError);
      assert.equal(error.file, "uma/config.json");
      assert.equal(error.field, "data.sampling_rate");
      assert.match(
        error.message,
        /^Cannot load voice config 'uma\/config.json': data.sampling_rate: /,
      );
      return true;
    },
  );
  assert.throws(
    () => createVoice("amy", { ...PIPER, phoneme_id_map: { a: ["x"] } }),
    { field: "phoneme_id_map.a.0" },
  );
  const { espeak: _espeak, ...noEspeak } = PIPER;
  assert.throws(() => createVoice("amy", noEspeak), { field: "espeak.voice" });
  assert.throws(() => createVoice("x", { hello: 1 }), VoiceConfigError);
});

Deno.test("createVoice() refuses ids and model names that could escape a folder", () => {
  for (const id of ["..", "../a", "a/b", "a\\b", ".hidden", "", "a..b"]) {
    assert.throws(() => createVoice(id, PIPER), VoiceConfigError, id);
  }
  assert.throws(() => createVoice("ok", PIPER, { tritonModel: "../x" }), {
    field: "tritonModel",
  });
});
