/**
 * Piper's clause punctuation: our phonemes (`espeakPhonemes` with
 * `punctuation: "piper"`) against piper-phonemize 1.1.0's on short texts
 * probing runs of marks, dashes, ellipses, quotes and the opening `¿ ¡`
 * (tests/fixtures/text/piper_punctuation.json, from
 * scripts/piper_reference.py). Piper's sentences are joined by a space, as
 * our single phoneme string has them.
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
    new URL("fixtures/text/piper_punctuation.json", import.meta.url),
  ),
) as { cases: Case[] }).cases;

/**
 * Known differences (edge/text/CONFORMANCE.md): eSpeak reads "e.g." as "for
 * example" when it gets the whole text; we end a clause at its last dot.
 */
const KNOWN = new Set(["e.g. this"]);

Deno.test("espeakPhonemes(…, { punctuation: 'piper' }) writes clause marks as piper-phonemize does", async () => {
  const differences: string[] = [];
  for (const { voice, text, phonemes } of CASES) {
    const got = await espeakPhonemes(text, voice, { punctuation: "piper" });
    const want = phonemes.join(" ");
    if (got !== want && !KNOWN.has(text)) {
      differences.push(`${voice} ${text}\n  want ${want}\n  got  ${got}`);
    }
  }
  assert.equal(differences.join("\n"), "");
});
