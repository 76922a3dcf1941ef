/**
 * eSpeak NG phonemes (IPA with stress marks) through the `phonemizer` npm
 * package, a WebAssembly build of eSpeak NG with its data inside: no native
 * code, no system binary, no network. Punctuation is kept the way Piper's
 * phonemizer and `english_cleaners2` keep it.
 *
 * @module
 */

import { list_voices as listVoices, phonemize } from "phonemizer";

/** Clause punctuation kept in the phoneme string (not inside "3.14" or "a,b"). */
const PUNCTUATION_REGEXP =
  /((?<![\p{L}\p{N}])[,.;:!?¡¿—…"«»“”]+|[,.;:!?¡¿—…"«»“”]+(?![\p{L}\p{N}]))/u;
/** eSpeak's language-switch flags, e.g. `(en)`, which Piper drops. */
const LANGUAGE_FLAG_REGEXP = /\([a-z]{2,3}(?:-[a-z0-9]+)?\)/g;

interface BundledVoice {
  identifier: string;
  languages: { name: string }[];
}

let bundledVoices: Promise<Set<string>> | undefined;

/** Throws a clear error for a voice the bundled eSpeak NG build lacks. */
async function checkVoice(voice: string): Promise<void> {
  // The package's typings declare one voice; it returns an array of them.
  bundledVoices ??= listVoices().then((voices) =>
    new Set(
      (voices as unknown as BundledVoice[]).flatMap((voice) => [
        voice.identifier,
        ...voice.languages.map((language) => language.name),
      ]),
    )
  );
  if (!(await bundledVoices).has(voice)) {
    throw new RangeError(
      `Cannot phonemize text: eSpeak voice '${voice}' is not in the bundled eSpeak NG build (English voices only)`,
    );
  }
}

/**
 * Phonemizes text with eSpeak NG, keeping clause punctuation: each clause's
 * phonemes, then its punctuation, clauses separated by one space.
 *
 * @example English
 * ```ts
 * import { espeakPhonemes } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await espeakPhonemes("Hello, world!", "en-us"), "həlˈoʊ, wˈɜːld!");
 * ```
 *
 * @param text The text to phonemize.
 * @param voice The eSpeak voice (`"en-us"`, `"de"`, `"cmn"`, …).
 * @returns The phoneme string.
 * @throws {RangeError} For a voice the bundled build lacks (it has English
 * voices only: `en-us`, `en-gb`, …).
 */
export async function espeakPhonemes(
  text: string,
  voice: string,
): Promise<string> {
  const parts = text.split(PUNCTUATION_REGEXP).filter((part) =>
    part.trim() !== ""
  );
  const clauses = parts.filter((part) => !PUNCTUATION_REGEXP.test(part));
  if (clauses.length === 0) return "";
  await checkVoice(voice);
  // One call for the whole text when eSpeak's clauses line up with ours (it
  // is much faster than one call per clause); otherwise one call per clause.
  const whole = await phonemize(text, voice);
  const read = whole.length === clauses.length ? whole : await Promise.all(
    clauses.map(async (clause) => (await phonemize(clause, voice)).join(" ")),
  );
  let out = "";
  let index = 0;
  for (const part of parts) {
    if (PUNCTUATION_REGEXP.test(part)) {
      out = out.trimEnd() + part.trim() + " ";
      continue;
    }
    const phonemes = (read[index++] ?? "").replace(LANGUAGE_FLAG_REGEXP, "")
      .trim();
    if (phonemes !== "") out += phonemes + " ";
  }
  return out.trim().replace(/\s+/g, " ");
}
