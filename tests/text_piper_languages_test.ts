/**
 * Piper voices in 31 eSpeak languages: our phonemes (`espeakPhonemes` with
 * `punctuation: "piper"`, NFD as Piper's ids hold them) against
 * piper-phonemize 1.1.0's on 45 sentences
 * (tests/fixtures/text/piper_languages.json, from scripts/piper_reference.py).
 * Fails when fewer are equal than recorded in edge/text/CONFORMANCE.md.
 */
import assert from "node:assert/strict";
import { espeakPhonemes } from "@lipstream/edge/text";

interface Case {
  voice: string;
  text: string;
  phonemes: string[];
}

const CASES = (JSON.parse(
  await Deno.readTextFile(
    new URL("fixtures/text/piper_languages.json", import.meta.url),
  ),
) as { cases: Case[] }).cases;

/** Equal cases recorded in CONFORMANCE.md (the one left: Catalan). */
const RECORDED = 44;

Deno.test("espeakPhonemes() equals piper-phonemize on 45 sentences in 31 languages", async () => {
  const differences: string[] = [];
  for (const { voice, text, phonemes } of CASES) {
    const got = (await espeakPhonemes(text, voice, { punctuation: "piper" }))
      .normalize("NFD");
    const want = phonemes.join(" ").normalize("NFD");
    if (got !== want) {
      differences.push(`${voice} ${text}\n  want ${want}\n  got  ${got}`);
    }
  }
  if (Deno.env.get("TEXT_REFERENCE_DIFF")) console.log(differences.join("\n"));
  const equal = CASES.length - differences.length;
  console.log(`piper languages: ${equal}/${CASES.length} equal`);
  assert.ok(equal >= RECORDED, `${equal}/${CASES.length}`);
});
