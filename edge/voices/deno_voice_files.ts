/**
 * {@linkcode VoiceFiles} over a local folder with Deno's file APIs (the only
 * voices module that touches `Deno.*`; needs `--allow-read`).
 *
 * @module
 */

import type { VoiceFiles } from "./voices_folder.ts";

const SAFE_PATH_REGEXP = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)?$/;

/**
 * Reads a voices folder from the local file system, one level of subfolders
 * deep; paths with `..` or other unsafe characters are refused.
 *
 * @example Listing a folder
 * ```ts
 * import { denoVoiceFiles } from "@lipstream/edge/voices/deno";
 * import assert from "node:assert/strict";
 *
 * const root = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${root}/a.onnx.json`, "{}");
 * assert.deepEqual(await denoVoiceFiles(root).list(), ["a.onnx.json"]);
 * await assert.rejects(denoVoiceFiles(root).readText("../x"), RangeError);
 * await Deno.remove(root, { recursive: true });
 * ```
 *
 * @param root The voices folder.
 * @returns Read access to the folder.
 */
export function denoVoiceFiles(root: string): VoiceFiles {
  return {
    async list() {
      const names: string[] = [];
      // Symbolic links count as what they point at (a voice folder linked in).
      const kind = async (path: string, entry: Deno.DirEntry) =>
        entry.isSymlink ? await Deno.stat(path).catch(() => undefined) : entry;
      for await (const entry of Deno.readDir(root)) {
        const path = `${root}/${entry.name}`;
        const target = await kind(path, entry);
        if (target?.isFile) names.push(entry.name);
        if (!target?.isDirectory) continue;
        for await (const inner of Deno.readDir(path)) {
          const file = await kind(`${path}/${inner.name}`, inner);
          if (file?.isFile) names.push(`${entry.name}/${inner.name}`);
        }
      }
      return names.sort();
    },
    readText(path) {
      if (!SAFE_PATH_REGEXP.test(path) || path.split("/").includes("..")) {
        return Promise.reject(
          new RangeError(`Cannot read voice file: unsafe path '${path}'`),
        );
      }
      return Deno.readTextFile(`${root}/${path}`);
    },
  };
}
