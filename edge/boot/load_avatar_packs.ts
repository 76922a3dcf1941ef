/**
 * Loads every avatar pack of an avatars folder (`<dir>/<id>/manifest.json`)
 * at start-up, verifying each completely. Deno-only (reads files).
 *
 * @module
 */

import { type AvatarPack, loadAvatarPack } from "../avatar/pack_loader.ts";
import { denoPackReader } from "../avatar/deno_pack_files.ts";
import { SAFE_ID_REGEXP } from "../schemas.ts";

/**
 * Loads the packs under `dir`, by folder name. Folders without a manifest
 * are skipped; a corrupt pack fails the start with its name in the error.
 *
 * @example
 * ```ts ignore
 * const packs = await loadAvatarPacks("generated/avatars");
 * console.log([...packs.keys()]); // ["demo"]
 * ```
 *
 * @param dir The avatars folder.
 * @returns Packs by id (the folder name), in name order.
 * @throws {Error} When `dir` is missing, naming it and the set-up command.
 */
export async function loadAvatarPacks(
  dir: string,
): Promise<Map<string, AvatarPack>> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isDirectory && SAFE_ID_REGEXP.test(entry.name)) {
        names.push(entry.name);
      }
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(
        `Cannot load avatars: folder '${dir}' does not exist (run \`deno task setup\`, or set AVATARS_DIR)`,
        { cause: error },
      );
    }
    throw error;
  }
  const packs = new Map<string, AvatarPack>();
  for (const name of names.sort()) {
    try {
      await Deno.stat(`${dir}/${name}/manifest.json`);
    } catch {
      continue;
    }
    try {
      packs.set(name, await loadAvatarPack(denoPackReader(`${dir}/${name}`)));
    } catch (error) {
      throw new Error(
        `Cannot load avatar pack '${name}' from '${dir}/${name}': ${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error },
      );
    }
  }
  return packs;
}
