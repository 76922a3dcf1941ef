/**
 * Finds the voices in a voices folder, through a small file interface so the
 * same code runs with a real file system, a bundle or a key-value store.
 *
 * Two layouts, which may be mixed:
 * - Piper's flat files: `<id>.onnx` + `<id>.onnx.json`;
 * - one folder per voice: `<id>/model.onnx` + `<id>/config.json` (VITS) or
 *   `<id>/model.onnx.json` (Piper), with an optional `<id>/lipstream.json`
 *   `{ "tritonModel": "<name>" }` naming the model on a Triton server;
 * - one folder per voice whose model lives in the model repository (what
 *   `deno task models:import` writes): `<id>/config.json` or
 *   `<id>/model.onnx.json` + `<id>/lipstream.json` naming the repository
 *   model, and no model file (optionally also `encoderModel`/`decoderModel`,
 *   a streaming export's two parts).
 *
 * @module
 */

import { defined } from "@lipstream/shared";
import { z } from "zod";
import { parseConfig } from "./_parse_config.ts";
import { createVoice, type Voice, type VoiceStreaming } from "./voice.ts";
import { VoiceConfigError } from "./voice_config_error.ts";
import { isVoiceId } from "./voice_id.ts";

/** Read access to a voices folder; paths are relative and `/`-separated. */
export interface VoiceFiles {
  /** Lists the files in the folder and its direct subfolders. */
  list(): Promise<string[]>;
  /** Reads one listed file as UTF-8 text. */
  readText(path: string): Promise<string>;
}

const ManifestSchema = z.strictObject({
  tritonModel: z.string().min(1),
  encoderModel: z.string().min(1).optional(),
  decoderModel: z.string().min(1).optional(),
  /** Latent frames decoder windows overlap by (the exporter's measured decoder reach). */
  decoderOverlapFrames: z.number().int().min(0).max(1024).optional(),
}).refine(
  (manifest) =>
    (manifest.encoderModel === undefined) ===
      (manifest.decoderModel === undefined),
  { message: "encoderModel and decoderModel come together" },
);

/** Overlap used when a manifest names a streaming pair but no overlap (HiFi-GAN's usual reach). */
const DEFAULT_DECODER_OVERLAP_FRAMES = 16;

async function readJson(files: VoiceFiles, path: string): Promise<unknown> {
  const text = await files.readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VoiceConfigError(path, {
      field: "",
      message: "invalid JSON",
      cause: error,
    });
  }
}

async function loadFolderVoice(
  files: VoiceFiles,
  id: string,
  present: ReadonlySet<string>,
): Promise<Voice> {
  let tritonModel: string | undefined;
  let streaming: VoiceStreaming | undefined;
  if (present.has(`${id}/lipstream.json`)) {
    const file = `${id}/lipstream.json`;
    const manifest = parseConfig(
      ManifestSchema,
      await readJson(files, file),
      file,
    );
    tritonModel = manifest.tritonModel;
    if (
      manifest.encoderModel !== undefined &&
      manifest.decoderModel !== undefined
    ) {
      streaming = {
        encoderModel: manifest.encoderModel,
        decoderModel: manifest.decoderModel,
        overlapFrames: manifest.decoderOverlapFrames ??
          DEFAULT_DECODER_OVERLAP_FRAMES,
      };
    }
  }
  const piper = `${id}/model.onnx.json`;
  const vits = `${id}/config.json`;
  const file = present.has(piper)
    ? piper
    : present.has(vits)
    ? vits
    : undefined;
  const hasModel = present.has(`${id}/model.onnx`);
  if (file === undefined) {
    throw new VoiceConfigError(`${id}/`, {
      field: "",
      message: `expected config.json or model.onnx.json beside ${
        hasModel ? "model.onnx" : "lipstream.json"
      }`,
    });
  }
  return createVoice(id, await readJson(files, file), {
    kind: file === piper ? "piper" : "vits",
    file,
    ...defined({
      modelFile: hasModel ? `${id}/model.onnx` : undefined,
      tritonModel,
      streaming,
    }),
  });
}

