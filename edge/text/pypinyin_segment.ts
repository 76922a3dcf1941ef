/**
 * pypinyin's segmentation before it reads pinyin: `simple_seg` (runs of Han
 * and of other characters) and, inside a Han run, `mmseg` forward maximum
 * matching over its phrase keys with `no_non_phrases=True`.
 *
 * @see https://github.com/mozillazg/python-pinyin (`pypinyin/seg/simpleseg.py`, `pypinyin/seg/mmseg.py`, `pypinyin/constants.py` `RE_HANS`)
 * @module
 */

import type { PypinyinDictionary } from "./pypinyin_dictionary.ts";

/** pypinyin's `RE_HANS` (wide build): the characters it looks up. */
const HAN_REGEXP =
  /^[\u3007\ue815-\ue864\ufa18\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2a6df}\u{2a703}-\u{2b73f}\u{2b740}-\u{2b81d}\u{2b825}-\u{2bf6e}\u{2c029}-\u{2ce93}\u{2d016}\u{2d11b}-\u{2ebd9}\u{2f80a}-\u{2fa1f}\u{30000}-\u{3134a}\u{300f7}-\u{31288}\u{30edd}\u{30ede}\u{31350}-\u{32389}]$/u;

/**
 * Whether pypinyin treats one character (code point) as Han.
 *
 * @example
 * ```ts
 * import { isPypinyinHan } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.ok(isPypinyinHan("〇"));
 * assert.ok(!isPypinyinHan("，"));
 * ```
 *
 * @param char One code point.
 * @returns True for a character in pypinyin's Han ranges.
 */
export function isPypinyinHan(char: string): boolean {
  return HAN_REGEXP.test(char);
}

/**
 * `simple_seg`: splits text into maximal runs of Han and of non-Han
 * characters.
 *
 * @example
 * ```ts
 * import { simpleSeg } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(simpleSeg("你好，world吗"), ["你好", "，world", "吗"]);
 * ```
 *
 * @param text Any text.
 * @returns The runs in order (none for empty text).
 */
export function simpleSeg(text: string): string[] {
  const runs: string[] = [];
  let run = "";
  let han = false;
  for (const char of text) {
    const isHan = isPypinyinHan(char);
    if (run !== "" && isHan !== han) {
      runs.push(run);
      run = "";
    }
    han = isHan;
    run += char;
  }
  if (run !== "") runs.push(run);
  return runs;
}

/**
 * `mmseg.seg.cut` (`no_non_phrases=True`): from the start of what remains,
 * extends while the text is a phrase prefix and takes the longest phrase key
 * seen; with none, takes one character, or every remaining character when the
 * text ended while still a prefix.
 *
 * @example mmseg.py's own example
 * ```ts
 * import { mmsegCut, pypinyinDictionary } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * // 0.55.0's phrases have 中国人 but no longer 我的 or 祖国
 * assert.deepEqual(mmsegCut("我是中国人我爱我的祖国", pypinyinDictionary()), [
 *   "我", "是", "中国人", "我", "爱", "我", "的", "祖", "国",
 * ]);
 * ```
 *
 * @param run A run of Han characters.
 * @param dictionary The phrase keys.
 * @returns The words in order.
 */
export function mmsegCut(
  run: string,
  dictionary: PypinyinDictionary,
): string[] {
  const chars = Array.from(run);
  const words: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let longest = 0;
    let word = "";
    let end = start;
    for (; end < chars.length; end++) {
      word += chars[end];
      if (!dictionary.isPhrasePrefix(word)) break;
      if (dictionary.isPhrase(word)) longest = end - start + 1;
    }
    if (longest > 0) {
      words.push(chars.slice(start, start + longest).join(""));
      start += longest;
    } else if (end < chars.length) {
      words.push(chars[start]!);
      start++;
    } else {
      words.push(...chars.slice(start));
      start = chars.length;
    }
  }
  return words;
}
