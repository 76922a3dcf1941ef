/**
 * The text front end: one sentence of a request → a {@linkcode SynthesisPlan}
 * for its voice (VITS cleaners and symbols, or Piper eSpeak phonemes), with
 * request validation that fails as {@linkcode TextFrontEndError}.
 *
 * @module
 */

import { defined } from "@lipstream/shared";
import type { PiperVoice, VitsVoice, Voice } from "../voices/voice.ts";
import { assertCleanerSupported, runCleaner } from "./cleaners.ts";
import { espeakPhonemes } from "./espeak_phonemes.ts";
import { markLanguage } from "./language_marks.ts";
import { phonemesToIds } from "./phoneme_ids.ts";
import { textToSymbolIds } from "./symbol_ids.ts";
import type { SynthesisPlan, SynthesisRequest } from "./synthesis_plan.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";

/** Options for {@linkcode planSynthesis}. */
export interface PlanOptions {
  /** Most characters a request's text may have. @default {1000} */
  maxTextChars?: number;
}

/** Default {@linkcode PlanOptions.maxTextChars}. */
export const DEFAULT_MAX_TEXT_CHARS = 1000;
/** Speeds a request may ask for (VITS-fast-fine-tuning's slider range). */
export const SPEED_RANGE = { min: 0.1, max: 5 } as const;

const LETTER_REGEXP = /\p{L}/u;
const MARK_REGEXP = /\[[A-Z]{2}\]/g;

function invalid(field: string, message: string): TextFrontEndError {
  return new TextFrontEndError("invalid_option", { field, message });
}

function checkScale(field: string, value: number | undefined): void {
  if (
    value !== undefined &&
    !(Number.isFinite(value) && value >= 0 && value <= 10)
  ) {
    throw invalid(
      field,
      `Cannot plan synthesis: ${field} must be in [0, 10]: received ${value}`,
    );
  }
}

function resolveSpeaker(
  voice: Voice,
  speaker: string | number | undefined,
): number | undefined {
  if (!voice.speakerInput) {
    if (
      speaker === undefined || speaker === 0 ||
      (typeof speaker === "string" && voice.speakers.get(speaker) === 0)
    ) return undefined;
    throw new TextFrontEndError("unknown_speaker", {
      field: "speaker",
      message:
        `Cannot use speaker '${speaker}': voice '${voice.id}' has a single speaker`,
    });
  }
  if (speaker === undefined) return 0;
  const id = typeof speaker === "number"
    ? speaker
    : voice.speakers.get(speaker) ??
      (/^\d+$/.test(speaker) ? Number(speaker) : undefined);
  if (
    id === undefined || !Number.isInteger(id) || id < 0 ||
    id >= voice.numSpeakers
  ) {
    throw new TextFrontEndError("unknown_speaker", {
      field: "speaker",
      message: `Cannot find speaker '${speaker}' in voice '${voice.id}'`,
    });
  }
  return id;
}

function describeDropped(
  dropped: ReadonlyMap<string, number>,
  what: string,
): string[] {
  if (dropped.size === 0) return [];
  let count = 0;
  for (const n of dropped.values()) count += n;
  const list = [...dropped].map(([char, n]) => `'${char}' x${n}`).join(", ");
  return [`Dropped ${count} ${what}: ${list}`];
}

async function vitsSymbols(voice: VitsVoice, text: string, language: string) {
  for (const name of voice.cleaners) assertCleanerSupported(name);
  let cleaned = markLanguage(text, language);
  const warnings: string[] = [];
  for (const name of voice.cleaners) {
    const result = await runCleaner(name, cleaned);
    cleaned = result.text;
    warnings.push(...result.warnings);
  }
  const { ids, dropped } = textToSymbolIds(cleaned, voice.symbolIds, {
    addBlank: voice.addBlank,
  });
  warnings.push(
    ...describeDropped(dropped, "characters not in the voice's symbols"),
  );
  return {
    symbols: cleaned,
    ids,
    warnings,
    kept: [...cleaned].filter((c) => !dropped.has(c)),
  };
}

async function piperSymbols(voice: PiperVoice, text: string) {
  const plain = text.replace(MARK_REGEXP, "");
  const phonemes = voice.phonemeType === "text"
    ? plain.normalize("NFD")
    // piper-phonemize decomposes eSpeak's phonemes (NFD: ç → c + U+0327),
    // and its id maps hold the combining marks.
    : (await espeakPhonemes(plain, voice.espeakVoice, {
      punctuation: "piper",
    })).normalize("NFD");
  const mapped = voice.phonemeMap.size === 0
    ? phonemes
    : [...phonemes].map((p) => voice.phonemeMap.get(p)?.join("") ?? p).join(
      "",
    );
  const { ids, missing } = phonemesToIds(mapped, voice.phonemeIds);
  const warnings = describeDropped(
    missing,
    "phonemes not in the voice's phoneme_id_map",
  );
  return {
    symbols: mapped,
    ids,
    warnings,
    kept: [...mapped].filter((c) => !missing.has(c)),
  };
}

