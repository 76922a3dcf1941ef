/**
 * Generates a model's Triton `config.pbtxt` from its real ONNX graph (names, datatypes, dims), and
 * tells which of Lipstream's contracts the graph has (Wav2Lip or a VITS voice), so an imported or
 * dropped-in model is served without a hand-written config.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/user_guide/model_configuration.md
 * @module
 */
import {
  type ModelConfig,
  type ModelMetadata,
  type ModelTensorConfig,
  resolveVitsTensors,
  resolveWav2lipTensors,
  type TensorMetadata,
} from "@lipstream/shared";
import { configDatatype } from "./datatypes.ts";
import type { OnnxModelIo, OnnxTensorInfo } from "./onnx_model_io.ts";

/** Which contract a model has. */
export type ModelRole = "wav2lip" | "voice";

/** Options of {@linkcode modelConfigFromOnnx}. */
export interface ConfigFromOnnxOptions {
  /** The model's contract: Wav2Lip gets batching when its batch dim is variable. */
  role: ModelRole;
  /** `KIND_GPU` instead of `KIND_CPU`. @default {false} */
  gpu?: boolean;
  /** `max_batch_size` of a Wav2Lip model with a variable batch dim. @default {64} */
  maxBatchSize?: number;
}

/** The default `max_batch_size` of a batching Wav2Lip model. */
export const DEFAULT_MAX_BATCH_SIZE = 64;

function checked(kind: string, tensor: OnnxTensorInfo): TensorMetadata {
  if (tensor.datatype === undefined) {
    throw new TypeError(
      `Cannot generate a config: ${kind} '${tensor.name}' has ONNX element type ${tensor.elementType}, which Triton cannot serve`,
    );
  }
  if (tensor.shape === undefined) {
    throw new TypeError(
      `Cannot generate a config: ${kind} '${tensor.name}' has no declared rank`,
    );
  }
  return { name: tensor.name, datatype: tensor.datatype, shape: tensor.shape };
}

/**
 * The graph's inputs and outputs as KServe model metadata (what a server would report for it).
 *
 * @param name The model's name.
 * @param io The graph's inputs and outputs.
 * @returns The metadata.
 * @throws {TypeError} When a tensor has no KServe datatype or no rank, naming it.
 * @example
 * ```ts
 * import { metadataFromOnnx } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * const metadata = metadataFromOnnx("m", {
 *   inputs: [{ name: "x", datatype: "FP32", elementType: 1, shape: [-1, 3] }],
 *   outputs: [],
 * });
 * assert.deepEqual(metadata.inputs, [{ name: "x", datatype: "FP32", shape: [-1, 3] }]);
 * ```
 */
export function metadataFromOnnx(
  name: string,
  io: Pick<OnnxModelIo, "inputs" | "outputs">,
): ModelMetadata {
  return {
    name,
    platform: "onnxruntime_onnx",
    inputs: io.inputs.map((t) => checked("input", t)),
    outputs: io.outputs.map((t) => checked("output", t)),
  };
}

/**
 * Tells the model's contract from its tensors: Wav2Lip's mel, face and output shapes, or a VITS
 * voice's ids, lengths, scales (and speaker) inputs and audio output.
 *
 * @param metadata The model's metadata ({@linkcode metadataFromOnnx}).
 * @returns `wav2lip` or `voice`.
 * @throws {TypeError} Naming what neither contract accepted.
 * @example
 * ```ts
 * import { detectModelRole } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(detectModelRole({
 *   name: "v", platform: "onnxruntime_onnx",
 *   inputs: [
 *     { name: "input", datatype: "INT64", shape: [1, -1] },
 *     { name: "input_lengths", datatype: "INT64", shape: [1] },
 *     { name: "scales", datatype: "FP32", shape: [3] },
 *   ],
 *   outputs: [{ name: "output", datatype: "FP32", shape: [1, 1, -1] }],
 * }), "voice");
 * ```
 */
