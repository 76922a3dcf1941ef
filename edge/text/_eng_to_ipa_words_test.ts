import assert from "node:assert/strict";
import { readEngToIpaWord } from "./_eng_to_ipa_words.ts";

// tests/fixtures/text/eng_to_ipa_sample.tsv: 200 words with what
// eng_to_ipa.convert(word) returns (150 from the override table, 50 not),
// written by scripts/eng_to_ipa_overrides.py --sample.
const SAMPLE = await Deno.readTextFile(
  new URL("../../tests/fixtures/text/eng_to_ipa_sample.tsv", import.meta.url),
);

Deno.test("readEngToIpaWord() equals eng_to_ipa.convert() on the sampled words", () => {
  const lines = SAMPLE.split("\n").filter((line) => line !== "");
  assert.equal(lines.length, 200);
  for (const line of lines) {
    const [word = "", want = ""] = line.split("\t");
    const got = readEngToIpaWord(word) ?? `${word}*`;
    assert.equal(got, want, word);
  }
});

Deno.test("readEngToIpaWord() drops npm's cmudict comments", () => {
  // npm: "aalborg": "AO1 L B AO0 R G # place, danish"; eng_to_ipa has no entry
  assert.equal(readEngToIpaWord("aalborg"), undefined);
});

Deno.test("readEngToIpaWord() reads own entries only, not Object.prototype's", () => {
  assert.equal(readEngToIpaWord("__proto__"), undefined);
  // K AH0 N S T R AH1 K T ER0: the npm object's own "constructor" key
  assert.equal(readEngToIpaWord("constructor"), "kənˈstrəktər");
});
