/**
 * eSpeak NG 1.51's data, read out of the npm package `phonemizer` 1.2.1: the
 * English dictionary, the phoneme tables of every language (`phontab`,
 * `phonindex`, `phondata`, `intonations`) and the voice files. That package
 * is an Emscripten build of eSpeak NG 1.51 whose data files sit inside its
 * JavaScript as one gzipped, base64-encoded Emscripten file package, listed
 * by a table of `{filename, start, end}` entries. Its own API only
 * synthesizes speech (about 0.1–0.2 ms per character); the data lets the
 * faster full build (`./espeak_ng_phonemizer.ts`) read as 1.51 does.
 *
 * @module
 */

/** One eSpeak NG data file. */
export interface EspeakNgFile {
  /** Path under eSpeak NG's data directory, e.g. `lang/gmw/en-US`. */
  path: string;
  /** The file's bytes. */
  bytes: Uint8Array;
}

/** The package's data directory and its two sub-directory variables. */
const ROOTS_REGEXP =
  /const (\w)="(\/usr\/share\/espeak-ng-data)",(\w)=\1\+"\/lang",(\w)=\1\+"\/voices"/;
/** One entry of the file package's table. */
const FILE_REGEXP = /filename:(\w)\+"([^"]+)",start:(\d+),end:(\d+)/g;
/** The package's size, after the table. */
const SIZE_REGEXP = /remote_package_size:(\d+)/;
/** The gzipped package, a base64 string literal (gzip starts `H4sI`). */
const PACKAGE_REGEXP = /"(H4sI[A-Za-z0-9+/=]+)"/;

function layoutError(detail: string): Error {
  return new Error(
    `Cannot read eSpeak NG data from phonemizer: ${detail} (expected phonemizer 1.2.1)`,
  );
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Extracts the data files from the source of `phonemizer`'s
 * `dist/phonemizer.js`.
 *
 * @example
 * ```ts
 * import { readPhonemizerData } from "./phonemizer_data.ts";
 * import assert from "node:assert/strict";
 *
 * const source = await (await fetch(import.meta.resolve("phonemizer"))).text();
 * const files = await readPhonemizerData(source);
 * assert.ok(files.some((file) => file.path === "en_dict"));
 * await assert.rejects(readPhonemizerData("export {}"));
 * ```
 *
 * @param source The package's JavaScript.
 * @returns Every file of its data package, paths relative to the data
 * directory.
 * @throws {Error} When the source does not have the layout of phonemizer
 * 1.2.1's build.
 */
export async function readPhonemizerData(
  source: string,
): Promise<EspeakNgFile[]> {
  const roots = source.match(ROOTS_REGEXP);
  const size = Number(source.match(SIZE_REGEXP)?.[1]);
  const packed = source.match(PACKAGE_REGEXP)?.[1];
  if (roots === null || packed === undefined || !(size > 0)) {
    throw layoutError("no Emscripten file package found");
  }
  // The table names each file as `<variable>+"/<name>"`.
  const [, rootVariable, , langVariable, voicesVariable] = roots;
  const prefixes = new Map([
    [rootVariable, ""],
    [langVariable, "lang/"],
    [voicesVariable, "voices/"],
  ]);
  const data = await gunzip(decodeBase64(packed));
  if (data.length !== size) {
    throw layoutError(`package of ${data.length} bytes`);
  }
  const files: EspeakNgFile[] = [];
  for (const [, variable, name, start, end] of source.matchAll(FILE_REGEXP)) {
    const prefix = prefixes.get(variable);
    if (prefix === undefined || Number(end) > size) {
      throw layoutError(`unexpected entry '${name}'`);
    }
    files.push({
      path: prefix + name!.slice(1),
      bytes: data.subarray(Number(start), Number(end)),
    });
  }
  if (files.length === 0) throw layoutError("empty file table");
  return files;
}

let loaded: Promise<EspeakNgFile[]> | undefined;

/**
 * Reads `phonemizer`'s data from the installed package (its module file,
 * through `fetch`, which Deno allows for `file:` URLs with read permission),
 * once per process.
 *
 * @example
 * ```ts
 * import { loadPhonemizerData } from "./phonemizer_data.ts";
 * import assert from "node:assert/strict";
 *
 * const files = await loadPhonemizerData();
 * assert.ok(files.some((file) => file.path === "lang/gmw/en-US"));
 * ```
 *
 * @returns The package's data files.
 */
export function loadPhonemizerData(): Promise<EspeakNgFile[]> {
  loaded ??= fetchPhonemizerData();
  return loaded;
}

async function fetchPhonemizerData(): Promise<EspeakNgFile[]> {
  const url = import.meta.resolve("phonemizer");
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(
      `Cannot read eSpeak NG data from phonemizer: ${url} answered ${response.status}`,
    );
  }
  return readPhonemizerData(await response.text());
}