/** A voice that could not be loaded: the file and field at fault. */
export interface VoiceLoadFailure {
  /** The file at fault, relative to the voices folder. */
  file: string;
  /** The dotted field path at fault; `""` for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
}

/** The voices of a folder that loaded, and those that did not. */
export interface VoicesFolderReport {
  /** The voices that loaded, in id order. */
  voices: Voice[];
  /** One entry per voice that did not load. */
  failed: VoiceLoadFailure[];
}

async function loadOne(
  files: VoiceFiles,
  path: string,
  present: ReadonlySet<string>,
): Promise<Voice | undefined> {
  const flat = /^([^/]+)\.onnx$/.exec(path)?.[1];
  // A folder voice is found by its model file, or by its manifest when
  // the model lives in the repository (listed once, by the first of the two).
  const nested = /^([^/]+)\/model\.onnx$/.exec(path)?.[1] ??
    /^([^/]+)\/lipstream\.json$/.exec(path)?.[1];
  if (
    nested !== undefined && path.endsWith("/lipstream.json") &&
    present.has(`${nested}/model.onnx`)
  ) return undefined;
  const id = flat ?? nested;
  if (id === undefined) return undefined;
  if (!isVoiceId(id)) {
    throw new VoiceConfigError(path, {
      field: "",
      message: `invalid voice id '${id}'`,
    });
  }
  if (nested !== undefined) return await loadFolderVoice(files, id, present);
  const file = `${id}.onnx.json`;
  if (!present.has(file)) {
    throw new VoiceConfigError(file, {
      field: "",
      message: `missing config beside '${path}'`,
    });
  }
  return createVoice(id, await readJson(files, file), {
    kind: "piper",
    file,
    modelFile: path,
  });
}

function failureOf(error: unknown, path: string): VoiceLoadFailure {
  if (error instanceof VoiceConfigError) {
    return { file: error.file, field: error.field, message: error.detail };
  }
  return {
    file: path,
    field: "",
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Loads every voice in a voices folder that can be loaded, in id order, and
 * reports the others (file, field, message) instead of failing: one broken
 * voice never stops the rest. A second voice with an id already taken (a
 * flat `<id>.onnx` beside an `<id>/` folder) is a failure too.
 *
 * @example One good voice, one broken
 * ```ts
 * import { scanVoicesFolder } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const good = {
 *   audio: { sample_rate: 16000 },
 *   espeak: { voice: "en-us" },
 *   phoneme_id_map: { "_": [0], "^": [1], "$": [2] },
 * };
 * const contents = new Map([
 *   ["a.onnx.json", JSON.stringify(good)],
 *   ["b.onnx.json", JSON.stringify({ ...good, audio: { sample_rate: "x" } })],
 * ]);
 * const report = await scanVoicesFolder({
 *   list: () => Promise.resolve([...contents.keys(), "a.onnx", "b.onnx"]),
 *   readText: (path) => Promise.resolve(contents.get(path) ?? ""),
 * });
 * assert.deepEqual(report.voices.map((voice) => voice.id), ["a"]);
 * assert.equal(report.failed[0]?.file, "b.onnx.json");
 * assert.equal(report.failed[0]?.field, "audio.sample_rate");
 * ```
 *
 * @param files Read access to the folder.
 * @returns The voices and the failures.
 */
export async function scanVoicesFolder(
  files: VoiceFiles,
): Promise<VoicesFolderReport> {
  const present = new Set(await files.list());
  const voices: Voice[] = [];
  const failed: VoiceLoadFailure[] = [];
  const taken = new Set<string>();
  for (const path of [...present].sort()) {
    try {
      const voice = await loadOne(files, path, present);
      if (voice === undefined) continue;
      if (taken.has(voice.id)) {
        throw new VoiceConfigError(path, {
          field: "",
          message: `voice id '${voice.id}' is already taken by another file`,
        });
      }
      taken.add(voice.id);
      voices.push(voice);
    } catch (error) {
      failed.push(failureOf(error, path));
    }
  }
  voices.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { voices, failed };
}

/**
 * Loads every voice in a voices folder, in id order, failing on the first
 * voice that does not load (see {@linkcode scanVoicesFolder} for the
 * tolerant form the server starts with).
 *
 * @example An in-memory folder with one Piper voice
 * ```ts
 * import { loadVoicesFolder } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const config = {
 *   audio: { sample_rate: 16000 },
 *   espeak: { voice: "en-us" },
 *   phoneme_id_map: { "_": [0], "^": [1], "$": [2] },
 * };
 * const contents = new Map([["tiny.onnx.json", JSON.stringify(config)]]);
 * const voices = await loadVoicesFolder({
 *   list: () => Promise.resolve(["tiny.onnx", "tiny.onnx.json"]),
 *   readText: (path) => Promise.resolve(contents.get(path) ?? ""),
 * });
 * assert.deepEqual(voices.map((voice) => [voice.id, voice.kind]), [["tiny", "piper"]]);
 * ```
 *
 * @param files Read access to the folder.
 * @returns The voices found.
 * @throws {VoiceConfigError} When a voice's id or config is invalid.
 */
export async function loadVoicesFolder(files: VoiceFiles): Promise<Voice[]> {
  const present = new Set(await files.list());
  const voices: Voice[] = [];
  for (const path of [...present].sort()) {
    const voice = await loadOne(files, path, present);
    if (voice !== undefined) voices.push(voice);
  }
  return voices;
}
