/**
 * Avatar pack folders on the local file system (the only avatar module that uses `Deno.*`; needs
 * `--allow-read`, and `--allow-write` to write).
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

/**
 * Writes pack files (from `encodeAvatarPack`) into `root`, replacing an existing pack there; a
 * non-empty folder without `manifest.json` is refused rather than deleted.
 *
 * @param root The pack folder (created with its parents).
 * @param files Bytes by relative path.
 * @returns When everything is written.
 * @example Writing then reading
 * ```ts
 * import { denoPackReader, writePackFiles } from "@lipstream/edge/avatar/deno";
 * import assert from "node:assert/strict";
 *
 * const root = `${await Deno.makeTempDir()}/pack`;
 * await writePackFiles(root, new Map([["frames/000000.jpg", new Uint8Array([7])]]));
 * assert.deepEqual([...await denoPackReader(root)("frames/000000.jpg")], [7]);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function writePackFiles(
  root: string,
  files: Map<string, Uint8Array>,
): Promise<void> {
  if (await isOtherFolder(root)) {
    throw new Deno.errors.AlreadyExists(
      `Cannot write avatar pack: '${root}' is a non-empty folder without manifest.json`,
    );
  }
  await Deno.remove(root, { recursive: true }).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  await Deno.mkdir(`${root}/frames`, { recursive: true });
  for (const [path, bytes] of files) {
    await Deno.writeFile(`${root}/${path}`, bytes);
  }
}

async function isOtherFolder(root: string): Promise<boolean> {
  try {
    for await (const _ of Deno.readDir(root)) {
      return !(await Deno.stat(`${root}/manifest.json`).then(
        () => true,
        () => false,
      ));
    }
    return false;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
