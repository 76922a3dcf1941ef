/**
 * KServe v2 infer responses: encoding on the server, decoding on the client, with each output as
 * JSON `data` or binary data after the header.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md#inference-response-json-object
 * @module
 */
import type { NamedTensors, Tensor } from "./tensor.ts";
import { decodeTensorEntries, encodeTensorEntries } from "./kserve_tensors.ts";
import {
  encodeInferBody,
  type InferBody,
  splitInferBody,
} from "./kserve_body.ts";

/** Options of {@linkcode encodeInferResponse}. */
export interface EncodeInferResponseOptions {
  /** The model that ran. */
  modelName: string;
  /** Its version. */
  modelVersion?: string;
  /** The request's id, echoed. */
  id?: string;
  /** Whether an output goes binary (`FP16`/`BF16` always do). @default {() => false} */
  binary?: (name: string, tensor: Tensor) => boolean;
}

/** A decoded infer response. */
export interface DecodedInferResponse {
  modelName: string;
  modelVersion: string | undefined;
  id: string | undefined;
  outputs: NamedTensors;
}

/**
 * Builds an infer response body.
 *
 * @param outputs The outputs to send, in order.
 * @param options Model name, version, id and the binary choice per output.
 * @returns The body and, when any output is binary, the header length.
 * @example A JSON response
 * ```ts
 * import { encodeInferResponse } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const outputs = { y: { datatype: "INT8" as const, shape: [1], data: Int8Array.of(-3) } };
 * const { body, headerLength } = encodeInferResponse(outputs, { modelName: "m", id: "7" });
 * assert.equal(headerLength, undefined);
 * const json = JSON.parse(new TextDecoder().decode(body));
 * assert.deepEqual(json.outputs[0].data, [-3]);
 * assert.equal(json.id, "7");
 * ```
 */
export function encodeInferResponse(
  outputs: NamedTensors,
  options: EncodeInferResponseOptions,
): InferBody {
  const { entries, binaries } = encodeTensorEntries(
    outputs,
    options.binary ?? (() => false),
  );
  const header: Record<string, unknown> = { model_name: options.modelName };
  if (options.modelVersion !== undefined) {
    header.model_version = options.modelVersion;
  }
  if (options.id !== undefined) header.id = options.id;
  header.outputs = entries;
  return encodeInferBody(header, binaries);
}

/**
 * Reads an infer response body.
 *
 * @param body The uncompressed body.
 * @param headerLength The parsed `Inference-Header-Content-Length`, if any.
 * @returns The response; binary outputs are views on `body` where aligned.
 * @throws {SyntaxError} For invalid JSON.
 * @throws {TypeError} For a malformed response.
 * @throws {RangeError} When binary sizes do not match the binary section.
 * @example Round trip
 * ```ts
 * import { decodeInferResponse, encodeInferResponse } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const outputs = { y: { datatype: "FP64" as const, shape: [1], data: Float64Array.of(0.5) } };
 * const { body, headerLength } = encodeInferResponse(outputs, { modelName: "m", binary: () => true });
 * const response = decodeInferResponse(body, headerLength);
 * assert.equal(response.modelName, "m");
 * assert.deepEqual(response.outputs.y!.data, Float64Array.of(0.5));
 * ```
 */
export function decodeInferResponse(
  body: Uint8Array,
  headerLength: number | undefined,
): DecodedInferResponse {
  const { header, binary } = splitInferBody(body, headerLength);
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw new TypeError("Cannot read infer response: expected a JSON object");
  }
  const { model_name, model_version, id } = header as Record<string, unknown>;
  if (typeof model_name !== "string") {
    throw new TypeError(
      "Cannot read infer response: 'model_name' must be a string",
    );
  }
  if (model_version !== undefined && typeof model_version !== "string") {
    throw new TypeError(
      "Cannot read infer response: 'model_version' must be a string",
    );
  }
  if (id !== undefined && typeof id !== "string") {
    throw new TypeError("Cannot read infer response: 'id' must be a string");
  }
  const outputs = decodeTensorEntries(
    (header as Record<string, unknown>).outputs,
    binary,
    { what: "output" },
  );
  return { modelName: model_name, modelVersion: model_version, id, outputs };
}
