/**
 * eSpeak NG's own synthesizer (formant synthesis, no model) through the npm
 * package `@echogarden/espeak-ng-emscripten`: eSpeak NG compiled to
 * WebAssembly with every voice it ships. It runs synchronously on the thread
 * that calls it, so the edge runs it in `espeak_ng_worker.ts`.
 *
 * The package's `eSpeakNGWorker.synthesize(text, callback)` (in its
 * `espeak-ng.js`) calls `callback(samples, events)` with Int16 mono samples
 * at `get_samplerate()` (22050 Hz) as eSpeak fills its buffer; a truthy
 * return stops the synthesis (eSpeak's `t_espeak_callback` contract).
 *
 * eSpeak keeps state between calls (pitch flutter, noise), so the same text
 * would sound slightly different each time. The engine therefore snapshots
 * the module's memory once per voice, right after selecting it, and restores
 * that snapshot before every call: the same text, voice and rate give the
 * same samples for the life of the engine.
 *
 * @module
 */

/** The Emscripten module's parts used here (the package has no typings). */
interface EspeakNgModule {
  HEAPU8: Uint8Array;
  eSpeakNGWorker: new () => EspeakNgBinding;
}

interface EspeakNgBinding {
  /** 0 on success. */
  set_voice(name: string): number;
  /** Words per minute, 80–450 (`espeakRATE_MINIMUM`/`MAXIMUM`). */
  set_rate(wordsPerMinute: number): number;
  get_samplerate(): number;
  synthesize(
    text: string,
    callback: (samples: Int16Array | null, events: unknown[]) => boolean,
  ): void;
}

type EspeakNgFactory = (
  options: Record<string, unknown>,
) => Promise<EspeakNgModule>;

/** eSpeak NG's slowest rate, words per minute (`espeakRATE_MINIMUM`). */
export const ESPEAK_MIN_RATE_WPM = 80;
/** eSpeak NG's fastest rate, words per minute (`espeakRATE_MAXIMUM`). */
export const ESPEAK_MAX_RATE_WPM = 450;
/** eSpeak NG's default rate, words per minute (`espeakRATE_NORMAL`). */
export const ESPEAK_NORMAL_RATE_WPM = 175;

/** What one synthesis call takes. */
export interface EspeakNgSynthesisOptions {
  /** An eSpeak NG voice name (`en-us`, `de`, `cmn`). */
  voice: string;
  /** Words per minute; clamped to 80–450. @default {175} */
  rateWpm?: number;
  /** Polled as audio is made; `true` stops the call (its samples so far are returned). */
  shouldStop?: () => boolean;
}

/** A loaded eSpeak NG. */
export interface EspeakNgEngine {
  /** Output sample rate (22050 Hz for this build). */
  readonly sampleRateHz: number;
  /**
   * Speaks `text` in one call.
   *
   * @returns The samples, or `undefined` when eSpeak NG has no such voice.
   */
  synthesize(
    text: string,
    options: EspeakNgSynthesisOptions,
  ): Int16Array | undefined;
}

/** Snapshots kept: one per voice, the least recently used dropped first. */
const MAX_SNAPSHOTS = 4;

function joinSamples(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Loads the package (24 MB of voice data, about 0.3 s) and returns the engine.
 *
 * @example The same text gives the same samples
 * ```ts
 * import { createEspeakNgEngine } from "./espeak_ng_engine.ts";
 * import assert from "node:assert/strict";
 *
 * const engine = await createEspeakNgEngine();
 * const a = engine.synthesize("Hello world.", { voice: "en-us" })!;
 * const b = engine.synthesize("Hello world.", { voice: "en-us" })!;
 * assert.equal(engine.sampleRateHz, 22050);
 * assert.ok(a.length > 0.5 * 22050);
 * assert.deepEqual(a, b);
 * assert.equal(engine.synthesize("Hello.", { voice: "no-such-voice" }), undefined);
 * ```
 *
 * @returns The engine.
 */
export async function createEspeakNgEngine(): Promise<EspeakNgEngine> {
  const { default: create } = await import(
    "@echogarden/espeak-ng-emscripten"
  ) as { default: EspeakNgFactory };
  const module = await create({});
  const binding = new module.eSpeakNGWorker();
  const sampleRateHz = binding.get_samplerate();
  const snapshots = new Map<string, Uint8Array>();

  /** Selects `voice` from its snapshot (made on first use); false if unknown. */
  function restore(voice: string): boolean {
    const snapshot = snapshots.get(voice);
    if (snapshot !== undefined) {
      snapshots.delete(voice);
      snapshots.set(voice, snapshot);
      const heap = module.HEAPU8;
      heap.set(snapshot);
      heap.fill(0, snapshot.length);
      return true;
    }
    if (binding.set_voice(voice) !== 0) return false;
    snapshots.set(voice, module.HEAPU8.slice());
    if (snapshots.size > MAX_SNAPSHOTS) {
      snapshots.delete(snapshots.keys().next().value!);
    }
    return true;
  }

  return {
    sampleRateHz,
    synthesize(text, options) {
      if (!restore(options.voice)) return undefined;
      const rate = Math.round(options.rateWpm ?? ESPEAK_NORMAL_RATE_WPM);
      binding.set_rate(
        Math.min(ESPEAK_MAX_RATE_WPM, Math.max(ESPEAK_MIN_RATE_WPM, rate)),
      );
      const parts: Int16Array[] = [];
      const shouldStop = options.shouldStop ?? (() => false);
      binding.synthesize(text, (samples) => {
        if (samples !== null && samples.length > 0) parts.push(samples);
        return shouldStop();
      });
      return joinSamples(parts);
    },
  };
}
