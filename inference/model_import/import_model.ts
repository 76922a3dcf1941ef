/**
 * `models:import` itself: gets the ONNX graph (exported from a checkpoint, or given), checks it
 * against Lipstream's contracts and the voice's config, generates each `config.pbtxt` from the
 * real graph, and installs `MODEL_REPOSITORY/<name>/{config.pbtxt,1/model.onnx}` (plus
 * `<name>_encoder`/`<name>_decoder` for a streaming voice) and, for a voice, `VOICES_DIR/<name>/`
 * (`config.json` or `model.onnx.json`, and `lipstream.json` naming the repository models; no
 * second copy of the model). All or nothing: what is written is checked like `check:models` does
 * and loaded into ONNX Runtime before it is renamed into place.
 *
 * @module
 */
import {
  type ModelConfig,
  type ModelMetadata,
  resolveVitsTensors,
} from "@lipstream/shared";
import { createVoice, isVoiceId, type Voice } from "@lipstream/edge/voices";
import { checkModelRepository } from "../model_config/check_models.ts";
import {
  detectModelRole,
  metadataFromOnnx,
  modelConfigFromOnnx,
  type ModelRole,
} from "../model_config/config_from_onnx.ts";
import { serializeModelConfig } from "../model_config/model_config_text.ts";
import {
  type OnnxModelIo,
  readOnnxModelIo,
} from "../model_config/onnx_model_io.ts";
import { createOrtBackend } from "../ort/ort_backend.ts";
import type { ImportKind, ImportRequest } from "./import_args.ts";
import { ImportError } from "./import_error.ts";
import { type ExportReport, runExporter } from "./python_exporter.ts";
import { installFolders, type StagedFolder } from "./staged_install.ts";

/** One model written into the repository. */
export interface ImportedModel {
  name: string;
  /** Its folder. */
  dir: string;
  /** The generated config. */
  config: ModelConfig;
}

/** What an import wrote. */
export interface ImportResult {
  /** `wav2lip` or `voice`. */
  role: ModelRole;
  /** The repository models (one, or three for a streaming voice). */
  models: ImportedModel[];
  /** The voice folder, for a voice. */
  voiceDir?: string;
  /** The exporter's verification report, for checkpoint imports. */
  report?: ExportReport;
}

/** Options of {@linkcode importModel}. */
export interface ImportModelOptions {
  /** Runs the Python exporter. @default {runExporter} */
  exporter?: typeof runExporter;
  /** Where exporter progress goes. @default stderr */
  progress?: (line: string) => void;
}

const EXPECTED_ROLE: Readonly<Record<ImportKind, ModelRole | undefined>> = {
  wav2lip: "wav2lip",
  vits: "voice",
  piper: "voice",
  onnx: undefined,
};

async function requireFile(path: string | undefined, flag: string) {
  if (path === undefined) return;
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch {
    throw new ImportError(`--${flag}: no such file '${path}'`);
  }
  if (!info.isFile) throw new ImportError(`--${flag}: '${path}' is not a file`);
}

