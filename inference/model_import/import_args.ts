/**
 * The command line of `deno task models:import <kind> …`, parsed into one request per kind.
 *
 * @module
 */
import { ImportError } from "./import_error.ts";

/** What to import. */
export type ImportKind = "wav2lip" | "vits" | "piper" | "onnx";

/** The kinds, in the order `--help` lists them. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  "wav2lip",
  "vits",
  "piper",
  "onnx",
];

/** Reduced precision of an export. */
export type ExportPrecision = "fp32" | "fp16" | "int8";

/** A parsed command line. */
export interface ImportRequest {
  kind: ImportKind;
  /** The model (and voice) name. */
  name: string;
  /** `--checkpoint` (wav2lip, vits). */
  checkpoint?: string;
  /** `--onnx` (piper, onnx). */
  onnx?: string;
  /** `--config`: the voice's `config.json` or `.onnx.json`. */
  config?: string;
  /** `--speaker` (vits): a speaker name or id baked into the export. */
  speaker?: string;
  /** `--streaming` (vits): also export the encoder + chunked decoder pair. */
  streaming: boolean;
  /** `--fp16` / `--int8`; `fp32` by default. */
  precision: ExportPrecision;
  /** `--gpu`: `KIND_GPU` instance groups. */
  gpu: boolean;
  /** `--force`: replace a model or voice of the same name. */
  force: boolean;
  /** `--repository`, else `MODEL_REPOSITORY`, else `generated/models`. */
  repository: string;
  /** `--voices`, else `VOICES_DIR`, else `generated/voices`. */
  voices: string;
}

const VALUE_FLAGS = new Set([
  "name",
  "checkpoint",
  "onnx",
  "config",
  "speaker",
  "repository",
  "voices",
]);
const BOOLEAN_FLAGS = new Set(["streaming", "fp16", "int8", "gpu", "force"]);

/** Flags each kind accepts (besides `--repository`, `--voices`, `--force`). */
const KIND_FLAGS: Readonly<Record<ImportKind, readonly string[]>> = {
  wav2lip: ["checkpoint", "name", "fp16", "int8", "gpu"],
  vits: [
    "checkpoint",
    "config",
    "name",
    "speaker",
    "streaming",
    "fp16",
    "int8",
    "gpu",
  ],
  piper: ["onnx", "config", "name", "gpu"],
  onnx: ["onnx", "config", "name", "gpu"],
};
const REQUIRED: Readonly<Record<ImportKind, readonly string[]>> = {
  wav2lip: ["checkpoint"],
  vits: ["checkpoint", "config", "name"],
  piper: ["onnx", "config", "name"],
  onnx: ["onnx", "name"],
};
const COMMON = ["repository", "voices", "force"];

/** Where the defaults come from: the same variables the server reads. */
export interface ImportEnvironment {
  MODEL_REPOSITORY?: string | undefined;
  VOICES_DIR?: string | undefined;
  /** The shell's folder (`deno task` sets it): relative file flags are resolved against it. */
  INIT_CWD?: string | undefined;
}

function resolvePath(path: string, base: string | undefined): string {
  if (base === undefined || base === "" || path.startsWith("/")) return path;
  return `${base.replace(/\/+$/, "")}/${path}`;
}

/**
 * Parses `models:import` arguments (`--flag value` or `--flag=value`).
 *
 * @param args The arguments after the task name.
 * @param env Defaults for the folders and the caller's folder.
 * @returns The request; `undefined` when `--help` (or nothing) was asked for.
 * @throws {ImportError} On an unknown kind or flag, a missing or repeated value, a flag the kind
 * does not take, or both `--fp16` and `--int8`.
 * @example
 * ```ts
 * import { parseImportArgs } from "./import_args.ts";
 * import assert from "node:assert/strict";
 *
 * const request = parseImportArgs(["piper", "--onnx", "amy.onnx", "--config=amy.onnx.json", "--name", "amy"], {});
 * assert.equal(request?.kind, "piper");
 * assert.equal(request?.repository, "generated/models");
 * assert.equal(parseImportArgs(["--help"], {}), undefined);
 * ```
 */
export function parseImportArgs(
  args: readonly string[],
  env: ImportEnvironment,
): ImportRequest | undefined {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
    return undefined;
  }
  const [kind, ...rest] = args;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind!)) {
    throw new ImportError(
      `unknown kind '${kind}': expected one of ${
        IMPORT_KINDS.join(", ")
      } (see --help)`,
    );
  }
  const importKind = kind as ImportKind;
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    if (match === null) {
      throw new ImportError(
        `unexpected argument '${arg}': flags start with -- (see --help)`,
      );
    }
    const flag = match[1]!;
    const allowed = [...KIND_FLAGS[importKind], ...COMMON];
    if (!VALUE_FLAGS.has(flag) && !BOOLEAN_FLAGS.has(flag)) {
      throw new ImportError(`unknown flag --${flag} (see --help)`);
    }
    if (!allowed.includes(flag)) {
      throw new ImportError(
        `${importKind} takes no --${flag}: it takes ${
          allowed.map((f) => `--${f}`).join(", ")
        }`,
      );
    }
    if (values.has(flag) || flags.has(flag)) {
      throw new ImportError(`--${flag} given twice`);
    }
    if (BOOLEAN_FLAGS.has(flag)) {
      if (match[2] !== undefined) {
        throw new ImportError(`--${flag} takes no value`);
      }
      flags.add(flag);
      continue;
    }
    const value = match[2] ?? rest[++i];
    if (value === undefined || value === "" || value.startsWith("--")) {
      throw new ImportError(`--${flag} needs a value`);
    }
    values.set(flag, value);
  }
  for (const flag of REQUIRED[importKind]) {
    if (!values.has(flag)) {
      throw new ImportError(`${importKind} needs --${flag} (see --help)`);
    }
  }
  if (flags.has("fp16") && flags.has("int8")) {
    throw new ImportError("choose one of --fp16 and --int8");
  }
  const file = (flag: string) => {
    const value = values.get(flag);
    return value === undefined ? {} : {
      [flag]: resolvePath(value, env.INIT_CWD),
    };
  };
  const speaker = values.get("speaker");
  return {
    kind: importKind,
    name: values.get("name") ?? "wav2lip",
    ...file("checkpoint"),
    ...file("onnx"),
    ...file("config"),
    ...(speaker === undefined ? {} : { speaker }),
    streaming: flags.has("streaming"),
    precision: flags.has("fp16") ? "fp16" : flags.has("int8") ? "int8" : "fp32",
    gpu: flags.has("gpu"),
    force: flags.has("force"),
    repository: values.has("repository")
      ? resolvePath(values.get("repository")!, env.INIT_CWD)
      : env.MODEL_REPOSITORY || "generated/models",
    voices: values.has("voices")
      ? resolvePath(values.get("voices")!, env.INIT_CWD)
      : env.VOICES_DIR || "generated/voices",
  };
}
