/**
 * KServe v2 infer requests (`POST /v2/models/{name}/infer`): encoding on the client, decoding on
 * the server, in JSON or binary form.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md#inference-request-json-object
 * @module
 */
import type { NamedTensors } from "./tensor.ts";
import type { JsonScalar } from "./kserve_json_data.ts";
import { decodeTensorEntries, encodeTensorEntries } from "./kserve_tensors.ts";
import {
  encodeInferBody,
  type InferBody,
  splitInferBody,
} from "./kserve_body.ts";

/** Options of {@linkcode encodeInferRequest}. */
export interface EncodeInferRequestOptions {
  /** Request id; the server echoes it. */
  id?: string;
  /** Send input data binary (`true`) or as JSON `data` (`false`). `FP16`/`BF16` are always binary. @default {true} */
  binary?: boolean;
  /** Ask for these outputs only (default: all). */
  outputs?: readonly string[];
  /** Ask for outputs as binary data. @default {options.binary} */
  binaryOutputs?: boolean;
  /** Outputs of `outputs` to ask for binary whatever `binaryOutputs` says (e.g. `FP16` ones in
   * JSON mode); ignored when `outputs` is omitted. */
  forceBinaryOutputs?: readonly string[];
  /** Extra request-level parameters. */
  parameters?: Record<string, JsonScalar>;
}

/** One entry of a request's `outputs` array. */
export interface RequestedOutput {
  name: string;
  /** The per-output `binary_data` parameter, if the request set it. */
  binary: boolean | undefined;
}

/** A decoded infer request. */
export interface DecodedInferRequest {
  id: string | undefined;
  parameters: Record<string, unknown>;
  inputs: NamedTensors;
  /** The requested outputs, or `undefined` when the request named none (meaning all). */
  outputs: RequestedOutput[] | undefined;
  /** The request-level `binary_data_output` parameter (default false). */
  binaryDataOutput: boolean;
}

/**
 * Builds an infer request body.
 *
 * @param inputs The model inputs.
 * @param options Request id, binary or JSON, requested outputs.
 * @returns The body and the `Inference-Header-Content-Length` value (when binary).
 * @example A binary request
 * ```ts
 * import { decodeInferRequest, encodeInferRequest } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const inputs = { x: { datatype: "FP32" as const, shape: [2], data: Float32Array.of(1, 2) } };
 * const { body, headerLength } = encodeInferRequest(inputs, { id: "r1" });
 * const request = decodeInferRequest(body, headerLength);
 * assert.equal(request.id, "r1");
 * assert.deepEqual(request.inputs.x!.data, Float32Array.of(1, 2));
 * assert.equal(request.binaryDataOutput, true);
 * ```
 */
export function encodeInferRequest(
  inputs: NamedTensors,
  options: EncodeInferRequestOptions = {},
): InferBody {
  const binary = options.binary ?? true;
  const binaryOutputs = options.binaryOutputs ?? binary;
  const { entries, binaries } = encodeTensorEntries(inputs, () => binary);
  const header: Record<string, unknown> = {};
  if (options.id !== undefined) header.id = options.id;
  const parameters: Record<string, JsonScalar> = { ...options.parameters };
  const forced = new Set(options.forceBinaryOutputs ?? []);
  if (options.outputs !== undefined) {
    header.outputs = options.outputs.map((name) => ({
      name,
      parameters: { binary_data: binaryOutputs || forced.has(name) },
    }));
  } else if (binaryOutputs) {
    parameters.binary_data_output = true;
  }
  if (Object.keys(parameters).length > 0) header.parameters = parameters;
  header.inputs = entries;
  return encodeInferBody(header, binaries);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads an infer request body, validating its structure.
 *
 * @param body The uncompressed body.
 * @param headerLength The parsed `Inference-Header-Content-Length`, if any.
 * @returns The request; binary inputs are views on `body` where aligned.
 * @throws {SyntaxError} For invalid JSON.
 * @throws {TypeError} For a malformed request (missing `inputs`, bad entries, wrong data count).
 * @throws {RangeError} When binary sizes do not match the binary section.
 * @example A JSON request
 * ```ts
 * import { decodeInferRequest } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const json = '{"inputs":[{"name":"x","shape":[1],"datatype":"INT64","data":[5]}]}';
 * const request = decodeInferRequest(new TextEncoder().encode(json), undefined);
 * assert.deepEqual(request.inputs.x!.data, BigInt64Array.of(5n));
 * assert.equal(request.outputs, undefined);
 * ```
 */
export function decodeInferRequest(
  body: Uint8Array,
  headerLength: number | undefined,
): DecodedInferRequest {
  const { header, binary } = splitInferBody(body, headerLength);
  if (!isRecord(header)) {
    throw new TypeError("Cannot read infer request: expected a JSON object");
  }
  const { id, parameters = {}, outputs } = header;
  if (id !== undefined && typeof id !== "string") {
    throw new TypeError("Cannot read infer request: 'id' must be a string");
  }
  if (!isRecord(parameters)) {
    throw new TypeError(
      "Cannot read infer request: 'parameters' must be an object",
    );
  }
  if (header.inputs === undefined) {
    throw new TypeError("Cannot read infer request: 'inputs' is missing");
  }
  const inputs = decodeTensorEntries(header.inputs, binary, { what: "input" });
  let requested: RequestedOutput[] | undefined;
  if (outputs !== undefined) {
    if (!Array.isArray(outputs)) {
      throw new TypeError(
        "Cannot read infer request: 'outputs' must be an array",
      );
    }
    requested = outputs.map((output) => {
      if (!isRecord(output) || typeof output.name !== "string") {
        throw new TypeError(
          "Cannot read infer request: each output needs a string 'name'",
        );
      }
      const flag = isRecord(output.parameters)
        ? output.parameters.binary_data
        : undefined;
      if (flag !== undefined && typeof flag !== "boolean") {
        throw new TypeError(
          `Cannot read infer request: output '${output.name}' 'binary_data' must be a boolean`,
        );
      }
      return { name: output.name, binary: flag };
    });
  }
  const binaryDataOutput = parameters.binary_data_output ?? false;
  if (typeof binaryDataOutput !== "boolean") {
    throw new TypeError(
      "Cannot read infer request: 'binary_data_output' must be a boolean",
    );
  }
  return { id, parameters, inputs, outputs: requested, binaryDataOutput };
}
