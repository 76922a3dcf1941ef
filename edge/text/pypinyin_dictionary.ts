/**
 * pypinyin's dictionaries as `lazy_pinyin` reads them with heteronyms off:
 * each character's first reading and every phrase key with its first
 * readings. Parsed on first use from `data/pypinyin_readings.ts`, which
 * `scripts/pinyin_data.py` derives from pypinyin 0.55.0's own data.
 *
 * @see https://github.com/mozillazg/python-pinyin (`pypinyin/converter.py` `_phrase_pinyin`, `_single_pinyin`)
 * @module
 */

import { CHAR_READINGS, PHRASE_READINGS } from "./data/pypinyin_readings.ts";

/** Readings are TONE3 with the neutral tone written `5` (`ma5`, `nv3`). */
export interface PypinyinDictionary {
  /** A character's first reading; undefined where pypinyin has none. */
  charReading(char: string): string | undefined;
  /** A phrase key's readings, one per character; undefined if not a key. */
  phraseReadings(phrase: string): string[] | undefined;
  /** Whether `text` is a phrase key. */
  isPhrase(text: string): boolean;
  /** Whether `text` is a phrase key or the start of one (mmseg's prefix set). */
  isPhrasePrefix(text: string): boolean;
}

const TOKEN_REGEXP = /-|[a-z]+[1-5]/g;

/**
 * The keys of one first character: the rest of each key, in code point
 * order as written (keys are BMP-only, so `<` on strings keeps that order),
 * and its differing syllables ("" where none differs).
 */
interface PhraseGroup {
  rests: string[];
  differing: string[];
}

let loaded: PypinyinDictionary | undefined;

/**
 * pypinyin's dictionaries, parsed on the first call and kept; a first
 * character's phrases are parsed when a word starting with it is first
 * looked up.
 *
 * @example Phrase and character readings
 * ```ts
 * import { pypinyinDictionary } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const dictionary = pypinyinDictionary();
 * assert.equal(dictionary.charReading("思"), "si1");
 * assert.deepEqual(dictionary.phraseReadings("意思"), ["yi4", "si5"]);
 * assert.equal(dictionary.phraseReadings("思意"), undefined);
 * assert.ok(dictionary.isPhrasePrefix("中国人民解放")); // of 中国人民解放军
 * ```
 *
 * @returns The dictionary.
 */
export function pypinyinDictionary(): PypinyinDictionary {
  loaded ??= parseDictionary();
  return loaded;
}

function parseDictionary(): PypinyinDictionary {
  const chars = new Map<number, string>(); // code point → reading
  for (const line of CHAR_READINGS.split("\n")) {
    const space = line.indexOf(" ");
    const reading = line.slice(0, space);
    for (let index = space + 1; index < line.length; index++) {
      const code = line.codePointAt(index)!;
      chars.set(code, reading);
      if (code > 0xffff) index++;
    }
  }
  const charReading = (char: string) => chars.get(char.codePointAt(0) ?? -1);
  const lines = new Map<string, string>();
  for (const line of PHRASE_READINGS.split("\n")) {
    const space = line.indexOf(" ");
    lines.set(line.slice(0, space), line.slice(space + 1));
  }
  const groups = new Map<string, PhraseGroup | undefined>();
  function group(first: string): PhraseGroup | undefined {
    if (!groups.has(first)) groups.set(first, parseGroup(lines.get(first)));
    return groups.get(first);
  }
  /** Index of the first rest ≥ `rest` in its group (binary search). */
  function lowerBound(rests: string[], rest: string): number {
    let low = 0;
    let high = rests.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (rests[middle]! < rest) low = middle + 1;
      else high = middle;
    }
    return low;
  }
  function differing(phrase: string): string | undefined {
    const found = group(phrase[0]!);
    if (found === undefined) return undefined;
    const rest = phrase.slice(1);
    const index = lowerBound(found.rests, rest);
    return found.rests[index] === rest ? found.differing[index] : undefined;
  }
  return {
    charReading,
    phraseReadings(phrase) {
      const syllables = differing(phrase);
      if (syllables === undefined) return undefined;
      const tokens = syllables.match(TOKEN_REGEXP) ?? [];
      return Array.from(phrase, (char, index) => {
        const token = tokens[index];
        return token === undefined || token === "-"
          ? charReading(char)!
          : token;
      });
    },
    isPhrase: (text) => differing(text) !== undefined,
    isPhrasePrefix(text) {
      const found = group(text[0] ?? "");
      if (found === undefined) return false;
      const rest = text.slice(1);
      return found.rests[lowerBound(found.rests, rest)]?.startsWith(rest) ??
        false;
    },
  };
}

function parseGroup(line: string | undefined): PhraseGroup | undefined {
  if (line === undefined) return undefined;
  const rests: string[] = [];
  const differing: string[] = [];
  for (const entry of line.split(" ")) {
    const colon = entry.indexOf(":");
    rests.push(colon < 0 ? entry : entry.slice(0, colon));
    differing.push(colon < 0 ? "" : entry.slice(colon + 1));
  }
  return { rests, differing };
}
