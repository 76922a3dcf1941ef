/**
 * The text cleaners a VITS voice names in `data.text_cleaners`, in
 * TypeScript: `cjke_cleaners2` (Chinese and English branches),
 * `chinese_cleaners` (bopomofo, VITS-fast-fine-tuning's last version),
 * `chinese_cleaners_tone3` (the TONE3-pinyin `chinese_cleaners` the
 * repository had from 2023-03-01 to 2023-04-20, chosen for configs whose
 * symbols are pinyin letters and digits), `english_cleaners2`, and the
 * Chinese (and English) parts of `zh_ja_mixture_cleaners` and
 * `cjks_cleaners`, and `korean_cleaners` (jamo). `japanese_cleaners`,
 * `japanese_cleaners2`, `sanskrit_cleaners`, `thai_cleaners` and
 * `shanghainese_cleaners` have no faithful JS/WASM route (pyopenjtalk's
 * accent dictionary, indic_transliteration, the Thai and Shanghainese
 * tables are not available to the edge; `[KO]` spans need ko_pron). A cleaner
 * with no faithful route here is a {@linkcode TextFrontEndError}
 * `unsupported_language` naming it.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/cleaners.py`)
 * @see https://github.com/jaywalnut310/vits (`text/cleaners.py`)
 * @module
 */

import { toAscii } from "./_ascii_fold.ts";
import { expandAbbreviations } from "./_english_abbreviations.ts";
import { chineseCleaners, chineseToTone3 } from "./chinese_cleaners.ts";
import { chineseToIpa } from "./chinese_ipa.ts";
import { chineseToLazyIpa, chineseToRomaji } from "./chinese_romaji.ts";
import { englishToIpa } from "./english_ipa.ts";
import { englishClauses } from "./espeak_ng_english.ts";
import {
  preservePunctuation,
  restorePunctuation,
} from "./_phonemizer_punctuation.ts";
import { koreanCleaners } from "./korean_cleaners.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";

/** Cleaned text plus what was dropped or guessed on the way. */
export interface CleanResult {
  /** The cleaned text. */
  text: string;
  /** Human-readable warnings (unknown words, unsupported spans). */
  warnings: string[];
}

/** The cleaner names this front end implements. */
export const CLEANER_NAMES = [
  "cjke_cleaners2",
  "chinese_cleaners",
  "chinese_cleaners_tone3",
  "english_cleaners2",
  "zh_ja_mixture_cleaners",
  "cjks_cleaners",
  "korean_cleaners",
] as const;

/** One of {@linkcode CLEANER_NAMES}. */
export type CleanerName = typeof CLEANER_NAMES[number];

const SPAN_REGEXP = /\[([A-Z]{2})\](.*?)\[\1\]/gs;

/** `[^.,!?\-…~]$` → append `.` (the reference's trailing-punctuation rule). */
function endWithPunctuation(text: string): string {
  const trimmed = text.replace(/\s+$/, "");
  return trimmed === "" || /[.,!?\-…~]$/.test(trimmed)
    ? trimmed
    : `${trimmed}.`;
}

type SpanReader = (inner: string, warnings: string[]) => string;

function englishReader(variant: "ipa2" | "lazy"): SpanReader {
  return (inner, warnings) => {
    const { ipa, unknownWords } = englishToIpa(inner, { variant });
    if (unknownWords.length > 0) {
      warnings.push(
        `Read ${unknownWords.length} words not in the CMU dictionary letter by letter: ${
          unknownWords.join(", ")
        }`,
      );
    }
    return ipa;
  };
}

/**
 * The shape of the reference's mixed-language cleaners: each `[XX]…[XX]` span
 * read by its language's reader plus a space, trailing space stripped, `.`
 * appended unless the text ends in `.,!?-…~`. Spans of a language without a
 * faithful reader here (Japanese, Korean, Sanskrit) are dropped with a warning.
 */
