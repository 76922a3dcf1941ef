/**
 * Converts between Lipstream's {@linkcode Tensor} and onnxruntime-node tensors, sharing the typed
 * arrays (no copies) for every numeric type. `BYTES` goes through UTF-8 strings, because
 * onnxruntime-node takes string tensors as JavaScript strings.
 *
 * @module
 */
import * as ort from "onnxruntime-node";
import { type Datatype, InferenceError, type Tensor } from "@lipstream/shared";

const ORT_TYPE: Readonly<Partial<Record<Datatype, ort.Tensor.Type>>> = {
  BOOL: "bool",
  UINT8: "uint8",
  UINT16: "uint16",
  UINT32: "uint32",
  UINT64: "uint64",
  INT8: "int8",
  INT16: "int16",
  INT32: "int32",
  INT64: "int64",
  FP16: "float16",
  FP32: "float32",
  FP64: "float64",
  BYTES: "string",
};

const DATATYPE = new Map<string, Datatype>(
  Object.entries(ORT_TYPE).map(([k, v]) => [v, k as Datatype]),
);

/**
 * An onnxruntime-node tensor sharing `tensor`'s data.
 *
 * @param name The input's name (for error messages).
 * @param tensor The tensor.
 * @returns The ORT tensor.
 * @throws {InferenceError} Kind `unsupported` for `BF16`; `invalid_argument` when the data length
 * does not match the shape.
 * @example
 * ```ts
 * import { toOrtTensor } from "@lipstream/inference/ort";
 * import assert from "node:assert/strict";
 *
 * const data = Float32Array.of(1, 2);
 * assert.equal(toOrtTensor("x", { datatype: "FP32", shape: [2], data }).data, data);
 * ```
 */
export function toOrtTensor(name: string, tensor: Tensor): ort.Tensor {
  const type = ORT_TYPE[tensor.datatype];
  if (type === undefined) {
    throw new InferenceError(
      "unsupported",
      `Cannot run input '${name}': datatype ${tensor.datatype} has no ONNX Runtime type`,
    );
  }
  const dims = [...tensor.shape];
  try {
    if (tensor.datatype === "BYTES") {
      const decoder = new TextDecoder();
      return new ort.Tensor(
        "string",
        tensor.data.map((b) => decoder.decode(b)),
        dims,
      );
    }
    const result = new ort.Tensor(type, tensor.data as Float32Array, dims);
    if (tensor.datatype === "FP16" && "cpuData" in result) {
      // Where Float16Array exists (Deno), onnxruntime-common wraps the bits in a Float16Array,
      // which the N-API addon reads as empty; hand it the Uint16Array bits instead.
      (result as unknown as { cpuData: Uint16Array }).cpuData = tensor.data;
    }
    return result;
  } catch (error) {
    throw new InferenceError(
      "invalid_argument",
      `Cannot run input '${name}': ${
        (error as Error).message
      }: received ${tensor.datatype} [${tensor.shape}] with ${tensor.data.length} elements`,
      { cause: error },
    );
  }
}

/**
 * A {@linkcode Tensor} viewing an onnxruntime-node output's data (FP16 as its Uint16Array bits).
 *
 * @param name The output's name (for error messages).
 * @param value The ORT tensor.
 * @returns The tensor.
 * @throws {InferenceError} Kind `unsupported` for ORT types KServe lacks.
 * @example
 * ```ts
 * import { fromOrtTensor } from "@lipstream/inference/ort";
 * import * as ort from "onnxruntime-node";
 * import assert from "node:assert/strict";
 *
 * const tensor = fromOrtTensor("y", new ort.Tensor("int64", BigInt64Array.of(3n), [1]));
 * assert.deepEqual(tensor, { datatype: "INT64", shape: [1], data: BigInt64Array.of(3n) });
 * ```
 */
export function fromOrtTensor(name: string, value: ort.Tensor): Tensor {
  const datatype = DATATYPE.get(value.type);
  if (datatype === undefined) {
    throw new InferenceError(
      "unsupported",
      `Cannot return output '${name}': ONNX Runtime type '${value.type}' has no KServe datatype`,
    );
  }
  const shape = [...value.dims];
  const data = value.data as unknown;
  if (datatype === "BYTES") {
    const encoder = new TextEncoder();
    return {
      datatype,
      shape,
      data: (data as string[]).map((s) => encoder.encode(s)),
    };
  }
  if (datatype === "FP16") {
    const view = data as Uint16Array | (ArrayBufferView & { length: number });
    return {
      datatype,
      shape,
      data: view instanceof Uint16Array
        ? view
        : new Uint16Array(view.buffer, view.byteOffset, view.length),
    };
  }
  return { datatype, shape, data } as Tensor;
}
