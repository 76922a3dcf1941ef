/**
 * eSpeak NG phonemes (IPA with stress marks) for Piper voices and
 * `english_cleaners2`, from the WebAssembly/Emscripten build of eSpeak NG on
 * npm (`./espeak_ng_phonemizer.ts`), no native code, no system binary, no
 * network:
 *
 * - English voices (`en-us`, `en-gb`, …): with eSpeak NG 1.51's English data
 *   (from the `phonemizer` package), `./espeak_ng_english.ts`; it matches
 *   Debian's 1.51 CLI.
 * - Every other eSpeak NG voice (`de`, `fr-fr`, `es`, `cmn`, `ja`, …): with
 *   the build's own 1.52-dev dictionaries and 1.51's phoneme data, as Piper's
 *   eSpeak has it, `./espeak_ng_full.ts`.
 *
 * Punctuation is kept in clause order (an approximation of Python
 * phonemizer's; `english_cleaners2` uses the exact port in `cleaners.ts`) or
 * the way Piper's phonemizer writes it.
 *
 * @module
 */

import { englishClauses, isEnglishVoice } from "./espeak_ng_english.ts";
import { espeakNgClauses } from "./espeak_ng_full.ts";
import {
  type ClausePart,
  joinAsPiper,
  PIPER_PUNCTUATION_REGEXP,
  PIPER_WORD_SPACE_REGEXP,
} from "./piper_punctuation.ts";

export { setEspeakNgData } from "./espeak_ng_full.ts";

/** Clause punctuation kept in the phoneme string (not inside "3.14" or "a,b"). */
const PUNCTUATION_REGEXP =
  /((?<![\p{L}\p{N}])[,.;:!?¡¿—…"«»“”]+|[,.;:!?¡¿—…"«»“”]+(?![\p{L}\p{N}]))/u;
/** Opening marks, attached to the clause after them. */
const OPENING_REGEXP = /^[¡¿«“]+$/u;
/** eSpeak's language-switch flags, e.g. `(en)`, which Piper drops. */
const LANGUAGE_FLAG_REGEXP = /\([a-z]{2,3}(?:-[a-z0-9]+)?\)/g;

/** Phonemizes one text to per-clause phonemes; throws for an unknown voice. */
async function clausePhonemes(text: string, voice: string): Promise<string[]> {
  const clauses = await isEnglishVoice(voice)
    ? await englishClauses(text, voice)
    : await espeakNgClauses(text, voice);
  if (clauses === undefined) {
    throw new RangeError(
      `Cannot phonemize text: '${voice}' is not an eSpeak NG voice (see \`espeak-ng --voices\`)`,
    );
  }
  return clauses;
}

/** How clause punctuation appears in the phonemes. */
export interface EspeakPhonemesOptions {
  /**
   * `"kept"`: every run of `,.;:!?¡¿—…"«»“”` as it is in the text, opening
   * `¡¿«“` before their clause (close to Python phonemizer's
   * `preserve_punctuation`); `"piper"`: the marks piper-phonemize writes for
   * eSpeak's clause ends (`./piper_punctuation.ts`).
   *
   * @default {"kept"}
   */
  punctuation?: "kept" | "piper";
}

/** Joins clauses with every run of marks kept as it is. */
function joinKept(parts: ClausePart[]): string {
  let out = "";
  for (const part of parts) {
    if ("phonemes" in part) {
      if (part.phonemes !== "") out += part.phonemes + " ";
    } else {
      out = OPENING_REGEXP.test(part.marks)
        ? out + part.marks
        : out.trimEnd() + part.marks + " ";
    }
  }
  return out;
}

/**
 * Phonemizes text with eSpeak NG, keeping clause punctuation: each clause's
 * phonemes, then its punctuation, clauses separated by one space. Full-width
 * punctuation (`，。！？：；、`) goes to eSpeak as it is and, as in Piper,
 * yields no punctuation phoneme.
 *
 * @example English
 * ```ts
 * import { espeakPhonemes } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await espeakPhonemes("Hello, world!", "en-us"), "həlˈoʊ, wˈɜːld!");
 * ```
 *
 * @example Other languages, punctuation as in Piper
 * ```ts
 * import { espeakPhonemes } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await espeakPhonemes("Guten Tag, Welt!", "de"), "ɡˈuːtən tˈɑːk, vˈɛlt!");
 * assert.equal(await espeakPhonemes("Hola, ¿qué tal?", "es"), "ˈola, ¿kˈe tˈal?");
 * assert.equal(
 *   await espeakPhonemes("Hola ¿qué tal?", "es", { punctuation: "piper" }),
 *   "ˈolakˈe tˈal?",
 * );
 * await assert.rejects(espeakPhonemes("Hallo", "xx"), RangeError);
 * ```
 *
 * @param text The text to phonemize.
 * @param voice The eSpeak voice (`"en-us"`, `"de"`, `"cmn"`, …).
 * @param options How punctuation is written.
 * @returns The phoneme string.
 * @throws {RangeError} For a voice eSpeak NG does not have, naming it.
 */
export async function espeakPhonemes(
  text: string,
  voice: string,
  options: EspeakPhonemesOptions = {},
): Promise<string> {
  const piper = options.punctuation === "piper";
  if (piper) text = text.replace(PIPER_WORD_SPACE_REGEXP, " ");
  const punctuation = piper ? PIPER_PUNCTUATION_REGEXP : PUNCTUATION_REGEXP;
  // Full-width marks (，。！？) are passed to eSpeak as they are: Piper's
  // eSpeak reports no clause for them, so its ids have no punctuation there
  // (piper-phonemize 1.1.0 on `cmn`, tests/text_piper_corpus_test.ts).
  const tokens = text.split(punctuation).filter((token) => token.trim() !== "");
  const clauses = tokens.filter((token) => !punctuation.test(token));
  if (clauses.length === 0) return "";
  // One call for the whole text when eSpeak's clauses line up with ours (it
  // is much faster than one call per clause); otherwise one call per clause.
  const whole = await clausePhonemes(text, voice);
  const read = whole.length === clauses.length ? whole : await Promise.all(
    clauses.map(async (clause) =>
      // eSpeak clauses inside one of ours end at marks Piper writes no
      // phoneme for (，。), so Piper joins them without a space.
      (await clausePhonemes(clause, voice)).join("")
    ),
  );
  let index = 0;
  const parts: ClausePart[] = tokens.map((token) =>
    punctuation.test(token) ? { marks: token.trim() } : {
      phonemes: (read[index++] ?? "").replace(LANGUAGE_FLAG_REGEXP, "").trim(),
    }
  );
  return (piper ? joinAsPiper(parts) : joinKept(parts)).trim().replace(
    /\s+/g,
    " ",
  );
}
