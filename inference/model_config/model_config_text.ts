/**
 * Triton `config.pbtxt` ⇄ {@linkcode ModelConfig} (the JSON form `GET …/config` returns): the
 * parser checks the fields Lipstream reads and keeps the rest; the serializer writes configs the
 * parser (and Triton) read back.
 *
 * @see https://github.com/triton-inference-server/common/blob/main/protobuf/model_config.proto
 * @module
 */
import type {
  ConfigDatatype,
  ModelConfig,
  ModelTensorConfig,
} from "@lipstream/shared";
import {
  parseTextFormat,
  type TextMessage,
  type TextPosition,
} from "./text_format.ts";

/** `model_config.proto` fields that are `repeated`. */
const REPEATED_FIELDS = new Set([
  "input",
  "output",
  "dims",
  "shape",
  "preferred_batch_size",
  "instance_group",
  "gpus",
  "step",
  "model_warmup",
  "control_input",
  "control",
  "state",
  "label_filename",
  "secondary_devices",
  "profile",
  "priority_queue_policy",
  "cc_model_filenames",
  "metric_tags",
  "gpu_execution_accelerator",
  "cpu_execution_accelerator",
]);

/** `model_config.proto` fields that are `map<…>`. */
const MAP_FIELDS = new Set([
  "parameters",
  "input_map",
  "output_map",
  "inputs",
  "cc_model_filenames",
  "metric_tags",
]);

/** Fields whose values are enum identifiers (written unquoted). */
const ENUM_FIELDS = new Set(["data_type", "kind", "format", "timeout_action"]);

const CONFIG_DATATYPES: ReadonlySet<string> = new Set<ConfigDatatype>([
  "TYPE_BOOL",
  "TYPE_UINT8",
  "TYPE_UINT16",
  "TYPE_UINT32",
  "TYPE_UINT64",
  "TYPE_INT8",
  "TYPE_INT16",
  "TYPE_INT32",
  "TYPE_INT64",
  "TYPE_FP16",
  "TYPE_FP32",
  "TYPE_FP64",
  "TYPE_BF16",
  "TYPE_STRING",
]);

function configError(
  at: TextPosition | undefined,
  message: string,
): TypeError {
  const where = at === undefined ? "" : ` at ${at.line}:${at.column}`;
  return new TypeError(`Cannot read model config${where}: ${message}`);
}

/**
 * Parses a `config.pbtxt` into a {@linkcode ModelConfig}.
 *
 * `max_batch_size` defaults to 0 and `input`/`output` to `[]`; `name` defaults to `defaultName`
 * (Triton takes the directory name when the config has none).
 *
 * @param source The file's text.
 * @param options `defaultName`: the model directory's name.
 * @returns The config in Triton's JSON form.
 * @throws {SyntaxError} On malformed text (with line:column).
 * @throws {TypeError} On a field of the wrong type, such as an unknown `data_type` (with line:column).
 * @example A batching model
 * ```ts
 * import { parseModelConfig } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * const config = parseModelConfig(`
 *   platform: "onnxruntime_onnx"
 *   max_batch_size: 8
 *   input { name: "x" data_type: TYPE_FP32 dims: [ 3 ] }
 *   output [ { name: "y", data_type: TYPE_FP32, dims: [ 3 ] } ]
 *   dynamic_batching { max_queue_delay_microseconds: 100 }
 * `, { defaultName: "m" });
 * assert.equal(config.name, "m");
 * assert.deepEqual(config.input, [{ name: "x", data_type: "TYPE_FP32", dims: [3] }]);
 * assert.deepEqual(config.dynamic_batching, { max_queue_delay_microseconds: 100 });
 * ```
 */
export function parseModelConfig(
  source: string,
  options: { defaultName?: string } = {},
): ModelConfig {
  const { message, positionOf } = parseTextFormat(source, {
    repeated: REPEATED_FIELDS,
    maps: MAP_FIELDS,
  });
  const name = message.name ?? options.defaultName;
  if (typeof name !== "string" || name === "") {
    throw configError(positionOf(message, "name"), "expected a string 'name'");
  }
  const maxBatchSize = message.max_batch_size ?? 0;
  if (!Number.isInteger(maxBatchSize) || (maxBatchSize as number) < 0) {
    throw configError(
      positionOf(message, "max_batch_size"),
      `expected 'max_batch_size' to be an integer >= 0: received ${maxBatchSize}`,
    );
  }
  const tensors = (field: "input" | "output") => {
    const list = (message[field] ?? []) as TextValueList;
    return list.map((entry) => tensorConfig(entry, field, positionOf));
  };
  return {
    ...(message as Record<string, unknown>),
    name,
    max_batch_size: maxBatchSize as number,
    input: tensors("input"),
    output: tensors("output"),
  };
}

