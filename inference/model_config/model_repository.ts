/**
 * Reads a Triton model repository (`<repo>/<model>/config.pbtxt` + `<repo>/<model>/<version>/
 * model.onnx`) into parsed configs and model file paths, without loading any model.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/user_guide/model_repository.md
 * @module
 */
import type { ModelConfig } from "@lipstream/shared";
import { parseModelConfig } from "./model_config_text.ts";

/** One numeric version folder of a model. */
export interface RepositoryModelVersion {
  version: string;
  /** `<version>/<default_model_filename or model.onnx>`. */
  modelPath: string;
  /** Whether the model file (or Triton's `model.onnx/model.onnx` folder form) exists. */
  exists: boolean;
}

/** One model folder of a repository. */
export interface RepositoryModel {
  name: string;
  /** The parsed config, when `config.pbtxt` exists and parses. */
  config?: ModelConfig;
  /** Why the config is missing or invalid. */
  configError?: Error;
  /** Numeric version folders, ascending. */
  versions: RepositoryModelVersion[];
}

async function modelFile(path: string): Promise<string | undefined> {
  try {
    const info = await Deno.stat(path);
    if (info.isFile) return path;
    if (info.isDirectory) return await modelFile(`${path}/model.onnx`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return undefined;
}

/** Whether `entry` of `dir` is a folder, following a symbolic link as Triton does. */
async function isDirectory(
  dir: string,
  entry: Deno.DirEntry,
): Promise<boolean> {
  if (entry.isDirectory) return true;
  if (!entry.isSymlink) return false;
  try {
    return (await Deno.stat(`${dir}/${entry.name}`)).isDirectory;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false; // a dangling link
    throw error;
  }
}

/**
 * Lists the models of a repository, sorted by name. Model and version folders may be symbolic
 * links (a repository assembled from several places).
 *
 * @param dir The repository folder.
 * @returns Each model's config (or config error) and versions.
 * @throws {Deno.errors.NotFound} When `dir` does not exist.
 * @example
 * ```ts ignore
 * import { readModelRepository } from "@lipstream/inference/model_config";
 *
 * for (const model of await readModelRepository("generated/models")) {
 *   console.log(model.name, model.versions.map((v) => v.version));
 * }
 * ```
 */
export async function readModelRepository(
  dir: string,
): Promise<RepositoryModel[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.startsWith(".") && await isDirectory(dir, entry)) {
      names.push(entry.name);
    }
  }
  names.sort();
  const models: RepositoryModel[] = [];
  for (const name of names) {
    const root = `${dir}/${name}`;
    const model: RepositoryModel = { name, versions: [] };
    try {
      const text = await Deno.readTextFile(`${root}/config.pbtxt`);
      model.config = parseModelConfig(text, { defaultName: name });
      if (model.config.name !== name) {
        throw new TypeError(
          `config name '${model.config.name}' must equal the folder name '${name}'`,
        );
      }
    } catch (error) {
      delete model.config;
      model.configError = error instanceof Deno.errors.NotFound
        ? new Error(`no config.pbtxt in '${root}'`)
        : error as Error;
    }
    const filename = model.config?.default_model_filename ?? "model.onnx";
    const versions: string[] = [];
    for await (const entry of Deno.readDir(root)) {
      if (/^\d+$/.test(entry.name) && await isDirectory(root, entry)) {
        versions.push(entry.name);
      }
    }
    versions.sort((a, b) => Number(a) - Number(b));
    for (const version of versions) {
      const path = `${root}/${version}/${filename}`;
      const found = await modelFile(path);
      model.versions.push({
        version,
        modelPath: found ?? path,
        exists: found !== undefined,
      });
    }
    models.push(model);
  }
  return models;
}
