import assert from "node:assert/strict";
import { lazyPinyin } from "./pypinyin.ts";

interface Case {
  text: string;
  bopomofo: string[];
  tone3: string[];
}

// tests/fixtures/text/pypinyin_cases.json: pypinyin 0.55.0's own
// lazy_pinyin(text, BOPOMOFO / TONE3) of edge cases, the zh conformance
// sentences and 300 texts of three random phrase keys joined (segmentation
// across keys), written by scripts/pinyin_data.py.
const FIXTURE = JSON.parse(
  await Deno.readTextFile(
    new URL("../../tests/fixtures/text/pypinyin_cases.json", import.meta.url),
  ),
) as { cases: Case[] };

Deno.test("lazyPinyin() equals pypinyin's lazy_pinyin on every fixture text", () => {
  assert.ok(FIXTURE.cases.length > 300);
  for (const { text, bopomofo, tone3 } of FIXTURE.cases) {
    assert.deepEqual(lazyPinyin(text, "bopomofo"), bopomofo, text);
    assert.deepEqual(lazyPinyin(text, "tone3"), tone3, text);
  }
});

Deno.test("lazyPinyin() reads phrases with pypinyin's phrase readings", () => {
  assert.deepEqual(lazyPinyin("意思", "tone3"), ["yi4", "si"]);
  assert.deepEqual(lazyPinyin("还给", "tone3"), ["huan2", "gei3"]);
  assert.deepEqual(lazyPinyin("一点", "tone3"), ["yi4", "dian3"]);
  assert.deepEqual(lazyPinyin("以人为", "tone3"), ["yi3", "ren2", "wei4"]);
  assert.deepEqual(lazyPinyin("以人为的", "tone3"), [
    "yi3",
    "ren2",
    "wei2",
    "de",
  ]);
});

Deno.test("lazyPinyin() reads a word that is no phrase key character by character", () => {
  assert.deepEqual(lazyPinyin("奶奶", "tone3"), ["nai3", "nai3"]);
  assert.deepEqual(lazyPinyin("思意", "tone3"), ["si1", "yi4"]);
  assert.deepEqual(lazyPinyin("思意", "bopomofo"), ["ㄙ", "ㄧˋ"]);
});

Deno.test("lazyPinyin() writes the neutral tone as 5 only when asked", () => {
  assert.deepEqual(lazyPinyin("衣裳", "tone3"), ["yi1", "shang"]);
  assert.deepEqual(
    lazyPinyin("衣裳", "tone3", { neutralToneWithFive: true }),
    ["yi1", "shang5"],
  );
  assert.deepEqual(lazyPinyin("衣裳", "bopomofo"), ["ㄧ", "ㄕㄤ˙"]);
});

Deno.test("lazyPinyin() converts a Han character without a reading as pypinyin does", () => {
  assert.deepEqual(lazyPinyin("兙", "tone3"), ["兙"]);
  assert.deepEqual(
    lazyPinyin("兙", "tone3", { neutralToneWithFive: true }),
    ["兙5"],
  );
  assert.deepEqual(lazyPinyin("好兙", "bopomofo"), ["ㄏㄠˇ", "兙˙"]);
});

Deno.test("lazyPinyin() passes each run of other characters through as one item", () => {
  assert.deepEqual(lazyPinyin("", "tone3"), []);
  assert.deepEqual(lazyPinyin("你好，世界！Hello", "tone3"), [
    "ni3",
    "hao3",
    "，",
    "shi4",
    "jie4",
    "！Hello",
  ]);
  assert.deepEqual(lazyPinyin("A股", "bopomofo"), ["A", "ㄍㄨˇ"]);
});
