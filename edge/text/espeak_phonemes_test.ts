import assert from "node:assert/strict";
import { espeakPhonemes } from "./espeak_phonemes.ts";
import { espeakNgClauses } from "./espeak_ng_full.ts";

Deno.test("espeakPhonemes() reads English as eSpeak NG 1.51", async () => {
  assert.equal(
    await espeakPhonemes("Hello, world!", "en-us"),
    "həlˈoʊ, wˈɜːld!",
  );
});

Deno.test("espeakPhonemes() reads German through the full build", async () => {
  assert.equal(
    await espeakPhonemes("Guten Tag, Welt!", "de"),
    "ɡˈuːtən tˈɑːk, vˈɛlt!",
  );
});

Deno.test("espeakPhonemes() finds a voice by language (fr-fr, zh)", async () => {
  assert.equal(await espeakPhonemes("Bonjour.", "fr-fr"), "bɔ̃ʒˈuʁ.");
  assert.equal(
    await espeakPhonemes("你好", "zh"),
    await espeakPhonemes("你好", "cmn"),
  );
});

Deno.test("espeakPhonemes() passes full-width punctuation to eSpeak, as Piper does", async () => {
  const phonemes = await espeakPhonemes("你好，世界。", "cmn");
  // piper-phonemize 1.1.0: phonemize_espeak("你好，世界。", "cmn") joins to
  // "ni2χˈɑu2s.ˈi.5 tɕˈiɛ5" ("s." is eSpeak's IPA for 世's initial).
  assert.equal(phonemes, "ni2χˈɑu2s.ˈi.5 tɕˈiɛ5");
});

Deno.test("espeakPhonemes() keeps ¿ before the clause it opens", async () => {
  assert.equal(
    await espeakPhonemes("Hola, ¿qué tal?", "es"),
    "ˈola, ¿kˈe tˈal?",
  );
});

Deno.test("espeakPhonemes() rejects an unknown voice, naming it", async () => {
  await assert.rejects(
    espeakPhonemes("Hallo.", "qq"),
    (error: unknown) =>
      error instanceof RangeError && error.message.includes("'qq'"),
  );
  assert.equal(await espeakNgClauses("Hallo.", "qq"), undefined);
});

Deno.test("espeakNgClauses() splits at eSpeak's clauses", async () => {
  assert.deepEqual(await espeakNgClauses("Uno, dos. Tres", "es"), [
    "ˈuno",
    "dˈos",
    "tɾˈes",
  ]);
});