const GRAPHEMES = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * The `nothing_to_speak` error for a text a voice cannot speak, naming the
 * voice and the text's first character that is neither space nor
 * punctuation (the first character at all when there is none).
 *
 * @example
 * ```ts
 * import { nothingToSpeak } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const error = nothingToSpeak("demo", " !👋🏽 ok");
 * assert.equal(error.character, "👋🏽");
 * assert.equal(error.voice, "demo");
 * ```
 *
 * @param voiceId The voice.
 * @param text The request text (or sentence).
 * @returns The error, to throw.
 */
export function nothingToSpeak(
  voiceId: string,
  text: string,
): TextFrontEndError {
  const graphemes = [...GRAPHEMES.segment(text.replace(MARK_REGEXP, ""))]
    .map(({ segment }) => segment).filter((g) => !/^\s+$/u.test(g));
  const character = graphemes.find((g) => !/^\p{P}+$/u.test(g)) ??
    graphemes[0];
  const which = character === undefined
    ? "it is empty"
    : `voice '${voiceId}' has no symbols for ${JSON.stringify(character)}`;
  return new TextFrontEndError("nothing_to_speak", {
    field: "text",
    voice: voiceId,
    ...defined({ character }),
    message:
      `Cannot plan synthesis: the text has nothing the voice can speak: ${which}`,
  });
}

/**
 * Turns one sentence into symbol ids and model settings for a voice.
 *
 * @example A Piper voice (phonemes from eSpeak NG, C++ id layout)
 * ```ts
 * import { planSynthesis } from "@lipstream/edge/text";
 * import { createVoice } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const voice = createVoice("tiny", {
 *   audio: { sample_rate: 16000 },
 *   espeak: { voice: "en-us" },
 *   phoneme_id_map: { _: [0], "^": [1], $: [2], b: [3], i: [4], "ː": [5], "ˈ": [6] },
 * });
 * const plan = await planSynthesis(voice, { text: "bee", speed: 2 });
 * assert.equal(plan.symbols, "bˈiː");
 * assert.deepEqual([...plan.ids], [1n, 0n, 3n, 0n, 6n, 0n, 4n, 0n, 5n, 0n, 2n]);
 * assert.equal(plan.lengthScale, 0.5);
 * assert.equal(plan.speakerId, undefined);
 * ```
 *
 * @param voice The voice to speak with.
 * @param request The sentence and its options.
 * @param options Limits.
 * @returns The plan for the model call.
 * @throws {TextFrontEndError} For text that is too long or has nothing to
 * speak, an unknown language or speaker, or an out-of-range option.
 */
export async function planSynthesis(
  voice: Voice,
  request: SynthesisRequest,
  options: PlanOptions = {},
): Promise<SynthesisPlan> {
  const maxChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const length = [...request.text].length;
  if (length > maxChars) {
    throw new TextFrontEndError("text_too_long", {
      field: "text",
      message:
        `Cannot plan synthesis: text has ${length} characters, more than the limit of ${maxChars}`,
    });
  }
  const speed = request.speed ?? 1;
  if (
    !(Number.isFinite(speed) && speed >= SPEED_RANGE.min &&
      speed <= SPEED_RANGE.max)
  ) {
    throw invalid(
      "speed",
      `Cannot plan synthesis: speed must be in [0.1, 5]: received ${speed}`,
    );
  }
  checkScale("noiseScale", request.noiseScale);
  checkScale("noiseW", request.noiseW);
  const speakerId = resolveSpeaker(voice, request.speaker);
  const result = voice.kind === "vits"
    ? await vitsSymbols(voice, request.text, request.language ?? "mix")
    : await piperSymbols(voice, request.text);
  if (!result.kept.some((char) => LETTER_REGEXP.test(char))) {
    throw nothingToSpeak(voice.id, request.text);
  }
  return {
    voiceId: voice.id,
    kind: voice.kind,
    ids: BigInt64Array.from(result.ids, BigInt),
    speakerId,
    noiseScale: request.noiseScale ?? voice.scales.noiseScale,
    lengthScale: voice.scales.lengthScale / speed,
    noiseW: request.noiseW ?? voice.scales.noiseW,
    sampleRateHz: voice.sampleRateHz,
    symbols: result.symbols,
    warnings: result.warnings,
  };
}
