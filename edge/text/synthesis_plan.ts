/**
 * What the front end hands to the model call: symbol ids, scales, speaker and
 * output format. Kept free of any model or backend type.
 *
 * @module
 */

/** One sentence ready for a VITS/Piper model. */
export interface SynthesisPlan {
  /** The voice id. */
  voiceId: string;
  /** The voice kind (`vits`: VITS / VITS-fast-fine-tuning; `piper`: Piper). */
  kind: "vits" | "piper";
  /** Symbol ids, the model's int64 `input` row. */
  ids: BigInt64Array;
  /** The speaker id (`sid`), or undefined when the model has no speaker input. */
  speakerId: number | undefined;
  /** Noise scale of the prior. */
  noiseScale: number;
  /** Length scale (larger = slower). */
  lengthScale: number;
  /** Noise scale of the duration predictor. */
  noiseW: number;
  /** The model's output sample rate. */
  sampleRateHz: number;
  /** The cleaned text or phonemes the ids were made from (for logs and tests). */
  symbols: string;
  /** What was dropped or guessed (unknown characters, words, spans). */
  warnings: string[];
}

/** A request for one sentence. */
export interface SynthesisRequest {
  /** The text of one sentence (see `splitSentences`). */
  text: string;
  /** `zh`, `en`, `ja` or `mix` (caller wrote `[ZH]…[ZH]` marks). @default {"mix"} */
  language?: string;
  /** Speaker name or id; the voice's first speaker (0) by default. */
  speaker?: string | number;
  /** Speaking rate; the length scale is divided by it. @default {1} */
  speed?: number;
  /** Overrides the voice's noise scale. */
  noiseScale?: number;
  /** Overrides the voice's duration noise scale. */
  noiseW?: number;
}
