/**
 * Writes avatar pack folders (builder and set-up only; needs `--allow-read --allow-write`).
 *
 * @module
 */

/**
 * Writes pack files (from `encodeAvatarPack`) into `root`, replacing an existing pack there; a
 * non-empty folder without `manifest.json` is refused rather than deleted.
 *
 * @param root The pack folder (created with its parents).
 * @param files Bytes by relative path.
 * @returns When everything is written.
 * @example Writing then reading
 * ```ts
 * import { denoPackReader } from "@lipstream/edge/avatar/deno";
 * import { writePackFiles } from "@lipstream/edge/avatar_build/deno";
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
