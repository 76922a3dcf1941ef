/**
 * The real {@linkcode SpeechService}: voices from a registry, text split into
 * sentences, each planned by the text front end and spoken by a
 * {@linkcode VoiceSynthesizer}, one sentence at a time as the caller pulls.
 *
 * @module
 */

import type {
  SpeechChunk,
  SpeechRequest,
  SpeechService,
  VoiceInfo,
} from "../pipeline/types.ts";
import { defined } from "@lipstream/shared";
import { nothingToSpeak, planSynthesis } from "../text/front_end.ts";
import {
  type SentenceSplitterOptions,
  splitSentences,
} from "../text/sentence_splitter.ts";
import { TextFrontEndError } from "../text/text_front_end_error.ts";
import type { PlanSynthesis } from "../text/front_end_workers.ts";
import type { Voice } from "../voices/voice.ts";
import { voiceLanguages } from "./voice_languages.ts";
import type { StreamingVoiceSynthesizer } from "./streaming_synthesizer.ts";
import type { VoiceSynthesizer } from "./voice_synthesizer.ts";

/** Options for {@linkcode createSpeechService}. */
export interface SpeechServiceOptions {
  /** The voices to offer. */
  voices: Iterable<Voice>;
  /** Runs a voice's model. */
  synthesizer: VoiceSynthesizer;
  /** Runs a voice's streaming pair window by window (voices with `streaming`). */
  streaming?: StreamingVoiceSynthesizer;
  /** How text is cut into sentences. */
  sentences?: SentenceSplitterOptions;
  /** Most characters of one request's text. @default {1000} */
  maxTextChars?: number;
  /** Receives the front end's warnings (dropped characters, guessed readings). */
  onWarning?: (voiceId: string, warning: string) => void;
  /** The text front end (e.g. `FrontEndWorkers.plan`, off the server thread). @default {planSynthesis} */
  plan?: PlanSynthesis;
}

function describe(voice: Voice): VoiceInfo {
  const speakers = [...voice.speakers.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  return {
    id: voice.id,
    kind: voice.kind,
    languages: voiceLanguages(voice),
    speakers,
    numSpeakers: voice.numSpeakers,
    sampleRateHz: voice.sampleRateHz,
    ...defined({ fixture: voice.fixture || undefined }),
  };
}

/**
 * Creates the speech service. Sentences are synthesized lazily: the next one
 * starts only when the consumer asks for it, so a slow client never makes the
 * server synthesize ahead, and an aborted signal stops before the next model
 * call (and inside it, through the synthesizer).
 *
 * @example Speaking with a stand-in synthesizer
 * ```ts
 * import { createSpeechService } from "@lipstream/edge/speech";
 * import { createVoice } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const voice = createVoice("en", {
 *   data: { sampling_rate: 16000, add_blank: false, text_cleaners: ["english_cleaners2"] },
 *   symbols: ["_", ..."abcdefghijklmnopqrstuvwxyz .,ˈˌəɪʊɛæɑɔʌθðŋʃʒːɹ"],
 * });
 * const service = createSpeechService({
 *   voices: [voice],
 *   synthesizer: (_voice, plan) => Promise.resolve(new Float32Array(plan.ids.length)),
 * });
 * const chunks = [];
 * for await (
 *   const chunk of service.synthesize(
 *     { text: "One sentence. And another one.", voiceId: "en" },
 *     { signal: new AbortController().signal },
 *   )
 * ) chunks.push(chunk);
 * assert.deepEqual(chunks.map((c) => c.sentenceIndex), [0, 1]);
 * ```
 *
 * @param options Voices, the synthesizer and limits.
 * @returns The service.
 */
export function createSpeechService(
  options: SpeechServiceOptions,
): SpeechService {
  const voices = new Map<string, Voice>();
  for (const voice of options.voices) voices.set(voice.id, voice);
  const infos = new Map(
    [...voices.values()].map((voice) => [voice.id, describe(voice)]),
  );
  const planOptions = defined({ maxTextChars: options.maxTextChars });

  return {
    listVoices: () =>
      Promise.resolve(
        [...infos.values()].sort((a, b) => a.id.localeCompare(b.id)),
      ),
    getVoice: (id) => Promise.resolve(infos.get(id)),
    async *synthesize(
      request: SpeechRequest,
      { signal },
    ): AsyncGenerator<SpeechChunk> {
      const voice = voices.get(request.voiceId);
      if (voice === undefined) {
        throw new TextFrontEndError("unknown_voice", {
          field: "voice",
          voice: request.voiceId,
          message: `Cannot find voice '${request.voiceId}'`,
        });
      }
      const language = request.language ?? infos.get(voice.id)?.languages[0];
      const sentences = splitSentences(request.text, options.sentences);
      if (sentences.length === 0) throw nothingToSpeak(voice.id, request.text);
      for (const [sentenceIndex, text] of sentences.entries()) {
        signal.throwIfAborted();
        // The request's options, as they are, for one sentence.
        const plan = await (options.plan ?? planSynthesis)(
          voice,
          defined({ ...request, text, language }),
          planOptions,
        );
        for (const warning of plan.warnings) {
          options.onWarning?.(voice.id, warning);
        }
        if (voice.streaming !== undefined && options.streaming !== undefined) {
          // A streaming voice: each decoded window is a chunk of its own.
          for await (
            const samples of options.streaming(voice, plan, { signal })
          ) {
            signal.throwIfAborted();
            yield {
              sentenceIndex,
              samples,
              sampleRateHz: plan.sampleRateHz,
              text,
            };
          }
          continue;
        }
        const samples = await options.synthesizer(voice, plan, { signal });
        signal.throwIfAborted();
        yield { sentenceIndex, samples, sampleRateHz: plan.sampleRateHz, text };
      }
    },
  };
}
