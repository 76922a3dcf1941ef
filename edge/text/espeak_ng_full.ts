/**
 * The full eSpeak NG build (every language eSpeak NG ships, eSpeak NG
 * 1.52-dev, `./espeak_ng_phonemizer.ts`) with the package's own voice data
 * (`espeak-ng.data`, 24 MB) but eSpeak NG 1.51's phoneme data (`phontab`,
 * `phonindex`, `phondata`, `intonations` from the `phonemizer` package,
 * `./phonemizer_data.ts`), as the eSpeak NG behind Piper's voices has it:
 * piper-phonemize 1.1.0 ships that very `phondata` (byte for byte), and its
 * German reads 1.51's `y` (fünf), not 1.52's `ʏ`. The 1.52 dictionaries
 * store phonemes by their codes in the phoneme tables; those codes mean the
 * same in 1.51's tables except in the tables 1.52 renumbered or added
 * (Catalan and its dialects, Faroese, Karakalpak: `./espeak_ng_phontab.ts`
 * finds them), whose voices read 1.52's phoneme data, in a second instance.
 * Both are loaded on first use only, so English-only deployments never read
 * the 24 MB file.
 *
 * Where the package cannot read its data file itself (a Workers-style
 * runtime without a filesystem or a file URL), hand the bytes over with
 * {@link setEspeakNgData} before the first call.
 *
 * @module
 */

import { EspeakNgPhonemizer } from "./espeak_ng_phonemizer.ts";
import { readPhonemeTables, renumberedTables } from "./espeak_ng_phontab.ts";
import { loadPhonemizerData } from "./phonemizer_data.ts";

/** eSpeak NG's phoneme data files (the rest is dictionaries and voices). */
const PHONEME_DATA = new Set([
  "phontab",
  "phonindex",
  "phondata",
  "intonations",
]);

interface OlderPhonemes {
  phonemizer: EspeakNgPhonemizer;
  /** Tables whose codes differ in 1.51: their voices use `current`. */
  renumbered: Set<string>;
}

let older: Promise<OlderPhonemes> | undefined;
let current: Promise<EspeakNgPhonemizer> | undefined;
let preloadedData: ArrayBuffer | undefined;

function packageData(): { data?: ArrayBuffer } {
  return preloadedData === undefined ? {} : { data: preloadedData };
}

async function loadOlderPhonemes(): Promise<OlderPhonemes> {
  const files = (await loadPhonemizerData()).filter((file) =>
    PHONEME_DATA.has(file.path)
  );
  const olderTables = readPhonemeTables(
    files.find((file) => file.path === "phontab")!.bytes,
  );
  let renumbered = new Set<string>();
  const phonemizer = await EspeakNgPhonemizer.create({
    ...packageData(),
    files: (read) => {
      const tables = readPhonemeTables(read("phontab"));
      renumbered = renumberedTables(tables, olderTables);
      return files;
    },
  });
  return { phonemizer, renumbered };
}

/** Whether a voice (`ca`, `roa/ca`, `ca-va`) reads a renumbered table. */
function readsRenumbered(voice: string, renumbered: Set<string>): boolean {
  const name = voice.slice(voice.lastIndexOf("/") + 1).toLowerCase();
  return renumbered.has(name) || renumbered.has(name.split("-")[0]!);
}

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
  if (older !== undefined || current !== undefined) {
    throw new Error("setEspeakNgData: the eSpeak NG build is already loaded");
  }
  preloadedData = data;
}

/**
 * IPA phonemes of each eSpeak clause of `text` (eSpeak ends a clause at
 * `, . ; : ! ?` and the like), stress marks kept, punctuation dropped, with
 * 1.51's phoneme data where the voice's dictionary allows it.
 *
 * @example
 * ```ts
 * import { espeakNgClauses } from "./espeak_ng_full.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(await espeakNgClauses("Guten Tag, fünf Welten.", "de"), [
 *   "ɡˈuːtən tˈɑːk",
 *   "fˈynf vˈɛltən",
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
  older ??= loadOlderPhonemes();
  const { phonemizer, renumbered } = await older;
  if (!readsRenumbered(voice, renumbered)) {
    return phonemizer.clauses(text, voice);
  }
  current ??= EspeakNgPhonemizer.create(packageData());
  return (await current).clauses(text, voice);
}
