/**
 * VITS-fast-fine-tuning's `chinese_to_romaji` (the Chinese branch of
 * `zh_ja_mixture_cleaners`) and `chinese_to_lazy_ipa` (the Chinese branch of
 * `cjks_cleaners`): the shared bopomofo steps, then the `_bopomofo_to_romaji`
 * table, its four regex steps and, for lazy IPA, the `_romaji_to_ipa` table.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/mandarin.py`)
 * @module
 */

import { chineseToBopomofo } from "./chinese_ipa.ts";

/** `_bopomofo_to_romaji` (table facts transcribed), applied in this order. */
const BOPOMOFO_ROMAJI: [string, string][] = [
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
  ["ㄏ", "h"],
  ["ㄐ", "ʧ⁼"],
  ["ㄑ", "ʧʰ"],
  ["ㄒ", "ʃ"],
  ["ㄓ", "ʦ`⁼"],
  ["ㄔ", "ʦ`ʰ"],
  ["ㄕ", "s`"],
  ["ㄖ", "ɹ`"],
  ["ㄗ", "ʦ⁼"],
  ["ㄘ", "ʦʰ"],
  ["ㄙ", "s"],
  ["ㄚ", "a"],
  ["ㄛ", "o"],
  ["ㄜ", "ə"],
  ["ㄝ", "e"],
  ["ㄞ", "ai"],
  ["ㄟ", "ei"],
  ["ㄠ", "au"],
  ["ㄡ", "ou"],
  ["ㄧㄢ", "yeNN"],
  ["ㄢ", "aNN"],
  ["ㄧㄣ", "iNN"],
  ["ㄣ", "əNN"],
  ["ㄤ", "aNg"],
  ["ㄧㄥ", "iNg"],
  ["ㄨㄥ", "uNg"],
  ["ㄩㄥ", "yuNg"],
  ["ㄥ", "əNg"],
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

/** `_romaji_to_ipa` (table facts transcribed; the reference matches ignoring case). */
const ROMAJI_IPA: [RegExp, string][] = [
  [/ʃy/gi, "ʃ"],
  [/ʧʰy/gi, "ʧʰ"],
  [/ʧ⁼y/gi, "ʧ⁼"],
  [/NN/gi, "n"],
  [/Ng/gi, "ŋ"],
  [/y/gi, "j"],
  [/h/gi, "x"],
];

/**
 * Converts Chinese text to the romaji of `zh_ja_mixture_cleaners`.
 *
 * @example
 * ```ts
 * import { chineseToRomaji } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chineseToRomaji("你好"), "ni↓↑hau↓↑");
 * ```
 *
 * @param text Chinese text (the inside of a `[ZH]…[ZH]` span).
 * @returns The romaji string.
 */
export function chineseToRomaji(text: string): string {
  let out = chineseToBopomofo(text);
  for (const [bopomofo, romaji] of BOPOMOFO_ROMAJI) {
    out = out.replaceAll(bopomofo, romaji);
  }
  return out
    .replace(/i([aoe])/g, "y$1")
    .replace(/u([aoəe])/g, "w$1")
    .replace(/([ʦsɹ]`[⁼ʰ]?)([→↓↑ ]+|$)/g, "$1ɹ`$2")
    .replaceAll("ɻ", "ɹ`")
    .replace(/([ʦs][⁼ʰ]?)([→↓↑ ]+|$)/g, "$1ɹ$2");
}

/**
 * Converts Chinese text to the lazy IPA of `cjks_cleaners`.
 *
 * @example
 * ```ts
 * import { chineseToLazyIpa } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chineseToLazyIpa("你好"), "ni↓↑xau↓↑");
 * ```
 *
 * @param text Chinese text (the inside of a `[ZH]…[ZH]` span).
 * @returns The lazy IPA string.
 */
export function chineseToLazyIpa(text: string): string {
  let out = chineseToRomaji(text);
  for (const [regexp, ipa] of ROMAJI_IPA) out = out.replace(regexp, ipa);
  return out;
}
