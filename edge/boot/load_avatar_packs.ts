/**
 * Loads every avatar pack of an avatars folder (`<dir>/<id>/manifest.json`)
 * at start-up, verifying each completely. Deno-only (reads files).
 *
 * @module
 */

import { type AvatarPack, loadAvatarPack } from "../avatar/pack_loader.ts";
import { AvatarPackError } from "../avatar/avatar_pack_error.ts";
import { denoPackReader } from "../avatar/deno_pack_files.ts";
import { SAFE_ID_REGEXP } from "../http/schemas.ts";

/** A pack that could not be loaded: the file at fault and why. */
export interface AvatarPackFailure {
  /** The pack file at fault, relative to the avatars folder. */
  file: string;
  /** The field at fault inside it; `""` when the whole file is. */
  field: string;
  /** What is wrong. */
  message: string;
}

async function listPackNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!SAFE_ID_REGEXP.test(entry.name)) continue;
      // A symbolic link counts as what it points at (a pack folder linked in).
      const target = entry.isSymlink
        ? await Deno.stat(`${dir}/${entry.name}`).catch(() => undefined)
        : entry;
      if (target?.isDirectory) names.push(entry.name);
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
  const withManifest: string[] = [];
  for (const name of names.sort()) {
    try {
      await Deno.stat(`${dir}/${name}/manifest.json`);
      withManifest.push(name);
    } catch {
      // not a pack
    }
  }
  return withManifest;
}

function failureOf(name: string, error: unknown): AvatarPackFailure {
  if (error instanceof AvatarPackError) {
    return {
      file: `${name}/${error.file}`,
      field: error.field,
      message: error.detail,
    };
  }
  return {
    file: `${name}/manifest.json`,
    field: "",
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Loads the packs under `dir` that load, by folder name, and reports the
 * others instead of failing: one corrupt pack never stops the rest. Folders
 * without a manifest are not packs and are skipped silently.
 *
 * @example
 * ```ts ignore
 * const { packs, failed } = await scanAvatarPacks("generated/avatars");
 * console.log([...packs.keys()], failed);
 * ```
 *
 * @param dir The avatars folder.
 * @returns Packs by id (the folder name), in name order, and the failures.
 * @throws {Error} When `dir` is missing, naming it and the set-up command.
 */
export async function scanAvatarPacks(
  dir: string,
): Promise<{ packs: Map<string, AvatarPack>; failed: AvatarPackFailure[] }> {
  const packs = new Map<string, AvatarPack>();
  const failed: AvatarPackFailure[] = [];
  for (const name of await listPackNames(dir)) {
    try {
      packs.set(name, await loadAvatarPack(denoPackReader(`${dir}/${name}`)));
    } catch (error) {
      failed.push(failureOf(name, error));
    }
  }
  return { packs, failed };
}

/**
 * Loads the packs under `dir`, by folder name. Folders without a manifest
 * are skipped; a corrupt pack fails with its name in the error (see
 * {@linkcode scanAvatarPacks} for the tolerant form the server starts with).
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
  const packs = new Map<string, AvatarPack>();
  for (const name of await listPackNames(dir)) {
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
