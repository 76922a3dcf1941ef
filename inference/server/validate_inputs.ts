/**
 * Checks an infer request against the model's metadata the way Triton does before running it:
 * every required input present, no unknown input, datatypes equal, shapes matching (`-1` = any),
 * one batch size across inputs, no more than `max_batch_size`.
 *
 * @module
 */
import type { ModelMetadata, NamedTensors } from "@lipstream/shared";

/** Options of {@linkcode validateInferInputs}. */
export interface ValidateInputsOptions {
  /** `max_batch_size` from the config; > 0 makes the first dimension the batch dimension. */
  maxBatchSize?: number;
  /** Inputs the config marks `optional: true`. */
  optionalInputs?: ReadonlySet<string>;
}

/**
 * Throws a TypeError (→ 400) describing the first mismatch between `inputs` and `metadata`.
 *
 * @param inputs The request's inputs.
 * @param metadata The model's metadata (full shapes, batch dimension included as `-1`).
 * @param options Batch size limit and optional inputs.
 * @throws {TypeError} On a missing, unexpected or mistyped input, or a wrong shape.
 * @example A wrong datatype
 * ```ts
 * import { validateInferInputs } from "@lipstream/inference/server";
 * import assert from "node:assert/strict";
 *
 * const metadata = {
 *   name: "m", platform: "p", outputs: [],
 *   inputs: [{ name: "x", datatype: "FP32" as const, shape: [-1, 2] }],
 * };
 * const x = { datatype: "FP64" as const, shape: [1, 2], data: new Float64Array(2) };
 * assert.throws(() => validateInferInputs({ x }, metadata), /data-type is 'FP64', but model 'm' expects 'FP32'/);
 * ```
 */
export function validateInferInputs(
  inputs: NamedTensors,
  metadata: ModelMetadata,
  options: ValidateInputsOptions = {},
): void {
  const model = metadata.name;
  const declared = new Map(metadata.inputs.map((i) => [i.name, i]));
  for (const name of Object.keys(inputs)) {
    if (!declared.has(name)) {
      throw new TypeError(
        `unexpected inference input '${name}' for model '${model}'`,
      );
    }
  }
  const missing = metadata.inputs
    .filter((i) => !(i.name in inputs) && !options.optionalInputs?.has(i.name))
    .map((i) => `'${i.name}'`);
  if (missing.length > 0) {
    throw new TypeError(
      `expected ${metadata.inputs.length} inputs but got ${
        Object.keys(inputs).length
      } inputs for model '${model}'. Missing required input(s) [${
        missing.join(", ")
      }]`,
    );
  }
  const batching = (options.maxBatchSize ?? 0) > 0;
  let batchSize: number | undefined;
  for (const [name, tensor] of Object.entries(inputs)) {
    const spec = declared.get(name)!;
    if (tensor.datatype !== spec.datatype) {
      throw new TypeError(
        `inference input '${name}' data-type is '${tensor.datatype}', but model '${model}' expects '${spec.datatype}'`,
      );
    }
    const fits = tensor.shape.length === spec.shape.length &&
      spec.shape.every((dim, i) => dim === -1 || dim === tensor.shape[i]);
    if (!fits) {
      throw new TypeError(
        `unexpected shape for input '${name}' for model '${model}'. Expected [${spec.shape}], got [${tensor.shape}]`,
      );
    }
    if (batching) {
      const size = tensor.shape[0]!;
      if (batchSize !== undefined && size !== batchSize) {
        throw new TypeError(
          `input '${name}' batch size ${size} does not match the other inputs' ${batchSize} for model '${model}'`,
        );
      }
      batchSize = size;
      if (size < 1 || size > options.maxBatchSize!) {
        throw new TypeError(
          `inference request batch-size must be <= ${options.maxBatchSize} for '${model}': received ${size}`,
        );
      }
    }
  }
}
