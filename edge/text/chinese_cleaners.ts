/**
 * VITS-fast-fine-tuning's `chinese_cleaners`, both versions:
 *
 * - the last one (commit 8e1893d, 2023-04-20, and the first one, d55f02b):
 *   `[ZH]` removed, numbers read by cn2an, jieba words in bopomofo joined by
 *   spaces, Latin letters spelled in bopomofo, `。` after a final tone mark;
 * - the TONE3 variant (952ce4b, 2023-03-01 … 8e1893d): `[ZH]` removed, then
 *   `pinyin(text, style=Style.TONE3)` over the whole text (pypinyin's own
 *   segmentation, no jieba; neutral tone without a digit, `v` for ü) joined
 *   by spaces, non-Chinese runs passing through as one item each.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/cleaners.py`, `text/mandarin.py`)
 * @module
 */

import { chineseToBopomofo } from "./chinese_ipa.ts";
import { lazyPinyin } from "./pypinyin.ts";

/**
 * The last `chinese_cleaners`: bopomofo words.
 *
 * @example
 * ```ts
 * import { chineseCleaners } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chineseCleaners("[ZH]你好[ZH]"), "ㄋㄧˇㄏㄠˇ。");
 * ```
 *
 * @param text Chinese text, possibly with `[ZH]` marks.
 * @returns The bopomofo string.
 */
export function chineseCleaners(text: string): string {
  return chineseToBopomofo(text.replaceAll("[ZH]", "")).replace(
    /([ˉˊˇˋ˙])$/,
    "$1。",
  );
}

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
  return lazyPinyin(text.replaceAll("[ZH]", ""), "tone3").join(" ");
}
