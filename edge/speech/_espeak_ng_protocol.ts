/**
 * Internal: the messages between {@linkcode createEspeakNgSynthesizer} (the
 * caller's thread) and `espeak_ng_worker.ts` (the thread that runs eSpeak NG).
 *
 * @module
 */

/** Caller → worker: speak `text`; `stop[0] !== 0` asks the worker to stop. */
export interface SynthesizeMessage {
  type: "synthesize";
  id: number;
  text: string;
  voice: string;
  rateWpm: number;
  /** A one-element view of a `SharedArrayBuffer`, when the runtime has one. */
  stop?: Int32Array;
}

/** Worker → caller. */
export type FromEspeakNgWorker =
  | { type: "ready"; sampleRateHz: number }
  | { type: "load-failed"; message: string }
  /** `samples` is `null` when eSpeak NG has no such voice. */
  | { type: "samples"; id: number; samples: Int16Array | null }
  | { type: "error"; id: number; message: string };
