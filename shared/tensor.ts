/**
 * Named tensors as they cross every inference boundary (KServe v2, ONNX Runtime, fixtures).
 *
 * Layout is always row-major with no strides. Half-precision types (`FP16`, `BF16`) carry their raw
 * 16-bit patterns in a `Uint16Array`; `BOOL` uses one byte per element (0 or 1); `BYTES` is one
 * `Uint8Array` per element.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md#tensor-data-types
 * @module
 */

/** Every KServe v2 tensor datatype, in the KServe table's order. */
export const DATATYPES = [
  "BOOL",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP16",
  "FP32",
  "FP64",
  "BF16",
  "BYTES",
] as const;

/** KServe v2 tensor datatypes (the API names, not Triton's `TYPE_*` config names). */
export type Datatype = typeof DATATYPES[number];

/** The typed-array storage each datatype uses. */
export interface TensorDataByType {
  BOOL: Uint8Array;
  UINT8: Uint8Array;
  UINT16: Uint16Array;
  UINT32: Uint32Array;
  UINT64: BigUint64Array;
  INT8: Int8Array;
  INT16: Int16Array;
  INT32: Int32Array;
  INT64: BigInt64Array;
  FP16: Uint16Array;
  FP32: Float32Array;
  FP64: Float64Array;
  BF16: Uint16Array;
  BYTES: Uint8Array[];
}

/** A tensor of one datatype: shape plus flat row-major data. */
export type TensorOf<D extends Datatype> = {
  datatype: D;
  shape: readonly number[];
  data: TensorDataByType[D];
};

/** Any tensor (a discriminated union on `datatype`). */
export type Tensor = { [D in Datatype]: TensorOf<D> }[Datatype];

/** Tensors keyed by name, as model inputs and outputs. */
export type NamedTensors = Record<string, Tensor>;
