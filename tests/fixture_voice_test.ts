/** The generated fixture voice loads through the edge's voices folder like a real Piper voice. */
import assert from "node:assert/strict";
import { loadVoicesFolder } from "@lipstream/edge/voices";
import { denoVoiceFiles } from "@lipstream/edge/voices/deno";
import { generateFixtureVoices } from "@lipstream/inference/fixtures";

Deno.test("generateFixtureVoices() writes a Piper voice the edge registry loads", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-voices-" });
  try {
    await generateFixtureVoices(dir);
    const [voice, ...rest] = await loadVoicesFolder(denoVoiceFiles(dir));
    assert.equal(rest.length, 0);
    assert.equal(voice?.kind, "piper");
    assert.equal(voice.id, "fixture_vits");
    assert.equal(voice.tritonModel, "fixture_vits");
    assert.equal(voice.sampleRateHz, 22050);
    assert.equal(voice.numSpeakers, 2);
    assert.equal(voice.speakerInput, true);
    assert.equal(voice.espeakVoice, "en-us");
    assert.deepEqual(voice.phonemeIds.get("ə"), [59]);
    assert.deepEqual(voice.phonemeIds.get("^"), [1]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
