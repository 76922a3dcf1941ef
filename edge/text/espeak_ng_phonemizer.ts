/**
 * One instance of the full eSpeak NG build (npm
 * `@echogarden/espeak-ng-emscripten` 0.3.5: eSpeak NG 1.52-dev compiled with
 * Emscripten, its voice data in `espeak-ng.data` beside it, 24 MB), kept
 * initialized: a voice is loaded once and each text costs one call of
 * eSpeak's text-to-phonemes function, no synthesis.
 *
 * A phonemizer reads the package's own data, optionally with some files
 * replaced (eSpeak NG 1.51's phoneme tables from `./phonemizer_data.ts`), or
 * only given files (1.51's English data), the package's then not read.
 *
 * @module
 */

import type { EspeakNgFile } from "./phonemizer_data.ts";

/** The Emscripten module's parts used here (the package has no typings). */
interface EspeakNgModule {
  HEAPU8: Uint8Array;
  FS: {
    readFile(path: string): Uint8Array;
    writeFile(path: string, data: Uint8Array): void;
  };
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

/** Where the package's file package puts eSpeak NG's data (its `espeak-ng.js`). */
const DATA_DIRECTORY = "/usr/share/espeak-ng-data/";

/**
 * eSpeak's complaint when it opens one of the zero-filled placeholders of
 * `withoutPackageData` (a dictionary of a language that text switched to,
 * e.g. `ko_dict` for Hangul in English): expected, so not printed.
 */
const PLACEHOLDER_COMPLAINT_REGEXP = /^Bad data: '[^']*' \(0 length=0\)$/;

function quietAboutPlaceholders(line: string): void {
  if (!PLACEHOLDER_COMPLAINT_REGEXP.test(line)) console.error(line);
}

/** Reads one file of the package's data (path under its data directory). */
export type PackageFileReader = (path: string) => Uint8Array;

/** What a phonemizer reads its voice data from. */
export interface EspeakNgPhonemizerOptions {
  /** The bytes of the package's `espeak-ng.data`, where it cannot read the file. */
  data?: ArrayBuffer;
  /**
   * Data files written over the package's before eSpeak starts, or a
   * function choosing them from the package's own files.
   */
  files?: EspeakNgFile[] | ((read: PackageFileReader) => EspeakNgFile[]);
  /**
   * Skip the package's data (zeros take its place): only the voices that
   * `files` hold can be selected.
   */
  withoutPackageData?: boolean;
}

function readCString(heap: Uint8Array, pointer: number): string {
  let end = pointer;
  while (heap[end] !== 0) end++;
  return new TextDecoder().decode(heap.subarray(pointer, end));
}

/** An initialized eSpeak NG that remembers its current voice. */
export class EspeakNgPhonemizer {
  #module: EspeakNgModule;
  #worker: EspeakNgWorker;
  #voice: string | undefined;

  private constructor(module: EspeakNgModule) {
    this.#module = module;
    this.#worker = new module.eSpeakNGWorker();
  }

  /**
   * Loads the build (about 0.1 s; 0.3–0.45 s more to read the package's own
   * 24 MB of data).
   *
   * @example
   * ```ts
   * import { EspeakNgPhonemizer } from "./espeak_ng_phonemizer.ts";
   * import assert from "node:assert/strict";
   *
   * const phonemizer = await EspeakNgPhonemizer.create();
   * assert.deepEqual(phonemizer.clauses("Hola, mundo.", "es"), ["ˈola", "mˈundo"]);
   * ```
   *
   * @param options The data to read (default: the package's own).
   * @returns The phonemizer.
   */
  static async create(
    options: EspeakNgPhonemizerOptions = {},
  ): Promise<EspeakNgPhonemizer> {
    const { default: create } = await import(
      "@echogarden/espeak-ng-emscripten"
    ) as { default: EspeakNgFactory };
    const { data, files = [], withoutPackageData = false } = options;
    const getPreloadedPackage = withoutPackageData
      ? (_name: string, size: number) => new ArrayBuffer(size)
      : data !== undefined
      ? () => data
      : undefined;
    const module = await create({
      ...(getPreloadedPackage === undefined ? {} : { getPreloadedPackage }),
      printErr: withoutPackageData ? quietAboutPlaceholders : console.error,
    });
    const chosen = typeof files === "function"
      ? files((path) => module.FS.readFile(DATA_DIRECTORY + path))
      : files;
    for (const file of chosen) {
      module.FS.writeFile(DATA_DIRECTORY + file.path, file.bytes);
    }
    return new EspeakNgPhonemizer(module);
  }

  /** Selects a voice by name (`de`, `roa/fr`), else by language (`fr-fr`). */
  #selectVoice(voice: string): boolean {
    if (this.#voice === voice) return true;
    const ok = this.#worker.set_voice(voice) === 0 ||
      this.#worker.set_voice("", voice) === 0;
    this.#voice = ok ? voice : undefined;
    return ok;
  }

  /**
   * IPA phonemes of each eSpeak clause of `text` (eSpeak ends a clause at
   * `, . ; : ! ?` and the like), stress marks kept, punctuation dropped.
   *
   * @example
   * ```ts
   * import { EspeakNgPhonemizer } from "./espeak_ng_phonemizer.ts";
   * import assert from "node:assert/strict";
   *
   * const phonemizer = await EspeakNgPhonemizer.create();
   * assert.deepEqual(phonemizer.clauses("Guten Tag, Welt.", "de"), [
   *   "ɡˈuːtən tˈɑːk",
   *   "vˈɛlt",
   * ]);
   * assert.equal(phonemizer.clauses("Hallo", "xx"), undefined);
   * ```
   *
   * @param text The text.
   * @param voice An eSpeak NG voice name or language (`de`, `fr-fr`, `cmn`).
   * @returns One phoneme string per clause, or `undefined` when the phonemizer
   * has no such voice.
   */
  clauses(text: string, voice: string): string[] | undefined {
    if (!this.#selectVoice(voice)) return undefined;
    const { ptr } = this.#worker.text_to_phonemes(text, 1);
    try {
      return readCString(this.#module.HEAPU8, ptr).split(" | ").map((
        clause,
      ) => clause.replaceAll("_", "").trim());
    } finally {
      // The glue allocates the result with `new[]` and never frees it.
      this.#module._free(ptr);
    }
  }
}