async function readJsonFile(path: string): Promise<unknown> {
  const text = await Deno.readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError(
      `--config: '${path}' is not JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function graphOf(bytes: Uint8Array, source: string) {
  try {
    return readOnnxModelIo(bytes);
  } catch (error) {
    throw new ImportError(
      `'${source}' is not an ONNX model: ${
        (error as Error).message.replace(/^Cannot read ONNX model: /, "")
      }`,
      { cause: error },
    );
  }
}

function roleOf(metadata: ModelMetadata, source: string): ModelRole {
  try {
    return detectModelRole(metadata);
  } catch (error) {
    throw new ImportError(
      `'${source}': ${
        (error as Error).message.replace(/^Cannot tell the model's kind: /, "")
      }`,
      { cause: error },
    );
  }
}

/** The speaker id `--speaker` names (an id, or a name in the config's `speakers`). */
function speakerId(speaker: string, config: unknown): number {
  if (/^\d+$/.test(speaker)) return Number(speaker);
  const speakers = (config as { speakers?: Record<string, unknown> })
    ?.speakers;
  const id = speakers?.[speaker];
  if (typeof id !== "number") {
    throw new ImportError(
      `--speaker '${speaker}' is not in the config's speakers [${
        Object.keys(speakers ?? {}).join(", ")
      }]`,
    );
  }
  return id;
}

/** The config of a voice whose export has speaker `id` baked in: that one speaker, as id 0. */
function pinSpeaker(config: unknown, id: number): unknown {
  const json = structuredClone(config) as {
    data?: Record<string, unknown>;
    speakers?: Record<string, number>;
  };
  const name =
    Object.entries(json.speakers ?? {}).find(([, sid]) => sid === id)?.[0] ??
      `speaker_${id}`;
  json.speakers = { [name]: 0 };
  if (json.data !== undefined) json.data.n_speakers = 1;
  return json;
}

/** The rows of the model's symbol embedding (VITS's `enc_p.emb.weight`), when it has one. */
function embeddingRows(
  io: OnnxModelIo,
): { name: string; rows: number } | undefined {
  const found = Object.entries(io.initializerDims).find(([name, dims]) =>
    /(^|[./])enc_p\.emb\.weight$/.test(name) && dims.length === 2
  );
  return found === undefined
    ? undefined
    : { name: found[0], rows: found[1][0]! };
}

/** The ids a voice's config can produce: VITS's symbol count, Piper's largest id plus one. */
function idsNeeded(voice: Voice): number {
  if (voice.kind === "vits") {
    return Math.max(0, ...voice.symbolIds.values()) + 1;
  }
  let max = -1;
  for (const ids of voice.phonemeIds.values()) {
    for (const id of ids) max = Math.max(max, id);
  }
  return max + 1;
}

function checkVoice(
  name: string,
  json: unknown,
  kind: ImportKind,
  metadata: ModelMetadata,
  configPath: string,
  io: OnnxModelIo,
): Voice {
  let voice: Voice;
  try {
    voice = createVoice(name, json, {
      ...(kind === "piper" ? { kind: "piper" } : {}),
      ...(kind === "vits" ? { kind: "vits" } : {}),
      file: configPath,
    });
  } catch (error) {
    throw new ImportError((error as Error).message, { cause: error });
  }
  const names = resolveVitsTensors(metadata);
  if (names.speaker === undefined && voice.numSpeakers > 1) {
    throw new ImportError(
      `'${configPath}' lists ${voice.numSpeakers} speakers but the model has no speaker input (sid): inputs [${
        metadata.inputs.map((t) => t.name).join(", ")
      }]`,
    );
  }
  const embedding = embeddingRows(io);
  const needed = idsNeeded(voice);
  if (
    embedding !== undefined &&
    (voice.kind === "vits"
      ? needed !== embedding.rows
      : needed > embedding.rows)
  ) {
    throw new ImportError(
      `'${configPath}' has ${needed} symbol ids but the model's ${embedding.name} has ${embedding.rows} rows: the config is not this model's`,
    );
  }
  return voice;
}

function header(kind: ImportKind, source: string): string {
  return `# Generated by \`deno task models:import ${kind}\` from the ONNX graph of ${
    source.split("/").at(-1)
  }.\n`;
}

function modelFolder(
  repository: string,
  config: ModelConfig,
  bytes: Uint8Array,
  head: string,
): StagedFolder {
  return {
    target: `${repository}/${config.name}`,
    async write(dir) {
      await Deno.writeTextFile(
        `${dir}/config.pbtxt`,
        head + serializeModelConfig(config),
      );
      await Deno.mkdir(`${dir}/1`);
      await Deno.writeFile(`${dir}/1/model.onnx`, bytes);
    },
  };
}

/** Checks the staged repository like `check:models`, then loads it into ONNX Runtime. */
async function verifyStaged(repository: string): Promise<void> {
  for (const check of await checkModelRepository(repository)) {
    if (check.status !== "ok") {
      throw new ImportError(
        `the generated config of '${check.model}' fails check:models: ${
          check.note ?? check.problems.join("; ")
        }`,
      );
    }
  }
  const backend = await createOrtBackend({ repository });
  try {
    for (const entry of await backend.repositoryIndex!()) {
      if (entry.state !== "READY") {
        throw new ImportError(
          `ONNX Runtime cannot serve '${entry.name}': ${
            entry.reason?.replace(/^Cannot load '[^']*': /, "")
          }`,
        );
      }
    }
  } finally {
    await backend.close();
  }
}

/**
 * Runs one import (see the module doc).
 *
 * @example
 * ```ts ignore
 * const result = await importModel(parseImportArgs(Deno.args, Deno.env.toObject())!);
 * console.log(result.models.map((m) => m.dir));
 * ```
 *
 * @param request The parsed command line.
 * @param options The exporter (tests pass another) and where its progress goes.
 * @returns What was written.
 * @throws {ImportError} Naming the problem; nothing is written then.
 */
export async function importModel(
  request: ImportRequest,
  options: ImportModelOptions = {},
): Promise<ImportResult> {
  const { kind, name } = request;
  if (!isVoiceId(name)) {
    throw new ImportError(
      `--name '${name}' is not a valid model name (letters, digits, _ . -, starting with a letter or digit)`,
    );
  }
  await requireFile(request.checkpoint, "checkpoint");
  await requireFile(request.onnx, "onnx");
  await requireFile(request.config, "config");
  let voiceJson = request.config === undefined
    ? undefined
    : await readJsonFile(request.config);
  const work = await Deno.makeTempDir({ prefix: "lipstream-import-" });
  try {
    let bytes: Uint8Array;
    let source: string;
    let report: ExportReport | undefined;
    let streaming: { encoder: Uint8Array; decoder: Uint8Array } | undefined;
    if (kind === "wav2lip" || kind === "vits") {
      const out = `${work}/model.onnx`;
      const args = kind === "wav2lip"
        ? ["wav2lip", "--checkpoint", request.checkpoint!, "--out", out]
        : [
          "vits",
          "--checkpoint",
          request.checkpoint!,
          "--config",
          request
            .config!,
          "--out",
          out,
        ];
      if (request.speaker !== undefined) {
        const id = speakerId(request.speaker, voiceJson);
        args.push("--speaker", String(id));
        voiceJson = pinSpeaker(voiceJson, id);
      }
      if (request.streaming) args.push("--streaming-dir", `${work}/streaming`);
      if (request.precision !== "fp32") args.push(`--${request.precision}`);
      report = await (options.exporter ?? runExporter)(args, {
        ...(options.progress === undefined
          ? {}
          : { progress: options.progress }),
      });
      source = request.checkpoint!;
      try {
        bytes = await Deno.readFile(out);
        if (request.streaming) {
          streaming = {
            encoder: await Deno.readFile(`${work}/streaming/encoder.onnx`),
            decoder: await Deno.readFile(`${work}/streaming/decoder.onnx`),
          };
        }
      } catch (error) {
        throw new ImportError(
          `the exporter reported success but did not write ${
            (error as Error).message.replace(/^.*?: /, "")
          }`,
          { cause: error },
        );
      }
    } else {
      source = request.onnx!;
      bytes = await Deno.readFile(source);
    }
    const io = graphOf(bytes, source);
    let metadata: ModelMetadata;
    try {
      metadata = metadataFromOnnx(name, io);
    } catch (error) {
      throw new ImportError(`'${source}': ${(error as Error).message}`);
    }
    const role = roleOf(metadata, source);
    const expected = EXPECTED_ROLE[kind];
    if (expected !== undefined && role !== expected) {
      throw new ImportError(
        `'${source}' is a ${
          role === "wav2lip" ? "Wav2Lip model" : "voice model"
        }, not a ${
          expected === "wav2lip" ? "Wav2Lip model" : "voice"
        } (import it with kind ${
          role === "wav2lip" ? "onnx" : "piper or onnx"
        })`,
      );
    }
    if (role === "wav2lip" && request.config !== undefined) {
      throw new ImportError(
        `'${source}' is a Wav2Lip model, which takes no --config`,
      );
    }
    let voice: Voice | undefined;
    if (role === "voice") {
      if (request.config === undefined) {
        throw new ImportError(
          `'${source}' is a voice model: give its config with --config (config.json or .onnx.json)`,
        );
      }
      voice = checkVoice(name, voiceJson, kind, metadata, request.config, io);
      const flat = `${request.voices}/${name}.onnx`;
      const taken = await Deno.lstat(flat).then(() => true, () => false);
      if (taken) {
        throw new ImportError(
          `a voice '${name}' already exists as '${flat}' (remove it or choose another --name)`,
        );
      }
    }
    const config = modelConfigFromOnnx(name, io, { role, gpu: request.gpu });
    const head = header(kind, source);
    const models: ImportedModel[] = [{
      name,
      dir: `${request.repository}/${name}`,
      config,
    }];
    const folders = [modelFolder(request.repository, config, bytes, head)];
    if (streaming !== undefined) {
      for (const part of ["encoder", "decoder"] as const) {
        const partName = `${name}_${part}`;
        const partIo = graphOf(streaming[part], `${part}.onnx`);
        const partConfig = modelConfigFromOnnx(partName, partIo, {
          role: "voice",
          gpu: request.gpu,
        });
        models.push({
          name: partName,
          dir: `${request.repository}/${partName}`,
          config: partConfig,
        });
        folders.push(
          modelFolder(request.repository, partConfig, streaming[part], head),
        );
      }
    }
    if (voice !== undefined) {
      const file = voice.kind === "piper" ? "model.onnx.json" : "config.json";
      const manifest = {
        tritonModel: name,
        ...(streaming === undefined ? {} : {
          encoderModel: `${name}_encoder`,
          decoderModel: `${name}_decoder`,
          ...overlapOf(report),
        }),
      };
      folders.push({
        target: `${request.voices}/${name}`,
        async write(dir) {
          await Deno.writeTextFile(
            `${dir}/${file}`,
            request.speaker === undefined
              ? await Deno.readTextFile(request.config!)
              : JSON.stringify(voiceJson, null, 2) + "\n",
          );
          await Deno.writeTextFile(
            `${dir}/lipstream.json`,
            JSON.stringify(manifest, null, 2) + "\n",
          );
        },
      });
    }
    await installFolders(folders, {
      replace: request.force,
      async check(staged) {
        const repositoryStaging = staged.get(`${request.repository}/${name}`)!
          .replace(/\/[^/]+$/, "");
        await verifyStaged(repositoryStaging);
      },
    });
    return {
      role,
      models,
      ...(voice === undefined ? {} : { voiceDir: `${request.voices}/${name}` }),
      ...(report === undefined ? {} : { report }),
    };
  } finally {
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
}

/** The decoder overlap the exporter measured (`streaming.overlap_frames`), for `lipstream.json`. */
function overlapOf(
  report: ExportReport | undefined,
): { decoderOverlapFrames?: number } {
  const streaming = report?.streaming as
    | { overlap_frames?: unknown }
    | undefined;
  const frames = streaming?.overlap_frames;
  return typeof frames === "number" && Number.isInteger(frames) && frames >= 0
    ? { decoderOverlapFrames: frames }
    : {};
}
