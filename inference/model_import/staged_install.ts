/**
 * Installs several folders at once, all or nothing: each is first written into a hidden staging
 * folder next to its target (same file system, so the final step is a rename), and only when all
 * are complete are they renamed into place. On any error, what was renamed is put back and the
 * staging folders are removed, so a failed import leaves nothing half-written.
 *
 * Staging folders are named `.models-import-<random>` and hold the new folders one level down:
 * the model repository reader skips hidden folders, and the voices folder reader looks only one
 * level deep, so neither server ever sees a half-written model or voice.
 *
 * @module
 */
import { ImportError } from "./import_error.ts";

/** One folder to install. */
export interface StagedFolder {
  /** The folder it becomes, e.g. `generated/models/wav2lip`. */
  target: string;
  /** Writes the folder's files into `dir` (an empty folder). */
  write(dir: string): Promise<void>;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

function parentOf(path: string): string {
  const index = path.replace(/\/+$/, "").lastIndexOf("/");
  return index < 0 ? "." : index === 0 ? "/" : path.slice(0, index);
}

function baseOf(path: string): string {
  return path.replace(/\/+$/, "").split("/").at(-1)!;
}

/**
 * Writes and installs `folders` atomically (see the module doc).
 *
 * @param folders The folders and how to write each.
 * @param options `replace`: replace existing targets instead of refusing; `check`: runs on the
 * staged folders before anything is renamed (throw to abort).
 * @throws {ImportError} When a target exists and `replace` is not set; whatever `write` or
 * `check` throws, after cleaning up.
 * @example
 * ```ts
 * import { installFolders } from "./staged_install.ts";
 * import assert from "node:assert/strict";
 *
 * const root = await Deno.makeTempDir();
 * await installFolders([{ target: `${root}/m`, write: (dir) => Deno.writeTextFile(`${dir}/a`, "1") }]);
 * assert.equal(await Deno.readTextFile(`${root}/m/a`), "1");
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function installFolders(
  folders: readonly StagedFolder[],
  options: {
    replace?: boolean;
    check?: (staged: ReadonlyMap<string, string>) => Promise<void>;
  } = {},
): Promise<void> {
  for (const folder of folders) {
    if (!options.replace && await exists(folder.target)) {
      throw new ImportError(
        `'${folder.target}' already exists (add --force to replace it)`,
      );
    }
  }
  const stagingByParent = new Map<string, string>();
  const staged = new Map<string, string>();
  const installed: { target: string; previous: string | undefined }[] = [];
  try {
    for (const folder of folders) {
      const parent = parentOf(folder.target);
      let staging = stagingByParent.get(parent);
      if (staging === undefined) {
        await Deno.mkdir(parent, { recursive: true });
        staging = await Deno.makeTempDir({
          dir: parent,
          prefix: ".models-import-",
        });
        stagingByParent.set(parent, staging);
      }
      const dir = `${staging}/${baseOf(folder.target)}`;
      await Deno.mkdir(dir);
      await folder.write(dir);
      staged.set(folder.target, dir);
    }
    await options.check?.(staged);
    for (const folder of folders) {
      const staging = stagingByParent.get(parentOf(folder.target))!;
      let previous: string | undefined;
      if (await exists(folder.target)) {
        previous = `${staging}/.previous-${baseOf(folder.target)}`;
        await Deno.rename(folder.target, previous);
      }
      installed.push({ target: folder.target, previous });
      await Deno.rename(staged.get(folder.target)!, folder.target);
    }
  } catch (error) {
    for (const { target, previous } of installed.reverse()) {
      try {
        if (await exists(target) && staged.has(target)) {
          await Deno.rename(target, staged.get(target)!);
        }
        if (previous !== undefined) await Deno.rename(previous, target);
      } catch {
        // Best effort: the staging folder below still holds what could not be put back.
      }
    }
    throw error;
  } finally {
    for (const staging of stagingByParent.values()) {
      await Deno.remove(staging, { recursive: true }).catch(() => {});
    }
  }
}
