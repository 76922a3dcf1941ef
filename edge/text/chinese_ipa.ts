/**
 * VITS-fast-fine-tuning's `chinese_to_ipa` (the Chinese branch of
 * `cjke_cleaners2`): numbers → Chinese, words → bopomofo, Latin letters →
 * their bopomofo spelling, bopomofo → IPA with the reference's table, then its
 * four regex steps.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/mandarin.py`)
 * @module
 */

import { numberToChineseAsTrained } from "./chinese_numbers.ts";
import { jiebaWords } from "./chinese_words.ts";
import { lazyPinyin } from "./pypinyin.ts";

/** `_latin_to_bopomofo` (table facts transcribed): how a letter is spelled. */
const LATIN_BOPOMOFO: Record<string, string> = {
  a: "ㄟˉ",
  b: "ㄅㄧˋ",
  c: "ㄙㄧˉ",
  d: "ㄉㄧˋ",
  e: "ㄧˋ",
  f: "ㄝˊㄈㄨˋ",
  g: "ㄐㄧˋ",
  h: "ㄝˇㄑㄩˋ",
  i: "ㄞˋ",
  j: "ㄐㄟˋ",
  k: "ㄎㄟˋ",
  l: "ㄝˊㄛˋ",
  m: "ㄝˊㄇㄨˋ",
  n: "ㄣˉ",
  o: "ㄡˉ",
  p: "ㄆㄧˉ",
  q: "ㄎㄧㄡˉ",
  r: "ㄚˋ",
  s: "ㄝˊㄙˋ",
  t: "ㄊㄧˋ",
  u: "ㄧㄡˉ",
  v: "ㄨㄧˉ",
  w: "ㄉㄚˋㄅㄨˋㄌㄧㄡˋ",
  x: "ㄝˉㄎㄨˋㄙˋ",
  y: "ㄨㄞˋ",
  z: "ㄗㄟˋ",
};

/** `_bopomofo_to_ipa` (table facts transcribed), applied in this order. */
const BOPOMOFO_IPA: [string, string][] = [
  ["ㄅㄛ", "p⁼wo"],
  ["ㄆㄛ", "pʰwo"],
  ["ㄇㄛ", "mwo"],
  ["ㄈㄛ", "fwo"],
  ["ㄅ", "p⁼"],
  ["ㄆ", "pʰ"],
  ["ㄇ", "m"],
  ["ㄈ", "f"],
  ["ㄉ", "t⁼"],
  ["ㄊ", "tʰ"],
  ["ㄋ", "n"],
  ["ㄌ", "l"],
  ["ㄍ", "k⁼"],
  ["ㄎ", "kʰ"],
  ["ㄏ", "x"],
  ["ㄐ", "tʃ⁼"],
  ["ㄑ", "tʃʰ"],
  ["ㄒ", "ʃ"],
  ["ㄓ", "ts`⁼"],
  ["ㄔ", "ts`ʰ"],
  ["ㄕ", "s`"],
  ["ㄖ", "ɹ`"],
  ["ㄗ", "ts⁼"],
  ["ㄘ", "tsʰ"],
  ["ㄙ", "s"],
  ["ㄚ", "a"],
  ["ㄛ", "o"],
  ["ㄜ", "ə"],
  ["ㄝ", "ɛ"],
  ["ㄞ", "aɪ"],
  ["ㄟ", "eɪ"],
  ["ㄠ", "ɑʊ"],
  ["ㄡ", "oʊ"],
  ["ㄧㄢ", "jɛn"],
  ["ㄩㄢ", "ɥæn"],
  ["ㄢ", "an"],
  ["ㄧㄣ", "in"],
  ["ㄩㄣ", "ɥn"],
  ["ㄣ", "ən"],
  ["ㄤ", "ɑŋ"],
  ["ㄧㄥ", "iŋ"],
  ["ㄨㄥ", "ʊŋ"],
  ["ㄩㄥ", "jʊŋ"],
  ["ㄥ", "əŋ"],
  ["ㄦ", "əɻ"],
  ["ㄧ", "i"],
  ["ㄨ", "u"],
  ["ㄩ", "ɥ"],
  ["ˉ", "→"],
  ["ˊ", "↑"],
  ["ˇ", "↓↑"],
  ["ˋ", "↓"],
  ["˙", ""],
  ["，", ","],
  ["。", "."],
  ["！", "!"],
  ["？", "?"],
  ["—", "-"],
];

const BOPOMOFO_END_REGEXP = /[\u3105-\u3129]$/;
const CHINESE_REGEXP = /[\u4e00-\u9fff]/;

/**
 * `chinese_to_bopomofo`: each jieba word with a CJK unified ideograph read by
 * `lazy_pinyin(word, BOPOMOFO)` (its other characters kept), tone 1 marked
 * `ˉ`, words joined by spaces; other words kept as written.
 */
function wordsToBopomofo(text: string): string {
  let out = "";
  for (const word of jiebaWords(text.replace(/[、；：]/g, "，"))) {
    if (!CHINESE_REGEXP.test(word)) {
      out += word;
      continue;
    }
    if (out !== "") out += " ";
    for (const item of lazyPinyin(word, "bopomofo")) {
      out += BOPOMOFO_END_REGEXP.test(item) ? `${item}ˉ` : item;
    }
  }
  return out;
}

/**
 * The reference's first three steps of every Chinese cleaner:
 * `number_to_chinese`, `chinese_to_bopomofo` (jieba words joined by spaces,
 * tone 1 marked `ˉ`) and `latin_to_bopomofo` (each Latin letter, either case,
 * spelled in bopomofo).
 *
 * @example
 * ```ts
 * import { chineseToBopomofo } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chineseToBopomofo("你好"), "ㄋㄧˇㄏㄠˇ");
 * assert.equal(chineseToBopomofo("A"), "ㄟˉ");
 * ```
 *
 * @param text Chinese text.
 * @returns The bopomofo string.
 */
export function chineseToBopomofo(text: string): string {
  return wordsToBopomofo(numberToChineseAsTrained(text)).replace(
    /[a-z]/gi,
    (letter) => LATIN_BOPOMOFO[letter.toLowerCase()] ?? letter,
  );
}

/**
 * Converts Chinese text to the IPA symbols of `cjke_cleaners2` (tones as
 * arrows: ˉ → `→`, ˊ → `↑`, ˇ → `↓↑`, ˋ → `↓`; words separated by spaces).
 *
 * @example A greeting
 * ```ts
 * import { chineseToIpa } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chineseToIpa("你好"), "ni↓↑xɑʊ↓↑");
 * assert.equal(chineseToIpa("四是四"), "sɹ↓s`ɹ`↓ sɹ↓"); // jieba: 四是 / 四
 * ```
 *
 * @param text Chinese text (the inside of a `[ZH]…[ZH]` span).
 * @returns The IPA string.
 */
export function chineseToIpa(text: string): string {
  let out = chineseToBopomofo(text);
  for (const [bopomofo, ipa] of BOPOMOFO_IPA) {
    out = out.replaceAll(bopomofo, ipa);
  }
  return out
    .replace(/i([aoe])/g, "j$1")
    .replace(/u([aoəe])/g, "w$1")
    .replace(/([sɹ]`[⁼ʰ]?)([→↓↑ ]+|$)/g, "$1ɹ`$2")
    .replaceAll("ɻ", "ɹ`")
    .replace(/([s][⁼ʰ]?)([→↓↑ ]+|$)/g, "$1ɹ$2");
}