function spanCleaner(readers: Record<string, SpanReader>) {
  return (text: string): CleanResult => {
    const warnings: string[] = [];
    const cleaned = text.replace(
      SPAN_REGEXP,
      (_, code: string, inner: string) => {
        const reader = readers[code];
        if (reader !== undefined) return `${reader(inner, warnings)} `;
        warnings.push(`Dropped a [${code}] span: language not supported`);
        return "";
      },
    );
    return { text: endWithPunctuation(cleaned), warnings };
  };
}

const cjkeCleaners2 = spanCleaner({
  ZH: (inner) => chineseToIpa(inner),
  EN: englishReader("ipa2"),
});

const zhJaMixtureCleaners = spanCleaner({
  ZH: (inner) => chineseToRomaji(inner),
});

const cjksCleaners = spanCleaner({
  ZH: (inner) => chineseToLazyIpa(inner),
  EN: englishReader("lazy"),
});

/**
 * Original VITS `english_cleaners2`: unidecode, lowercase, abbreviations,
 * then phonemizer's espeak backend with punctuation preserved
 * (`./_phonemizer_punctuation.ts`: each piece phonemized on its own, eSpeak's
 * clauses joined by spaces), lines joined and whitespace collapsed.
 */
async function englishCleaners2(text: string): Promise<CleanResult> {
  const ascii = expandAbbreviations(toAscii(text).toLowerCase());
  const lines = ascii.replace(/^\n+|\n+$/g, "").split("\n")
    .filter((line) => line.trim() !== "");
  const { pieces, marks } = preservePunctuation(lines);
  const phonemized: string[] = [];
  for (const piece of pieces) {
    const clauses = await englishClauses(piece, "en-us") ?? [];
    phonemized.push(clauses.join(" ").trim().split(/ +/).join(" "));
  }
  const restored = restorePunctuation(phonemized, marks).join("\n");
  return { text: restored.replace(/\s+/g, " "), warnings: [] };
}

/**
 * Throws unless this front end implements the named cleaner.
 *
 * @example
 * ```ts
 * import { assertCleanerSupported } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assertCleanerSupported("cjke_cleaners2");
 * assert.throws(() => assertCleanerSupported("japanese_cleaners"), {
 *   code: "unsupported_language",
 * });
 * ```
 *
 * @param name The cleaner name from the voice config.
 * @throws {TextFrontEndError} `unsupported_language`, naming the cleaner.
 */
export function assertCleanerSupported(name: string): void {
  if ((CLEANER_NAMES as readonly string[]).includes(name)) return;
  throw new TextFrontEndError("unsupported_language", {
    field: "voice",
    cleaner: name,
    message:
      `Cannot clean text: the voice's cleaner '${name}' has no faithful implementation here: supported cleaners are ${
        CLEANER_NAMES.join(", ")
      }`,
  });
}

/**
 * Runs one named cleaner.
 *
 * @example cjke_cleaners2 on marked Chinese
 * ```ts
 * import { runCleaner } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const result = await runCleaner("cjke_cleaners2", "[ZH]你好[ZH]");
 * assert.equal(result.text, "ni↓↑xɑʊ↓↑.");
 * ```
 *
 * @param name The cleaner name from the voice config.
 * @param text The (marked) text.
 * @returns The cleaned text and warnings.
 * @throws {TextFrontEndError} `unsupported_language` for a cleaner this
 * front end does not implement.
 */
export async function runCleaner(
  name: string,
  text: string,
): Promise<CleanResult> {
  switch (name) {
    case "cjke_cleaners2":
      return cjkeCleaners2(text);
    case "chinese_cleaners":
      return { text: chineseCleaners(text), warnings: [] };
    case "chinese_cleaners_tone3":
      return { text: chineseToTone3(text), warnings: [] };
    case "english_cleaners2":
      return await englishCleaners2(text);
    case "zh_ja_mixture_cleaners":
      return zhJaMixtureCleaners(text);
    case "cjks_cleaners":
      return cjksCleaners(text);
    case "korean_cleaners":
      return { text: koreanCleaners(text), warnings: [] };
    default:
      assertCleanerSupported(name);
      throw new RangeError(
        `Cannot clean text: cleaner '${name}' is listed but not wired`,
      );
  }
}
