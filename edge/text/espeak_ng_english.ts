/**
 * English as eSpeak NG 1.51 reads it, at the speed of the full build:
 * `./espeak_ng_phonemizer.ts` (eSpeak NG 1.52-dev code) with all of eSpeak NG
 * 1.51's data from the `phonemizer` package (`./phonemizer_data.ts`) in place
 * of its own. The phoneme data, not the code, carries the en-US horse–hoarse
 * merger of later eSpeak NG (`ɔːɹ` for 1.51's `oːɹ` in "four", "more"), which
 * the rhasspy/espeak-ng fork behind Piper's voices predates; with 1.51's data
 * the output equals `phonemizer`'s own on the Piper and English conformance
 * corpora (edge/text/CONFORMANCE.md).
 *
 * @module
 */

import { EspeakNgPhonemizer } from "./espeak_ng_phonemizer.ts";
import { type EspeakNgFile, loadPhonemizerData } from "./phonemizer_data.ts";

let data: Promise<{ files: EspeakNgFile[]; voices: Set<string> }> | undefined;
let phonemizer: Promise<EspeakNgPhonemizer> | undefined;

/** A voice file's `language <name> [priority]` lines. */
const LANGUAGE_LINE_REGEXP = /^language\s+(\S+)/gm;

/**
 * The English voices of the data: each voice file with an `en` language,
 * by its identifier (`gmw/en-US`) and its English language names (`en-us`),
 * as `phonemizer`'s `list_voices` names them.
 */
function englishVoices(files: EspeakNgFile[]): Set<string> {
  const voices = new Set<string>();
  const decoder = new TextDecoder();
  for (const file of files) {
    if (!file.path.startsWith("lang/")) continue;
    const languages = [
      ...decoder.decode(file.bytes).matchAll(LANGUAGE_LINE_REGEXP),
    ].map((match) => match[1]!).filter((name) => name.split("-")[0] === "en");
    if (languages.length === 0) continue;
    voices.add(file.path.slice("lang/".length));
    for (const language of languages) voices.add(language);
  }
  return voices;
}

/** The 1.51 data and its English voices (read once; eSpeak is not started). */
function loadData(): Promise<{ files: EspeakNgFile[]; voices: Set<string> }> {
  data ??= loadPhonemizerData().then((files) => ({
    files,
    voices: englishVoices(files),
  }));
  return data;
}

/**
 * Whether `voice` is one of eSpeak NG 1.51's English voices (`en-us`,
 * `en-gb`, `gmw/en-US`, …).
 *
 * @example
 * ```ts
 * import { isEnglishVoice } from "./espeak_ng_english.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await isEnglishVoice("en-us"), true);
 * assert.equal(await isEnglishVoice("de"), false);
 * ```
 *
 * @param voice An eSpeak voice name or language.
 * @returns `true` for an English voice of the 1.51 data.
 */
export async function isEnglishVoice(voice: string): Promise<boolean> {
  return (await loadData()).voices.has(voice);
}

/**
 * IPA phonemes of each eSpeak clause of English `text`, as eSpeak NG 1.51
 * reads it.
 *
 * @example
 * ```ts
 * import { englishClauses } from "./espeak_ng_english.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(await englishClauses("Four more, please.", "en-us"), [
 *   "fˈoːɹ mˈoːɹ",
 *   "plˈiːz",
 * ]);
 * ```
 *
 * @param text The text.
 * @param voice An English voice (see {@link isEnglishVoice}).
 * @returns One phoneme string per clause, or `undefined` for a voice the
 * 1.51 data does not have.
 */
export async function englishClauses(
  text: string,
  voice: string,
): Promise<string[] | undefined> {
  const { files, voices } = await loadData();
  if (!voices.has(voice)) return undefined;
  phonemizer ??= EspeakNgPhonemizer.create({
    files,
    withoutPackageData: true,
  });
  return (await phonemizer).clauses(text, voice);
}
