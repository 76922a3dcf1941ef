/**
 * Which request languages a voice accepts, from its cleaners (VITS) or its
 * eSpeak voice (Piper).
 *
 * @module
 */

import type { Voice } from "../voices/voice.ts";

const CLEANER_LANGUAGES: Record<string, readonly string[]> = {
  cjke_cleaners2: ["zh", "en", "mix"],
  chinese_cleaners: ["zh"],
  chinese_cleaners_tone3: ["zh"],
  english_cleaners2: ["en"],
  zh_ja_mixture_cleaners: ["zh", "ja", "mix"],
  cjks_cleaners: ["zh", "ja", "en", "mix"],
  japanese_cleaners: ["ja"],
  japanese_cleaners2: ["ja"],
  korean_cleaners: ["ko"],
};

/**
 * Lists the languages a request may name for `voice`; the first one is the
 * default when a request names none.
 *
 * VITS voices get the languages of their cleaners (`cjke_cleaners2` reads
 * `[ZH]` and `[EN]` marks, so it also accepts `mix`, where the caller wrote the
 * marks); Piper voices speak the language of their eSpeak voice only.
 *
 * @example
 * ```ts
 * import { voiceLanguages } from "@lipstream/edge/speech";
 * import { createVoice } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const voice = createVoice("zh", {
 *   data: { sampling_rate: 22050, add_blank: true, text_cleaners: ["cjke_cleaners2"] },
 *   symbols: ["_", "a"],
 * });
 * assert.deepEqual(voiceLanguages(voice), ["zh", "en", "mix"]);
 * ```
 *
 * @param voice The voice.
 * @returns Language codes, default first.
 */
export function voiceLanguages(voice: Voice): string[] {
  if (voice.kind === "piper") {
    const base = voice.espeakVoice.split(/[-_]/)[0]?.toLowerCase();
    return base ? [base] : [];
  }
  const languages = new Set<string>();
  for (const cleaner of voice.cleaners) {
    for (const language of CLEANER_LANGUAGES[cleaner] ?? []) {
      languages.add(language);
    }
  }
  return [...languages];
}
