/**
 * Maps onnxruntime-node failures to {@linkcode InferenceError} kinds: bad feeds (missing inputs,
 * wrong types or dimensions) are `invalid_argument`, everything else `internal`.
 *
 * @module
 */
import { InferenceError } from "@lipstream/shared";

const INVALID_ARGUMENT_REGEXP =
  /invalid dimensions|unexpected input data type|invalid ?argument|missing in 'feeds'|invalid (feed|input|output)|not a valid|must be|out of range|indices element out of data bounds/i;

/**
 * The {@linkcode InferenceError} for an error thrown by an ORT session of `model`.
 *
 * @example
 * ```ts
 * import { ortErrorToInferenceError } from "@lipstream/inference/ort";
 * import assert from "node:assert/strict";
 *
 * const error = ortErrorToInferenceError(new Error("Got invalid dimensions for input: x"), "m");
 * assert.equal(error.kind, "invalid_argument");
 * ```
 */
export function ortErrorToInferenceError(
  error: unknown,
  model: string,
): InferenceError {
  if (error instanceof InferenceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const kind = INVALID_ARGUMENT_REGEXP.test(message)
    ? "invalid_argument"
    : "internal";
  return new InferenceError(
    kind,
    `Cannot run model '${model}' in ONNX Runtime: ${message}`,
    { cause: error },
  );
}