export function detectModelRole(metadata: ModelMetadata): ModelRole {
  let wav2lip: unknown;
  try {
    resolveWav2lipTensors(metadata);
    return "wav2lip";
  } catch (error) {
    wav2lip = error;
  }
  try {
    resolveVitsTensors(metadata);
    return "voice";
  } catch (voice) {
    const reason = (error: unknown) =>
      error instanceof Error
        ? error.message.replace(/^Cannot use [^:]*: /, "")
        : String(error);
    throw new TypeError(
      `Cannot tell the model's kind: unknown tensor layout (as Wav2Lip: ${
        reason(wav2lip)
      }; as a voice: ${reason(voice)})`,
    );
  }
}

function tensorConfig(
  tensor: TensorMetadata,
  batching: boolean,
): ModelTensorConfig {
  const dims = batching ? tensor.shape.slice(1) : tensor.shape;
  const config: ModelTensorConfig = {
    name: tensor.name,
    data_type: configDatatype(tensor.datatype),
    dims: dims.length === 0 ? [1] : [...dims],
  };
  // Triton needs at least one dim: a scalar is declared [1] and reshaped to [].
  if (dims.length === 0) config.reshape = { shape: [] };
  return config;
}

/**
 * Writes the Triton config of an ONNX model from its graph. A Wav2Lip model whose every input and
 * output has a variable first dim gets `max_batch_size` (default 64), `dynamic_batching` and the
 * dims after the batch dim; any other model (a fixed-batch export such as batch 1, or a voice,
 * whose `scales` input has no batch dim) gets `max_batch_size: 0` and its real dims. Both get one
 * instance, `KIND_CPU` or `KIND_GPU`.
 *
 * @param name The model's name (its repository folder).
 * @param io The graph's inputs and outputs ({@linkcode readOnnxModelIo}).
 * @param options Role, GPU, batch limit.
 * @returns The config; `serializeModelConfig` writes it.
 * @throws {TypeError} When a tensor has no Triton datatype or no rank.
 * @example A batching Wav2Lip
 * ```ts
 * import { modelConfigFromOnnx } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * const config = modelConfigFromOnnx("wav2lip", {
 *   inputs: [
 *     { name: "mel", datatype: "FP32", elementType: 1, shape: [-1, 1, 80, 16] },
 *     { name: "face", datatype: "FP32", elementType: 1, shape: [-1, 6, 96, 96] },
 *   ],
 *   outputs: [{ name: "out", datatype: "FP32", elementType: 1, shape: [-1, 3, 96, 96] }],
 * }, { role: "wav2lip", gpu: true });
 * assert.equal(config.max_batch_size, 64);
 * assert.deepEqual(config.input[0]?.dims, [1, 80, 16]);
 * assert.deepEqual(config.instance_group, [{ count: 1, kind: "KIND_GPU" }]);
 * ```
 */
export function modelConfigFromOnnx(
  name: string,
  io: Pick<OnnxModelIo, "inputs" | "outputs">,
  options: ConfigFromOnnxOptions,
): ModelConfig {
  const metadata = metadataFromOnnx(name, io);
  const all = [...metadata.inputs, ...metadata.outputs];
  const maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  const batching = options.role === "wav2lip" && all.length > 0 &&
    all.every((t) => t.shape.length > 0 && t.shape[0] === -1);
  const config: ModelConfig = {
    name,
    platform: "onnxruntime_onnx",
    max_batch_size: batching ? maxBatchSize : 0,
    input: metadata.inputs.map((t) => tensorConfig(t, batching)),
    output: metadata.outputs.map((t) => tensorConfig(t, batching)),
  };
  if (batching) {
    config.dynamic_batching = {
      preferred_batch_size: [4, 8, 16, 32].filter((size) =>
        size <= maxBatchSize
      ),
      max_queue_delay_microseconds: 2000,
    };
  }
  config.instance_group = [{
    count: 1,
    kind: options.gpu === true ? "KIND_GPU" : "KIND_CPU",
  }];
  return config;
}
