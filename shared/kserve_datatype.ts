/**
 * Sizes and checks for KServe v2 tensors: bytes per element, element counts, the byte size of a
 * tensor in the binary tensor extension, and whether a tensor's data matches its shape.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md#tensor-data-types
 * @module
 */
import type { Datatype, Tensor } from "./tensor.ts";

/** Bytes per element of every fixed-size datatype (`BYTES` is variable: a 4-byte length + data). */
export const DATATYPE_BYTE_SIZE: Readonly<
  Record<Exclude<Datatype, "BYTES">, number>
> = Object.freeze({
  BOOL: 1,
  UINT8: 1,
  UINT16: 2,
  UINT32: 4,
  UINT64: 8,
  INT8: 1,
  INT16: 2,
  INT32: 4,
  INT64: 8,
  FP16: 2,
  FP32: 4,
  FP64: 8,
  BF16: 2,
});

/**
 * Whether `value` is one of the KServe v2 datatype names.
 *
 * @param value Anything, typically a parsed JSON field.
 * @returns True for `"FP32"`, `"BYTES"`, …; false otherwise.
 * @example Narrowing a JSON field
 * ```ts
 * import { isDatatype } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.ok(isDatatype("FP16"));
 * assert.ok(!isDatatype("TYPE_FP16"));
 * ```
 */
export function isDatatype(value: unknown): value is Datatype {
  return value === "BYTES" ||
    (typeof value === "string" && Object.hasOwn(DATATYPE_BYTE_SIZE, value));
}

/**
 * The number of elements of a shape, checking that every dimension is a non-negative integer.
 *
 * @param shape Dimensions (no `-1`: this is a concrete tensor's shape).
 * @returns The product of the dimensions (1 for `[]`).
 * @throws {RangeError} When a dimension is negative, not an integer, or the product is unsafe.
 * @example A Wav2Lip face batch
 * ```ts
 * import { elementCount } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(elementCount([16, 6, 96, 96]), 884_736);
 * assert.throws(() => elementCount([2, -1]), RangeError);
 * ```
 */
export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const dim of shape) {
    if (!Number.isSafeInteger(dim) || dim < 0) {
      throw new RangeError(
        `Cannot use tensor shape [${shape}]: dimensions must be non-negative integers`,
      );
    }
    count *= dim;
  }
  if (!Number.isSafeInteger(count)) {
    throw new RangeError(
      `Cannot use tensor shape [${shape}]: element count overflows`,
    );
  }
  return count;
}

/**
 * Bytes the tensor occupies in the binary tensor extension: elements × size, or for `BYTES` the sum
 * of each element's 4-byte length prefix and contents.
 *
 * @param tensor A tensor.
 * @returns Its binary byte size.
 * @example Fixed and variable sizes
 * ```ts
 * import { tensorByteSize } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(tensorByteSize({ datatype: "FP32", shape: [2, 3], data: new Float32Array(6) }), 24);
 * const bytes = [new TextEncoder().encode("hi"), new Uint8Array(0)];
 * assert.equal(tensorByteSize({ datatype: "BYTES", shape: [2], data: bytes }), 10);
 * ```
 */
export function tensorByteSize(tensor: Tensor): number {
  if (tensor.datatype === "BYTES") {
    let size = 0;
    for (const element of tensor.data) size += 4 + element.byteLength;
    return size;
  }
  return tensor.data.length * DATATYPE_BYTE_SIZE[tensor.datatype];
}

/**
 * Checks that a tensor's data holds exactly as many elements as its shape says, and that `BYTES`
 * elements fit a 4-byte length.
 *
 * @param tensor The tensor to check.
 * @param name Used in the error message.
 * @throws {TypeError} When the element count and shape disagree.
 * @throws {RangeError} When the shape is invalid or a `BYTES` element is 4 GiB or more.
 * @example A mismatch
 * ```ts
 * import { assertTensorShape } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const tensor = { datatype: "INT32" as const, shape: [2, 2], data: new Int32Array(3) };
 * assert.throws(() => assertTensorShape(tensor, "x"), TypeError);
 * ```
 */
export function assertTensorShape(tensor: Tensor, name: string): void {
  const count = elementCount(tensor.shape);
  if (tensor.data.length !== count) {
    throw new TypeError(
      `Cannot use tensor '${name}': shape [${tensor.shape}] needs ${count} elements but data holds ${tensor.data.length}`,
    );
  }
  if (tensor.datatype === "BYTES") {
    for (const element of tensor.data) {
      if (element.byteLength > 0xffffffff) {
        throw new RangeError(
          `Cannot use tensor '${name}': a BYTES element exceeds 4294967295 bytes`,
        );
      }
    }
  }
}
