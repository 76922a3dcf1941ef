/**
 * Tensor data in KServe v2 JSON (`"data": [...]`): row-major, flat or nested arrays of numbers,
 * booleans (`BOOL`) or strings (`BYTES`, UTF-8).
 *
 * Triton refuses `FP16` and `BF16` in JSON ("receiving/sending FP16 data via JSON is not
 * supported"), and so does this module: send those binary. `INT64`/`UINT64` values must be safe
 * JavaScript integers (|v| ≤ 2^53 − 1) because `JSON.parse` cannot keep more; send larger ones
 * binary.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md#tensor-data
 * @module
 */
import type { Datatype, Tensor } from "./tensor.ts";
import { elementCount } from "./kserve_datatype.ts";
import type { TensorSpec } from "./kserve_binary.ts";

/** A JSON scalar as tensor data holds it. */
export type JsonScalar = number | boolean | string;

const INTEGER_RANGE: Partial<Record<Datatype, [number, number]>> = {
  UINT8: [0, 0xff],
  UINT16: [0, 0xffff],
  UINT32: [0, 0xffffffff],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
  INT8: [-0x80, 0x7f],
  INT16: [-0x8000, 0x7fff],
  INT32: [-0x80000000, 0x7fffffff],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Flattens nested JSON arrays in row-major order (`[[1, 2], [3]]` → `[1, 2, 3]`).
 *
 * @param data A JSON value; a non-array is treated as one element.
 * @returns The leaves in order.
 * @example Nested data
 * ```ts
 * import { flattenJsonData } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(flattenJsonData([[1, 2], [3, [4]]]), [1, 2, 3, 4]);
 * ```
 */
export function flattenJsonData(data: unknown): unknown[] {
  if (!Array.isArray(data)) return [data];
  if (!data.some(Array.isArray)) return data;
  return (data as unknown[]).flat(Infinity);
}

function rejectHalf(datatype: Datatype, action: string): void {
  if (datatype === "FP16" || datatype === "BF16") {
    throw new TypeError(
      `Cannot ${action} ${datatype} data via JSON: not supported, use binary data`,
    );
  }
}

/**
 * Builds a tensor from JSON `data`, checking the element count and each value's type and range.
 *
 * @param data The JSON `data` field, flat or nested.
 * @param spec The declared `datatype` and `shape`.
 * @returns The tensor with typed-array storage.
 * @throws {TypeError} For `FP16`/`BF16`, a count that differs from the shape, or a value of the
 * wrong type.
 * @throws {RangeError} For an integer out of the datatype's range.
 * @example Nested INT32 data
 * ```ts
 * import { tensorFromJsonData } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const tensor = tensorFromJsonData([[1, 2], [3, 4]], { datatype: "INT32", shape: [2, 2] });
 * assert.deepEqual(tensor.data, Int32Array.of(1, 2, 3, 4));
 * assert.throws(() => tensorFromJsonData([1, 2, 3], { datatype: "INT32", shape: [2, 2] }), TypeError);
 * ```
 */
export function tensorFromJsonData(
  data: unknown,
  spec: TensorSpec,
): Tensor {
  const { datatype, shape } = spec;
  rejectHalf(datatype, "receive");
  const count = elementCount(shape);
  const values = flattenJsonData(data);
  if (values.length !== count) {
    throw new TypeError(
      `Cannot read ${datatype} tensor of shape [${shape}] from JSON: expected ${count} values but received ${values.length}`,
    );
  }
  const check = (predicate: (v: unknown) => boolean, what: string) => {
    for (let i = 0; i < values.length; i++) {
      if (!predicate(values[i])) {
        throw new TypeError(
          `Cannot read ${datatype} tensor from JSON: value ${i} must be ${what}: received ${
            JSON.stringify(values[i])
          }`,
        );
      }
    }
  };
  switch (datatype) {
    case "BOOL":
      check((v) => typeof v === "boolean", "a boolean");
      return {
        datatype,
        shape,
        data: Uint8Array.from(values as boolean[], Number),
      };
    case "BYTES": {
      check((v) => typeof v === "string", "a string");
      const encoder = new TextEncoder();
      return {
        datatype,
        shape,
        data: (values as string[]).map((v) => encoder.encode(v)),
      };
    }
    case "FP32":
    case "FP64":
      check((v) => typeof v === "number", "a number");
      return datatype === "FP32"
        ? { datatype, shape, data: Float32Array.from(values as number[]) }
        : { datatype, shape, data: Float64Array.from(values as number[]) };
  }
  const [min, max] = INTEGER_RANGE[datatype]!;
  check((v) => Number.isInteger(v), "an integer");
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min || v > max) {
      throw new RangeError(
        `Cannot read ${datatype} tensor from JSON: value ${i} is out of range: received ${v}`,
      );
    }
  }
  const numbers = values as number[];
  switch (datatype) {
    case "UINT8":
      return { datatype, shape, data: Uint8Array.from(numbers) };
    case "UINT16":
      return { datatype, shape, data: Uint16Array.from(numbers) };
    case "UINT32":
      return { datatype, shape, data: Uint32Array.from(numbers) };
    case "UINT64":
      return { datatype, shape, data: BigUint64Array.from(numbers, BigInt) };
    case "INT8":
      return { datatype, shape, data: Int8Array.from(numbers) };
    case "INT16":
      return { datatype, shape, data: Int16Array.from(numbers) };
    case "INT32":
      return { datatype, shape, data: Int32Array.from(numbers) };
    default:
      return {
        datatype: "INT64",
        shape,
        data: BigInt64Array.from(numbers, BigInt),
      };
  }
}

/**
 * Turns a tensor's data into a flat JSON array (booleans for `BOOL`, UTF-8 strings for `BYTES`).
 *
 * @param tensor The tensor.
 * @returns Its values, row-major.
 * @throws {TypeError} For `FP16`/`BF16`.
 * @throws {RangeError} For a 64-bit integer that is not a safe JavaScript integer.
 * @example BOOL and BYTES
 * ```ts
 * import { tensorToJsonData } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(tensorToJsonData({ datatype: "BOOL", shape: [2], data: Uint8Array.of(1, 0) }), [true, false]);
 * const hi = new TextEncoder().encode("hi");
 * assert.deepEqual(tensorToJsonData({ datatype: "BYTES", shape: [1], data: [hi] }), ["hi"]);
 * ```
 */
export function tensorToJsonData(tensor: Tensor): JsonScalar[] {
  rejectHalf(tensor.datatype, "send");
  switch (tensor.datatype) {
    case "BOOL":
      return Array.from(tensor.data, (v) => v !== 0);
    case "BYTES": {
      const decoder = new TextDecoder();
      return tensor.data.map((v) => decoder.decode(v));
    }
    case "INT64":
    case "UINT64":
      return Array.from(tensor.data as ArrayLike<bigint>, (v: bigint) => {
        const n = Number(v);
        if (!Number.isSafeInteger(n)) {
          throw new RangeError(
            `Cannot send ${tensor.datatype} value ${v} via JSON: not a safe integer, use binary data`,
          );
        }
        return n;
      });
    default:
      return Array.from(tensor.data as ArrayLike<number>);
  }
}
