/**
 * One tensor's bytes in the KServe v2 binary tensor extension: little-endian, row-major, no padding;
 * `BYTES` elements are a 4-byte little-endian length followed by the raw bytes.
 *
 * Fixed-size datatypes are moved with typed-array views, not element loops, so this module
 * assumes a little-endian host (every platform Deno, browsers and Workers run on) and throws on a
 * big-endian one rather than produce wrong bytes.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_binary_data.md
 * @module
 */
import type { Datatype, Tensor, TensorDataByType } from "./tensor.ts";
import {
  assertTensorShape,
  DATATYPE_BYTE_SIZE,
  elementCount,
  tensorByteSize,
} from "./kserve_datatype.ts";

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function assertLittleEndianHost(): void {
  if (!HOST_IS_LITTLE_ENDIAN) {
    throw new RangeError(
      "Cannot encode or decode binary tensors: the host is big-endian",
    );
  }
}

type FixedDatatype = Exclude<Datatype, "BYTES">;
type TypedArrayConstructor<D extends FixedDatatype> = {
  new (
    buffer: ArrayBufferLike,
    byteOffset: number,
    length: number,
  ): TensorDataByType[D];
  new (length: number): TensorDataByType[D];
};

const TYPED_ARRAY: { [D in FixedDatatype]: TypedArrayConstructor<D> } = {
  BOOL: Uint8Array,
  UINT8: Uint8Array,
  UINT16: Uint16Array,
  UINT32: Uint32Array,
  UINT64: BigUint64Array,
  INT8: Int8Array,
  INT16: Int16Array,
  INT32: Int32Array,
  INT64: BigInt64Array,
  FP16: Uint16Array,
  FP32: Float32Array,
  FP64: Float64Array,
  BF16: Uint16Array,
};

/** A tensor's datatype and concrete shape, without data. */
export interface TensorSpec {
  datatype: Datatype;
  shape: readonly number[];
}

/**
 * Writes a tensor's binary form into `target` at `offset` (the one copy a request body needs).
 *
 * @param tensor The tensor; its data length must match its shape.
 * @param target Destination buffer, at least `offset + tensorByteSize(tensor)` bytes.
 * @param options `offset`: first byte written (default 0).
 * @returns The number of bytes written.
 * @throws {TypeError} When data and shape disagree.
 * @throws {RangeError} When `target` is too small.
 * @example A BYTES tensor
 * ```ts
 * import { writeTensorBytes } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const target = new Uint8Array(6);
 * const data = [Uint8Array.of(0x68, 0x69)];
 * assert.equal(writeTensorBytes({ datatype: "BYTES", shape: [1], data }, target, { offset: 0 }), 6);
 * assert.deepEqual([...target], [2, 0, 0, 0, 0x68, 0x69]);
 * ```
 */
export function writeTensorBytes(
  tensor: Tensor,
  target: Uint8Array,
  options: { offset?: number } = {},
): number {
  const offset = options.offset ?? 0;
  assertLittleEndianHost();
  assertTensorShape(tensor, "tensor");
  const size = tensorByteSize(tensor);
  if (
    !Number.isSafeInteger(offset) || offset < 0 || offset + size > target.length
  ) {
    throw new RangeError(
      `Cannot write tensor bytes: need ${size} bytes at offset ${offset} of a ${target.length}-byte buffer`,
    );
  }
  if (tensor.datatype !== "BYTES") {
    const data = tensor.data;
    target.set(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      offset,
    );
    return size;
  }
  const view = new DataView(
    target.buffer,
    target.byteOffset,
    target.byteLength,
  );
  let at = offset;
  for (const element of tensor.data) {
    view.setUint32(at, element.byteLength, true);
    target.set(element, at + 4);
    at += 4 + element.byteLength;
  }
  return size;
}

/**
 * The binary form of a tensor: a view on its data for fixed-size types (no copy), a new buffer for
 * `BYTES`.
 *
 * @param tensor The tensor.
 * @returns Its bytes in the binary tensor extension.
 * @example Zero-copy for FP32
 * ```ts
 * import { tensorBytes } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const data = Float32Array.of(1);
 * const bytes = tensorBytes({ datatype: "FP32", shape: [1], data });
 * assert.equal(bytes.buffer, data.buffer);
 * assert.deepEqual([...bytes], [0, 0, 0x80, 0x3f]);
 * ```
 */
export function tensorBytes(tensor: Tensor): Uint8Array {
  assertLittleEndianHost();
  assertTensorShape(tensor, "tensor");
  if (tensor.datatype !== "BYTES") {
    const data = tensor.data;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  const out = new Uint8Array(tensorByteSize(tensor));
  writeTensorBytes(tensor, out);
  return out;
}

/**
 * Reads a tensor from its binary form.
 *
 * Fixed-size data is returned as a **view** on `bytes` when `bytes.byteOffset` is a multiple of the
 * element size (a typed array cannot start misaligned); otherwise those bytes are copied once. A
 * view keeps the whole underlying buffer alive. `BYTES` elements are views on `bytes`.
 *
 * @param bytes Exactly the tensor's bytes.
 * @param spec The tensor's `datatype` and `shape`; the byte count must match the shape exactly.
 * @returns The tensor.
 * @throws {RangeError} When the byte count does not match the shape, or a `BYTES` length prefix
 * runs past the end.
 * @example Aligned input gives a view
 * ```ts
 * import { decodeTensorBytes } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const bytes = new Uint8Array(Int32Array.of(7, -1).buffer);
 * const tensor = decodeTensorBytes(bytes, { datatype: "INT32", shape: [2] });
 * assert.deepEqual([...tensor.data], [7, -1]);
 * assert.equal((tensor.data as Int32Array).buffer, bytes.buffer);
 * ```
 */
export function decodeTensorBytes(
  bytes: Uint8Array,
  spec: TensorSpec,
): Tensor {
  const { datatype, shape } = spec;
  assertLittleEndianHost();
  const count = elementCount(shape);
  if (datatype === "BYTES") {
    return { datatype, shape, data: decodeBytesElements(count, bytes) };
  }
  const elementSize = DATATYPE_BYTE_SIZE[datatype];
  if (bytes.byteLength !== count * elementSize) {
    throw new RangeError(
      `Cannot decode ${datatype} tensor of shape [${shape}]: expected ${
        count * elementSize
      } bytes but received ${bytes.byteLength}`,
    );
  }
  const Typed = TYPED_ARRAY[datatype] as TypedArrayConstructor<FixedDatatype>;
  const data = bytes.byteOffset % elementSize === 0
    ? new Typed(bytes.buffer, bytes.byteOffset, count)
    : new Typed(bytes.slice().buffer, 0, count);
  return { datatype, shape, data } as Tensor;
}

function decodeBytesElements(count: number, bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: Uint8Array[] = new Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 4 > bytes.byteLength) {
      throw new RangeError(
        `Cannot decode BYTES tensor: element ${i} of ${count} has no 4-byte length prefix`,
      );
    }
    const length = view.getUint32(at, true);
    at += 4;
    if (at + length > bytes.byteLength) {
      throw new RangeError(
        `Cannot decode BYTES tensor: element ${i} declares ${length} bytes but only ${
          bytes.byteLength - at
        } remain`,
      );
    }
    elements[i] = bytes.subarray(at, at + length);
    at += length;
  }
  if (at !== bytes.byteLength) {
    throw new RangeError(
      `Cannot decode BYTES tensor: ${
        bytes.byteLength - at
      } bytes left after ${count} elements`,
    );
  }
  return elements;
}
