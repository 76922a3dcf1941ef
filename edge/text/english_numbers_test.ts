import assert from "node:assert/strict";
import { cardinalWords, normalizeEnglishNumbers } from "./english_numbers.ts";

Deno.test("cardinalWords() reads whole numbers without 'and'", () => {
  assert.equal(cardinalWords("0"), "zero");
  assert.equal(cardinalWords("13"), "thirteen");
  assert.equal(cardinalWords("40"), "forty");
  assert.equal(cardinalWords("99"), "ninety-nine");
  assert.equal(cardinalWords("101"), "one hundred one");
  assert.equal(cardinalWords("1000000"), "one million");
  assert.equal(
    cardinalWords("3005017"),
    "three million, five thousand, seventeen",
  );
});

Deno.test("normalizeEnglishNumbers() reads years 1001-2999 in pairs", () => {
  assert.equal(normalizeEnglishNumbers("1984"), "nineteen eighty-four");
  assert.equal(normalizeEnglishNumbers("1900"), "nineteen hundred");
  assert.equal(normalizeEnglishNumbers("2000"), "two thousand");
  assert.equal(normalizeEnglishNumbers("2007"), "two thousand seven");
  assert.equal(normalizeEnglishNumbers("1905"), "nineteen oh five");
  assert.equal(normalizeEnglishNumbers("3000"), "three thousand");
});

Deno.test("normalizeEnglishNumbers() reads money, decimals, ordinals and percents", () => {
  assert.equal(normalizeEnglishNumbers("$1"), "one dollar");
  assert.equal(normalizeEnglishNumbers("$0.01"), "one cent");
  assert.equal(normalizeEnglishNumbers("£20"), "twenty pounds");
  assert.equal(normalizeEnglishNumbers("0.5"), "zero point five");
  assert.equal(
    normalizeEnglishNumbers("1st 2nd 3rd 4th 12th 20th"),
    "first second third fourth twelfth twentieth",
  );
  assert.equal(normalizeEnglishNumbers("99%"), "ninety-nine percent");
});
