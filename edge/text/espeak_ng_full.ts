/**
 * The full eSpeak NG build (every language eSpeak NG ships) through the npm
 * package `@echogarden/espeak-ng-emscripten`: eSpeak NG 1.52-dev compiled
 * with Emscripten, its code inside the JavaScript file and its voice data in
 * `espeak-ng.data` beside it (24 MB). The package is imported on first use
 * only, so English-only deployments never load it.
 *
 * Where the package cannot read its data file itself (a Workers-style
 * runtime without a filesystem or a file URL), hand the bytes over with
 * {@link setEspeakNgData} before the first call.
 *
 * @module
 */

/** The Emscripten module's parts used here (the package has no typings). */
interface EspeakNgModule {
  HEAPU8: Uint8Array;
  _free(pointer: number): void;
  eSpeakNGWorker: new () => EspeakNgWorker;
}

interface EspeakNgWorker {
  /** 0 on success; `aLang` selects by language when the name is unknown. */
  set_voice(name: string, language?: string): number;
  /** `useIpa` 1: IPA, phonemes separated by `_`, clauses by ` | `. */
  text_to_phonemes(text: string, useIpa: number): { ptr: number };
}

type EspeakNgFactory = (
  options: Record<string, unknown>,
) => Promise<EspeakNgModule>;

interface Engine {
  module: EspeakNgModule;
  worker: EspeakNgWorker;
  voice: string | undefined;
}

let engine: Promise<Engine> | undefined;
let preloadedData: ArrayBuffer | undefined;

/**
 * Gives the full build its voice data (the package's `espeak-ng.data`), for
 * runtimes where the package cannot read the file next to it. Call it before
 * the first non-English phonemization.
 *
 * @example
 * ```ts ignore
 * import { setEspeakNgData } from "@lipstream/edge/text";
 *
 * // e.g. from an R2 bucket or a bundled asset on a Workers-style edge
 * setEspeakNgData(await (await fetch(dataUrl)).arrayBuffer());
 * ```
 *
 * @param data The bytes of `espeak-ng.data` from
 * `@echogarden/espeak-ng-emscripten@0.3.5`.
 */
export function setEspeakNgData(data: ArrayBuffer): void {
  if (engine !== undefined) {
    throw new Error("setEspeakNgData: the eSpeak NG build is already loaded");
  }
  preloadedData = data;
}

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const { default: create } = await import(
      "@echogarden/espeak-ng-emscripten"
    ) as { default: EspeakNgFactory };
    const data = preloadedData;
    const module = await create(
      data === undefined ? {} : { getPreloadedPackage: () => data },
    );
    return { module, worker: new module.eSpeakNGWorker(), voice: undefined };
  })();
  return engine;
}

/** Selects a voice by name (`de`, `roa/fr`), else by language (`fr-fr`). */
function selectVoice(state: Engine, voice: string): boolean {
  if (state.voice === voice) return true;
  const ok = state.worker.set_voice(voice) === 0 ||
    state.worker.set_voice("", voice) === 0;
  state.voice = ok ? voice : undefined;
  return ok;
}

function readCString(heap: Uint8Array, pointer: number): string {
  let end = pointer;
  while (heap[end] !== 0) end++;
  return new TextDecoder().decode(heap.subarray(pointer, end));
}

/**
 * IPA phonemes of each eSpeak clause of `text` (eSpeak ends a clause at
 * `, . ; : ! ?` and the like), stress marks kept, punctuation dropped.
 *
 * @example
 * ```ts
 * import { espeakNgClauses } from "./espeak_ng_full.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(await espeakNgClauses("Guten Tag, Welt.", "de"), [
 *   "ɡˈuːtən tˈɑːk",
 *   "vˈɛlt",
 * ]);
 * assert.equal(await espeakNgClauses("Hallo", "xx"), undefined);
 * ```
 *
 * @param text The text.
 * @param voice An eSpeak NG voice name or language (`de`, `fr-fr`, `cmn`).
 * @returns One phoneme string per clause, or `undefined` when eSpeak NG has
 * no such voice.
 */
export async function espeakNgClauses(
  text: string,
  voice: string,
): Promise<string[] | undefined> {
  const state = await loadEngine();
  if (!selectVoice(state, voice)) return undefined;
  const { ptr } = state.worker.text_to_phonemes(text, 1);
  try {
    return readCString(state.module.HEAPU8, ptr).split(" | ").map((clause) =>
      clause.replaceAll("_", "").trim()
    );
  } finally {
    // The glue allocates the result with `new[]` and never frees it.
    state.module._free(ptr);
  }
}
