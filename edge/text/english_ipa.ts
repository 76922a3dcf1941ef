/**
 * VITS-fast-fine-tuning's `english_to_ipa2` (the English branch of
 * `cjke_cleaners2`): ASCII (`_ascii_fold.ts`, unidecode), lowercase,
 * abbreviations, numbers (inflect), then eng_to_ipa's transcription of each
 * word as eng_to_ipa's own CMU copy reads it (`_eng_to_ipa_words.ts`), dark l
 * (`ɫ`) and the `r → ɹ`, `ʤ → dʒ`, `ʧ → tʃ` rewrites. Words missing from
 * eng_to_ipa's dictionary are kept as their letters followed by `*`, as
 * eng_to_ipa does (`*` is one of the cjke_cleaners2 symbols).
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/english.py`)
 * @see https://github.com/mphilli/English-to-IPA (`eng_to_ipa/transcribe.py`)
 * @module
 */

import { toAscii } from "./_ascii_fold.ts";
import { readEngToIpaWord } from "./_eng_to_ipa_words.ts";
import { expandAbbreviations } from "./_english_abbreviations.ts";
import { normalizeEnglishNumbers } from "./english_numbers.ts";

const PUNCT = "!\"#$%&'()*+,-./:;<=>/?@[\\]^_`{|}~«» ";

function strip(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && PUNCT.includes(word[start] ?? "")) start++;
  while (end > start && PUNCT.includes(word[end - 1] ?? "")) end--;
  return word.slice(start, end);
}

/** eng_to_ipa `convert`: each word transcribed, its outer punctuation kept. */
function convert(text: string, unknown: Set<string>): string {
  return text.split(/\s+/).filter((word) => word !== "").map((word) => {
    const before = /^([^A-Za-z0-9]+)[A-Za-z]/.exec(word)?.[1] ?? "";
    const after = /[A-Za-z]([^A-Za-z0-9]+)$/.exec(word)?.[1] ?? "";
    const core = strip(word);
    const ipa = readEngToIpaWord(core);
    if (ipa !== undefined) return before + ipa + after;
    // eng_to_ipa marks a word it cannot read with "*" (a cjke symbol).
    const letters = /[^0-9]/.test(core);
    if (letters) unknown.add(core);
    return before + core + (letters ? "*" : "") + after;
  }).join(" ");
}

/** Words and how they were read, for warnings. */
export interface EnglishIpaResult {
  /** The IPA string. */
  ipa: string;
  /** Words not in the dictionary (kept as letters). */
  unknownWords: string[];
}

/** `_lazy_ipa` (table facts transcribed), applied in this order. */
const LAZY_IPA: [string, string][] = [
  ["r", "ɹ"],
  ["æ", "e"],
  ["ɑ", "a"],
  ["ɔ", "o"],
  ["ð", "z"],
  ["θ", "s"],
  ["ɛ", "e"],
  ["ɪ", "i"],
  ["ʊ", "u"],
  ["ʒ", "ʥ"],
  ["ʤ", "ʥ"],
  ["ˈ", "↓"],
];

/**
 * Converts English text to the IPA of `english_to_ipa2` (the `[EN]` branch
 * of `cjke_cleaners2`), or with `variant: "lazy"` to `english_to_lazy_ipa`
 * (the `[EN]` branch of `cjks_cleaners`: no dark l, the `_lazy_ipa` table).
 *
 * @example A short sentence
 * ```ts
 * import { englishToIpa } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(englishToIpa("Hello, world!").ipa, "hɛˈloʊ, wəɹɫd!");
 * assert.equal(englishToIpa("Hello, world!", { variant: "lazy" }).ipa, "he↓lou, wəɹld!");
 * assert.deepEqual(englishToIpa("zzyzxq").unknownWords, ["zzyzxq"]);
 * ```
 *
 * @param text English text (the inside of an `[EN]…[EN]` span).
 * @param options `variant`: `"ipa2"` (default) or `"lazy"`.
 * @returns The IPA and the words not found in the dictionary.
 */
export function englishToIpa(
  text: string,
  options: { variant?: "ipa2" | "lazy" } = {},
): EnglishIpaResult {
  let out = normalizeEnglishNumbers(
    expandAbbreviations(toAscii(text).toLowerCase()),
  );
  const unknown = new Set<string>();
  out = convert(out, unknown).replace(/\s+/g, " ");
  if (options.variant === "lazy") {
    for (const [from, to] of LAZY_IPA) out = out.replaceAll(from, to);
    return { ipa: out, unknownWords: [...unknown] };
  }
  out = out.replace(/l([^aeiouæɑɔəɛɪʊ ]*(?: |$))/g, "ɫ$1")
    .replaceAll("r", "ɹ")
    .replaceAll("ʤ", "dʒ")
    .replaceAll("ʧ", "tʃ")
    .replaceAll("...", "…");
  return { ipa: out, unknownWords: [...unknown] };
}
