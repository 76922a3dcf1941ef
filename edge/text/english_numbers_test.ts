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
    "three million, five thousand seventeen",
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

Deno.test("normalizeEnglishNumbers() reads money, decimals and ordinals", () => {
  assert.equal(normalizeEnglishNumbers("$1"), "one dollar");
  assert.equal(normalizeEnglishNumbers("$0.01"), "one cent");
  assert.equal(normalizeEnglishNumbers("£20"), "twenty pounds");
  assert.equal(normalizeEnglishNumbers("0.5"), "zero point five");
  assert.equal(
    normalizeEnglishNumbers("1st 2nd 3rd 4th 12th 20th"),
    "first second third fourth twelfth twentieth",
  );
  // inflect's default "and" in ordinals, COMMA_WORD before the last group
  assert.equal(normalizeEnglishNumbers("101st"), "one hundred and first");
  assert.equal(normalizeEnglishNumbers("1001st"), "one thousand and first");
  // "%" is kept, as the reference keeps it (the symbol table drops it later)
  assert.equal(normalizeEnglishNumbers("99%"), "ninety-nine%");
});

Deno.test("cardinalWords() drops the comma before a last group under 100", () => {
  // inflect number_to_words(3001, andword=""): "three thousand one"
  assert.equal(cardinalWords("3001"), "three thousand one");
  assert.equal(cardinalWords("1000021"), "one million twenty-one");
  assert.equal(cardinalWords("3100"), "three thousand, one hundred");
  assert.equal(cardinalWords("3021", "and"), "three thousand and twenty-one");
});

Deno.test("cardinalWords() names groups up to decillion, as inflect", () => {
  assert.equal(cardinalWords("1" + "0".repeat(15)), "one quadrillion");
  assert.equal(cardinalWords("1" + "0".repeat(33)), "one decillion");
  // 37 digits: inflect raises; digits are read one by one
  assert.equal(cardinalWords("1" + "0".repeat(36)).split(" ").length, 37);
});
