/**
 * TONE3 pinyin → bopomofo (zhuyin), following pypinyin's `Style.BOPOMOFO`
 * rewrite steps and letter table, as used by VITS-fast-fine-tuning.
 *
 * @see https://github.com/mozillazg/python-pinyin (`pypinyin/style/bopomofo.py`)
 * @module
 */

/** pypinyin's `BOPOMOFO_REPLACE` steps, in order (table facts transcribed). */
const REWRITES: [RegExp, string][] = [
  [/^m(\d)$/, "mu$1"],
  [/^n(\d)$/, "N$1"],
  [/^r5$/, "er5"],
  [/iu/, "iou"],
  [/ui/, "uei"],
  [/ong/, "ung"],
  [/^yi?/, "i"],
  [/^wu?/, "u"],
  [/iu/, "v"],
  [/^([jqx])u/, "$1v"],
  [/([iuv])n/, "$1en"],
  [/^zhi?/, "Z"],
  [/^chi?/, "C"],
  [/^shi?/, "S"],
  [/^([zcsr])i/, "$1"],
  [/ai/, "A"],
  [/ei/, "I"],
  [/ao/, "O"],
  [/ou/, "U"],
  [/ang/, "K"],
  [/eng/, "G"],
  [/an/, "M"],
  [/en/, "N"],
  [/er/, "R"],
  [/eh/, "E"],
  [/([iv])e/, "$1E"],
  [/([^0-4])$/, "$10"],
  [/1$/, ""],
];

/** pypinyin's `BOPOMOFO_TABLE`: rewritten letters → bopomofo and tone marks. */
const TABLE = new Map(
  [..."bpmfdtnlgkhjqxZCSrzcsiuvaoeEAIOUMNKGR2340"].map((letter, index) => [
    letter,
    [..."ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦˊˇˋ˙"][
      index
    ] ??
      letter,
  ]),
);

/**
 * Converts one TONE3 syllable (tone digit last; 0 or 5 or none = neutral,
 * `v` = ü) to bopomofo. Tone 1 gets no mark, as in pypinyin.
 *
 * @example Tones and ü
 * ```ts
 * import { pinyinToBopomofo } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(pinyinToBopomofo("zhong1"), "ㄓㄨㄥ");
 * assert.equal(pinyinToBopomofo("guo2"), "ㄍㄨㄛˊ");
 * assert.equal(pinyinToBopomofo("nv3"), "ㄋㄩˇ");
 * assert.equal(pinyinToBopomofo("de0"), "ㄉㄜ˙");
 * ```
 *
 * @param syllable The TONE3 syllable.
 * @returns The bopomofo spelling.
 */
export function pinyinToBopomofo(syllable: string): string {
  let pinyin = syllable.toLowerCase().replace("ü", "v").replace(/[05]$/, "");
  for (const [regexp, replacement] of REWRITES) {
    pinyin = pinyin.replace(regexp, replacement);
  }
  let out = "";
  for (const letter of pinyin) out += TABLE.get(letter) ?? letter;
  return out;
}
