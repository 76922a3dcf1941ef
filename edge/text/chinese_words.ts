/**
 * Chinese word segmentation: words from jieba itself (`jieba-wasm`, jieba-rs
 * compiled to WebAssembly with jieba's own dictionary, HMM on, as the
 * reference's `jieba.lcut(text, cut_all=False)`). Each word is then read by
 * `lazyPinyin` (`pypinyin.ts`), as the reference reads each jieba word.
 *
 * @see https://github.com/fxsjy/jieba (`jieba/__init__.py` `cut`)
 * @module
 */

import { cut } from "jieba-wasm";

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
