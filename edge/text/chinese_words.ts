/**
 * Chinese word segmentation with word-aware pinyin: words from jieba itself
 * (`jieba-wasm`, jieba-rs compiled to WebAssembly with jieba's own
 * dictionary, HMM on, as the reference's `jieba.lcut(text, cut_all=False)`),
 * pinyin from `pinyin-pro` over each run of Chinese characters, so polyphones
 * are read in context.
 *
 * @see https://github.com/fxsjy/jieba (`jieba/__init__.py` `cut`)
 * @module
 */

import { cut } from "jieba-wasm";
import { pinyin } from "pinyin-pro";

/** One word: its text and, for Chinese words, one TONE3 syllable per character. */
export interface ChineseWord {
  /** The word as written. */
  text: string;
  /** TONE3 syllables (`v` = ü, 0 = neutral); undefined for non-Chinese words. */
  pinyin?: string[];
}

const HAN_RUN_REGEXP = /[\u4e00-\u9fff]+/g;
const HAN_REGEXP = /[\u4e00-\u9fff]/;

/**
 * Splits text into words and reads each Chinese word's pinyin.
 *
 * @example Polyphones read in context
 * ```ts
 * import { chineseWords } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const words = chineseWords("银行行长");
 * assert.deepEqual(words.flatMap((word) => word.pinyin ?? []), [
 *   "yin2", "hang2", "hang2", "zhang3",
 * ]);
 * ```
 *
 * @param text Chinese text (other characters pass through as their own words).
 * @returns The words in order.
 */
export function chineseWords(text: string): ChineseWord[] {
  const syllables: (string | undefined)[] = new Array(text.length);
  for (const match of text.matchAll(HAN_RUN_REGEXP)) {
    const read = pinyin(match[0], {
      type: "array",
      toneType: "num",
      v: true,
      toneSandhi: false, // pypinyin applies no 一/不 sandhi by default
    });
    read.forEach((syllable, offset) => {
      syllables[match.index + offset] = syllable;
    });
  }
  const words: ChineseWord[] = [];
  let index = 0;
  for (const segment of jiebaWords(text)) {
    const start = index;
    index += segment.length;
    if (!HAN_REGEXP.test(segment)) {
      words.push({ text: segment });
      continue;
    }
    const read: string[] = [];
    for (let offset = 0; offset < segment.length; offset++) {
      const syllable = syllables[start + offset];
      if (syllable !== undefined) read.push(syllable);
    }
    words.push({ text: segment, pinyin: read });
  }
  return words;
}

/**
 * jieba's words of `text` (accurate mode, HMM for unknown words), in order;
 * they concatenate to `text`.
 *
 * @example
 * ```ts
 * import { jiebaWords } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(jiebaWords("我来到北京清华大学"), ["我", "来到", "北京", "清华大学"]);
 * ```
 *
 * @param text Any text.
 * @returns The words.
 */
export function jiebaWords(text: string): string[] {
  if (text === "") return [];
  const words = cut(text, true);
  // jieba-rs returns slices of the input; the offsets above rely on it, so
  // a violation (never seen) falls back to one word rather than misreading.
  return words.join("") === text ? words : [text];
}
