import assert from "node:assert/strict";
import {
  divideHangul,
  hangulNumber,
  koreanCleaners,
  latinToHangul,
  numberToHangul,
} from "./korean_cleaners.ts";

// Expected values are the reference's (VITS-fast-fine-tuning `korean_cleaners`
// with jamo 0.4.1, scripts/text_reference.py --cleaner korean_cleaners).

Deno.test("latinToHangul() spells letters, with Python's case folding of i, k and s", () => {
  assert.equal(latinToHangul("TV ok"), "티브이 오케이");
  assert.equal(latinToHangul("\u0130\u0131\u212A\u017F"), "아이아이케이에스");
  assert.equal(latinToHangul("é"), "é");
});

Deno.test("hangulNumber() reads Sino-Korean and native numbers, zeros and places", () => {
  assert.equal(hangulNumber("0", true), "영");
  assert.equal(hangulNumber("10001", true), "만일");
  assert.equal(hangulNumber("100000001", true), "일억일");
  assert.equal(hangulNumber("15,000", true), "만오천");
  assert.equal(hangulNumber("25", false), "스물다섯");
  assert.equal(hangulNumber("20", false), "스무");
  assert.throws(() => hangulNumber("12345678901234567", true), RangeError);
});

Deno.test("numberToHangul() picks native numerals by classifier, as a substring test", () => {
  assert.equal(numberToHangul("2마리 2월"), "두마리 이월");
  // '리' is inside '마리' in the classifier string, so it counts as one.
  assert.equal(numberToHangul("5리"), "다섯리");
  assert.equal(numberToHangul("3.5"), "삼.오");
  // Longest token first (the reference's set order varies between runs).
  assert.equal(numberToHangul("11개 1개"), "열한개 한개");
  // Over 16 digits (the reference raises): digit by digit.
  assert.equal(
    numberToHangul("12345678901234567개"),
    "일이삼사오육칠팔구영일이삼사오육칠개",
  );
});

Deno.test("divideHangul() splits syllables, clusters and compound vowels", () => {
  assert.equal(divideHangul("값 외"), "ㄱㅏㅂㅅ ㅇㅗㅣ");
  assert.equal(divideHangul("\u1100\u1161"), "ㄱㅏ");
  assert.equal(divideHangul("\ua960"), "\ua960");
});

Deno.test("koreanCleaners() ends a final jamo with '.', also before a final newline", () => {
  assert.equal(koreanCleaners("끝"), "ㄲㅡㅌ.");
  assert.equal(koreanCleaners("끝\n"), "ㄲㅡㅌ.\n");
  assert.equal(koreanCleaners("끝!"), "ㄲㅡㅌ!");
});