type TextValueList = TextMessage[];

function tensorConfig(
  entry: TextMessage,
  field: string,
  positionOf: (message: object, field: string) => TextPosition | undefined,
): ModelTensorConfig {
  if (typeof entry !== "object" || Array.isArray(entry)) {
    throw configError(undefined, `expected '${field}' entries to be messages`);
  }
  if (typeof entry.name !== "string") {
    throw configError(
      positionOf(entry, "name"),
      `expected a string 'name' in each '${field}'`,
    );
  }
  const dataType = entry.data_type ?? "TYPE_INVALID";
  if (typeof dataType !== "string" || !CONFIG_DATATYPES.has(dataType)) {
    throw configError(
      positionOf(entry, "data_type"),
      `expected a TYPE_* data_type for ${field} '${entry.name}': received ${dataType}`,
    );
  }
  const dims = entry.dims ?? [];
  if (!Array.isArray(dims) || !dims.every((d) => Number.isInteger(d))) {
    throw configError(
      positionOf(entry, "dims"),
      `expected integer dims for ${field} '${entry.name}'`,
    );
  }
  return {
    ...(entry as Record<string, unknown>),
    name: entry.name,
    data_type: dataType as ConfigDatatype,
    dims: dims as number[],
  };
}

/**
 * Writes a {@linkcode ModelConfig} as `config.pbtxt` text that {@linkcode parseModelConfig} reads
 * back to an equal object. Known enum fields (`data_type`, `kind`, …) are written unquoted.
 *
 * @param config The config.
 * @returns The text, ending with a newline.
 * @example Round trip
 * ```ts
 * import { parseModelConfig, serializeModelConfig } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * const config = {
 *   name: "m", platform: "onnxruntime_onnx", max_batch_size: 0,
 *   input: [{ name: "x", data_type: "TYPE_INT64" as const, dims: [1, -1] }],
 *   output: [],
 * };
 * const text = serializeModelConfig(config);
 * assert.match(text, /data_type: TYPE_INT64/);
 * assert.deepEqual(parseModelConfig(text), config);
 * ```
 */
export function serializeModelConfig(config: ModelConfig): string {
  return writeMessage(config as Record<string, unknown>, "") + "";
}

function writeMessage(
  message: Record<string, unknown>,
  indent: string,
): string {
  let text = "";
  for (const [field, value] of Object.entries(message)) {
    if (value === undefined) continue;
    if (MAP_FIELDS.has(field) && isPlainObject(value)) {
      for (const [key, entry] of Object.entries(value)) {
        text += `${indent}${field} {\n${indent}  key: ${JSON.stringify(key)}\n`;
        text += isPlainObject(entry)
          ? `${indent}  value {\n${
            writeMessage(entry, indent + "    ")
          }${indent}  }\n`
          : `${indent}  value: ${writeScalar(field, entry)}\n`;
        text += `${indent}}\n`;
      }
    } else if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isPlainObject)) {
        const items = value.map((item) =>
          `${indent}  {\n${writeMessage(item, indent + "    ")}${indent}  }`
        );
        text += `${indent}${field} [\n${items.join(",\n")}\n${indent}]\n`;
      } else {
        const items = value.map((item) => writeScalar(field, item));
        text += `${indent}${field}: [ ${items.join(", ")} ]\n`;
      }
    } else if (isPlainObject(value)) {
      text += `${indent}${field} {\n${
        writeMessage(value, indent + "  ")
      }${indent}}\n`;
    } else {
      text += `${indent}${field}: ${writeScalar(field, value)}\n`;
    }
  }
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function writeScalar(field: string, value: unknown): string {
  if (typeof value === "string") {
    return ENUM_FIELDS.has(field) && /^[A-Z][A-Z0-9_]*$/.test(value)
      ? value
      : JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "nan";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  throw new TypeError(
    `Cannot write model config field '${field}': unsupported value ${
      JSON.stringify(value)
    }`,
  );
}
