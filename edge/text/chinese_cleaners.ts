/**
 * VITS-fast-fine-tuning's `chinese_cleaners`: marks removed, then TONE3
 * pinyin (neutral tone without a digit, `v` for ü) joined by spaces;
 * non-Chinese runs pass through as one item each.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/cleaners.py`)
 * @module
 */

import { chineseWords } from "./chinese_words.ts";

/**
 * Converts text to space-separated TONE3 pinyin.
 *
 * @example A greeting
 * ```ts
 * import { chineseToTone3 } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chineseToTone3("[ZH]你好吗？[ZH]"), "ni3 hao3 ma ？");
 * ```
 *
 * @param text Chinese text, possibly with `[ZH]` marks.
 * @returns The pinyin string.
 */
export function chineseToTone3(text: string): string {
  const items: string[] = [];
  let run = "";
  for (const word of chineseWords(text.replaceAll("[ZH]", ""))) {
    if (word.pinyin === undefined) {
      run += word.text;
      continue;
    }
    if (run !== "") items.push(run);
    run = "";
    for (const syllable of word.pinyin) items.push(syllable.replace(/0$/, ""));
  }
  if (run !== "") items.push(run);
  return items.join(" ");
}
