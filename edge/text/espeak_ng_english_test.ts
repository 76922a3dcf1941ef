import assert from "node:assert/strict";
import { list_voices as listVoices, phonemize } from "phonemizer";
import { englishClauses, isEnglishVoice } from "./espeak_ng_english.ts";

const SENTENCES = (JSON.parse(
  await Deno.readTextFile(
    new URL(
      "../../tests/fixtures/text/en_conformance.json",
      import.meta.url,
    ),
  ),
) as { sentences: string[] }).sentences;

Deno.test("englishClauses() equals phonemizer's own eSpeak NG 1.51 on the English conformance sentences", async () => {
  for (const sentence of SENTENCES) {
    // phonemizer synthesizes speech and returns the phoneme trace, one line
    // per clause: the same clauses as eSpeak's text-to-phonemes.
    assert.deepEqual(
      await englishClauses(sentence, "en-us"),
      await phonemize(sentence, "en-us"),
      sentence,
    );
  }
});

Deno.test("englishClauses() keeps 1.51's horse–hoarse distinction", async () => {
  assert.deepEqual(await englishClauses("horse, hoarse", "en-us"), [
    "hˈɔːɹs",
    "hˈoːɹs",
  ]);
});

Deno.test("isEnglishVoice() knows the voices phonemizer lists", async () => {
  // The package's typings declare one voice; it returns an array of them.
  const voices = await listVoices() as unknown as {
    identifier: string;
    languages: { name: string }[];
  }[];
  assert.ok(voices.length > 5);
  for (const voice of voices) {
    assert.ok(await isEnglishVoice(voice.identifier), voice.identifier);
    for (const { name } of voice.languages) {
      assert.ok(await isEnglishVoice(name), name);
    }
  }
  assert.equal(await isEnglishVoice("de"), false);
  assert.equal(await englishClauses("Hallo", "de"), undefined);
});
