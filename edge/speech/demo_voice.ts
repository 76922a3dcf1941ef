/**
 * The demo voice: eSpeak NG's own formant synthesizer behind the
 * {@linkcode SpeechService} interface, so a server with no voice model still
 * speaks intelligible words (robotic, but words) and the lips move to them.
 * It is not VITS and says so: the catalog lists it with `kind: "espeak"` and
 * `demo: true`.
 *
 * Text is split into sentences like the VITS path (the first piece short, so
 * the first audio comes early) and each sentence is one chunk. `speed` scales
 * eSpeak's 175 words per minute (eSpeak clamps it to 80–450); `language`
 * picks the eSpeak voice; `noiseScale` and `noiseW` have no meaning here and
 * are ignored.
 *
 * @module
 */

import { InferenceError } from "@lipstream/shared";
import type {
  SpeechChunk,
  SpeechRequest,
  SpeechService,
  VoiceInfo,
} from "../pipeline/types.ts";
import {
  DEFAULT_MAX_TEXT_CHARS,
  nothingToSpeak,
  SPEED_RANGE,
} from "../text/front_end.ts";
import {
  type SentenceSplitterOptions,
  splitSentences,
} from "../text/sentence_splitter.ts";
import { TextFrontEndError } from "../text/text_front_end_error.ts";
import { ESPEAK_NORMAL_RATE_WPM } from "./espeak_ng_engine.ts";
import {
  ESPEAK_SAMPLE_RATE_HZ,
  type EspeakNgSynthesizer,
} from "./espeak_ng_synthesizer.ts";

/** The demo voice's id. */
export const DEMO_VOICE_ID = "demo_espeak";

/**
 * Request language → eSpeak NG voice (names from eSpeak NG's
 * `espeak-ng-data/lang`); English first, the default.
 */
export const DEMO_LANGUAGE_VOICES: Readonly<Record<string, string>> = {
  en: "en-us",
  zh: "cmn",
  ja: "ja",
  ko: "ko",
  de: "de",
  fr: "fr",
  es: "es",
  it: "it",
  pt: "pt-br",
  nl: "nl",
  ru: "ru",
  pl: "pl",
  sv: "sv",
  tr: "tr",
  hi: "hi",
  ar: "ar",
};

/** Options of {@linkcode createDemoSpeechService}. */
export interface DemoSpeechServiceOptions {
  /** eSpeak NG on its worker. */
  espeak: EspeakNgSynthesizer;
  /** How text is cut into sentences. */
  sentences?: SentenceSplitterOptions;
  /** Most characters of one request's text. @default {1000} */
  maxTextChars?: number;
}

const DEMO_VOICE: VoiceInfo = {
  id: DEMO_VOICE_ID,
  kind: "espeak",
  languages: Object.keys(DEMO_LANGUAGE_VOICES),
  speakers: [],
  numSpeakers: 1,
  sampleRateHz: ESPEAK_SAMPLE_RATE_HZ,
  demo: true,
};

const SPEAKABLE_REGEXP = /[\p{L}\p{N}]/u;

function checkRequest(request: SpeechRequest, maxChars: number): string {
  if (request.voiceId !== DEMO_VOICE_ID) {
    throw new TextFrontEndError("unknown_voice", {
      field: "voice",
      voice: request.voiceId,
      message: `Cannot find voice '${request.voiceId}'`,
    });
  }
  const length = [...request.text].length;
  if (length > maxChars) {
    throw new TextFrontEndError("text_too_long", {
      field: "text",
      message:
        `Cannot speak the text: it has ${length} characters, more than the limit of ${maxChars}`,
    });
  }
  const speed = request.speed ?? 1;
  if (
    !(Number.isFinite(speed) && speed >= SPEED_RANGE.min &&
      speed <= SPEED_RANGE.max)
  ) {
    throw new TextFrontEndError("invalid_option", {
      field: "speed",
      message:
        `Cannot speak the text: speed must be in [0.1, 5]: received ${speed}`,
    });
  }
  const language = request.language ?? DEMO_VOICE.languages[0]!;
  const voice = DEMO_LANGUAGE_VOICES[language];
  if (voice === undefined) {
    throw new TextFrontEndError("unsupported_language", {
      field: "language",
      voice: DEMO_VOICE_ID,
      message: `Voice '${DEMO_VOICE_ID}' does not speak '${language}'`,
    });
  }
  if (!SPEAKABLE_REGEXP.test(request.text)) {
    throw nothingToSpeak(DEMO_VOICE_ID, request.text);
  }
  return voice;
}

/**
 * Creates the demo speech service: one voice, {@linkcode DEMO_VOICE_ID}.
 *
 * @example Two sentences, two chunks of real speech
 * ```ts
 * import {
 *   createDemoSpeechService,
 *   createEspeakNgSynthesizer,
 *   DEMO_VOICE_ID,
 * } from "@lipstream/edge/speech";
 * import assert from "node:assert/strict";
 *
 * const espeak = createEspeakNgSynthesizer();
 * const demo = createDemoSpeechService({ espeak });
 * try {
 *   assert.equal((await demo.getVoice(DEMO_VOICE_ID))?.demo, true);
 *   const chunks = await Array.fromAsync(demo.synthesize(
 *     { text: "Hello there. How are you today?", voiceId: DEMO_VOICE_ID },
 *     { signal: AbortSignal.timeout(30_000) },
 *   ));
 *   assert.deepEqual(chunks.map((chunk) => chunk.sentenceIndex), [0, 1]);
 *   assert.ok(chunks.every((chunk) => chunk.samples.length > 0.3 * 22050));
 * } finally {
 *   espeak.close();
 * }
 * ```
 *
 * @param options eSpeak NG and the limits.
 * @returns The service.
 */
export function createDemoSpeechService(
  options: DemoSpeechServiceOptions,
): SpeechService {
  const maxChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  return {
    listVoices: () => Promise.resolve([DEMO_VOICE]),
    getVoice: (id) =>
      Promise.resolve(id === DEMO_VOICE_ID ? DEMO_VOICE : undefined),
    async *synthesize(request, { signal }): AsyncGenerator<SpeechChunk> {
      const voice = checkRequest(request, maxChars);
      const rateWpm = ESPEAK_NORMAL_RATE_WPM * (request.speed ?? 1);
      const sentences = splitSentences(request.text, options.sentences);
      for (const [sentenceIndex, text] of sentences.entries()) {
        signal.throwIfAborted();
        const pcm = await options.espeak.synthesize(text, {
          voice,
          rateWpm,
          signal,
        });
        if (pcm === undefined) {
          throw new InferenceError(
            "unsupported",
            `Cannot speak with the demo voice: eSpeak NG has no voice '${voice}'`,
          );
        }
        if (pcm.length === 0) continue;
        const samples = new Float32Array(pcm.length);
        for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i]! / 32768;
        yield {
          sentenceIndex,
          samples,
          sampleRateHz: ESPEAK_SAMPLE_RATE_HZ,
          text,
        };
      }
    },
  };
}
