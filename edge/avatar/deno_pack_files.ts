/**
 * Reads avatar pack folders from the local file system (the only runtime avatar module that uses
 * `Deno.*`; needs `--allow-read`). The builder writes them with `writePackFiles`
 * (`@lipstream/edge/avatar_build/deno`).
 *
 * @module
 */

import type { PackReader } from "./pack_loader.ts";

const SAFE_PATH_REGEXP = /^(frames\/)?[A-Za-z0-9_.-]+$/;

/**
 * Reads files of the pack folder `root`; paths other than `name` or `frames/name` are refused.
 *
 * @param root The pack folder.
 * @returns A reader for `loadAvatarPack`.
 * @example Reading a file
 * ```ts
 * import { denoPackReader } from "@lipstream/edge/avatar/deno";
 * import assert from "node:assert/strict";
 *
 * const root = await Deno.makeTempDir();
 * await Deno.writeFile(`${root}/crops.bin`, new Uint8Array([1, 2]));
 * assert.deepEqual([...await denoPackReader(root)("crops.bin")], [1, 2]);
 * await assert.rejects(denoPackReader(root)("../x"), RangeError);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export function denoPackReader(root: string): PackReader {
  return (path) => {
    if (!SAFE_PATH_REGEXP.test(path) || path.split("/").includes("..")) {
      return Promise.reject(
        new RangeError(`Cannot read avatar pack file: unsafe path '${path}'`),
      );
    }
    return Deno.readFile(`${root}/${path}`);
  };
}
