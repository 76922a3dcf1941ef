/**
 * The full eSpeak NG build (every language eSpeak NG ships, eSpeak NG
 * 1.52-dev, `./espeak_ng_engine.ts`) with the package's own voice data
 * (`espeak-ng.data`, 24 MB). It is loaded on first use only, so English-only
 * deployments never read that file.
 *
 * Where the package cannot read its data file itself (a Workers-style
 * runtime without a filesystem or a file URL), hand the bytes over with
 * {@link setEspeakNgData} before the first call.
 *
 * @module
 */

import { EspeakNgEngine } from "./espeak_ng_engine.ts";

let engine: Promise<EspeakNgEngine> | undefined;
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
  const data = preloadedData;
  engine ??= EspeakNgEngine.create(data === undefined ? {} : { data });
  return (await engine).clauses(text, voice);
}
