import assert from "node:assert/strict";
import { pypinyinDictionary } from "./pypinyin_dictionary.ts";
import { isPypinyinHan, mmsegCut, simpleSeg } from "./pypinyin_segment.ts";

// Expected values are what pypinyin 0.55.0 itself gives
// (`pypinyin.seg.simpleseg.simple_seg`, `pypinyin.seg.mmseg.seg.cut`).

Deno.test("isPypinyinHan() follows RE_HANS, astral planes included", () => {
  for (const char of ["中", "〇", "㐀", "\u{20000}", "\u{30000}", "豈"]) {
    assert.ok(isPypinyinHan(char), char);
  }
  for (const char of ["a", "1", "，", "ㄅ", "😀", "\u{2a6e0}", ""]) {
    assert.ok(!isPypinyinHan(char), char);
  }
});

Deno.test("simpleSeg() splits Han from other runs and keeps every character", () => {
  assert.deepEqual(simpleSeg(""), []);
  assert.deepEqual(simpleSeg("abc 123"), ["abc 123"]);
  assert.deepEqual(simpleSeg("😀你好😀"), ["😀", "你好", "😀"]);
  assert.deepEqual(simpleSeg("你好吗？ab\u{20000}"), [
    "你好吗",
    "？ab",
    "\u{20000}",
  ]);
});

Deno.test("mmsegCut() takes the longest phrase key, else one character", () => {
  const dictionary = pypinyinDictionary();
  assert.deepEqual(mmsegCut("银行行长", dictionary), ["银行", "行长"]);
  assert.deepEqual(mmsegCut("你好", dictionary), ["你好"]);
  assert.deepEqual(mmsegCut("这本书非常有意思", dictionary), [
    "这",
    "本",
    "书",
    "非",
    "常", // 非常 is no key in 0.55.0's phrases
    "有意思",
  ]);
});

Deno.test("mmsegCut() splits a text ending inside a key into single characters", () => {
  // 以人为 starts the key 以人为镜 and holds no key of its own from 以: when
  // the text ends there, mmseg yields every character alone (so 为 keeps its
  // own reading); with a character after it, 人为 is found.
  const dictionary = pypinyinDictionary();
  assert.deepEqual(mmsegCut("以人为", dictionary), ["以", "人", "为"]);
  assert.deepEqual(mmsegCut("以人为的", dictionary), ["以", "人为", "的"]);
  assert.deepEqual(mmsegCut("国无宁", dictionary), ["国", "无", "宁"]);
});
