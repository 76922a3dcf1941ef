/**
 * pypinyin's `lazy_pinyin` (0.55.0, heteronyms off, no tone sandhi): the
 * segmentation of `pypinyin_segment.ts`, then each word's phrase readings or,
 * for a word that is no phrase key, each character's first reading, in TONE3
 * or BOPOMOFO. This is what VITS-fast-fine-tuning's `mandarin.py` calls on
 * each jieba word (`lazy_pinyin(word, BOPOMOFO)`) and its TONE3
 * `chinese_cleaners` on the whole text (`pinyin(text, style=Style.TONE3)`).
 *
 * @see https://github.com/mozillazg/python-pinyin (`pypinyin/core.py`, `pypinyin/converter.py`, `pypinyin/contrib/neutral_tone.py`)
 * @module
 */

import { pinyinToBopomofo } from "./chinese_bopomofo.ts";
import { pypinyinDictionary } from "./pypinyin_dictionary.ts";
import { isPypinyinHan, mmsegCut, simpleSeg } from "./pypinyin_segment.ts";

/** The pinyin styles the reference cleaners use. */
export type PinyinStyle = "tone3" | "bopomofo";

/** Options of {@linkcode lazyPinyin}. */
export interface LazyPinyinOptions {
  /** TONE3 only: write the neutral tone as `5` (`neutral_tone_with_five`). */
  neutralToneWithFive?: boolean;
}

/**
 * Reads text as pypinyin's `lazy_pinyin(text, style)` does: one item per Han
 * character, one item per run of other characters (passed through as
 * written). A Han character pypinyin has no reading for is converted as if it
 * were one: unchanged in TONE3, with `˙` after it in BOPOMOFO.
 *
 * @example Phrase readings, neutral tones, other characters
 * ```ts
 * import { lazyPinyin } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(lazyPinyin("有意思！", "tone3"), ["you3", "yi4", "si", "！"]);
 * assert.deepEqual(
 *   lazyPinyin("有意思", "tone3", { neutralToneWithFive: true }),
 *   ["you3", "yi4", "si5"],
 * );
 * assert.deepEqual(lazyPinyin("还给", "bopomofo"), ["ㄏㄨㄢˊ", "ㄍㄟˇ"]);
 * ```
 *
 * @param text Any text.
 * @param style `tone3` (`v` for ü, the neutral tone without a digit) or
 * `bopomofo` (tone 1 unmarked, neutral `˙`).
 * @param options See {@linkcode LazyPinyinOptions}.
 * @returns The items in order (none for empty text).
 */
export function lazyPinyin(
  text: string,
  style: PinyinStyle,
  options: LazyPinyinOptions = {},
): string[] {
  const dictionary = pypinyinDictionary();
  const items: string[] = [];
  for (const run of simpleSeg(text)) {
    const [first = ""] = run; // runs are all Han or all other characters
    if (!isPypinyinHan(first)) {
      items.push(run);
      continue;
    }
    for (const word of mmsegCut(run, dictionary)) {
      const readings = dictionary.phraseReadings(word);
      let index = 0;
      for (const char of word) {
        const reading = readings?.[index++] ?? dictionary.charReading(char);
        items.push(styled(reading ?? char, style, options));
      }
    }
  }
  return items;
}

/** A TONE3 reading (or a Han character without one) in `style`. */
function styled(
  reading: string,
  style: PinyinStyle,
  options: LazyPinyinOptions,
): string {
  if (style === "bopomofo") return pinyinToBopomofo(reading);
  const bare = reading.replace(/5$/, "");
  return options.neutralToneWithFive && !/[1-4]$/.test(bare)
    ? `${bare}5`
    : bare;
}
