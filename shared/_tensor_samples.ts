/**
 * One small sample tensor per datatype, with awkward values (extremes, negative zero, NaN bits,
 * empty and non-ASCII strings), for codec and transport tests.
 *
 * @module
 */
import { type Datatype, DATATYPES, type Tensor } from "./tensor.ts";

/** A `[2, 3]` tensor of `datatype` whose values probe the type's edges. */
export function sampleTensor(datatype: Datatype): Tensor {
  const shape = [2, 3];
  switch (datatype) {
    case "BOOL":
      return { datatype, shape, data: Uint8Array.of(1, 0, 0, 1, 1, 0) };
    case "UINT8":
      return { datatype, shape, data: Uint8Array.of(0, 1, 127, 128, 254, 255) };
    case "UINT16":
      return {
        datatype,
        shape,
        data: Uint16Array.of(0, 1, 256, 4660, 65534, 65535),
      };
    case "UINT32":
      return {
        datatype,
        shape,
        data: Uint32Array.of(0, 1, 65536, 305419896, 4294967294, 4294967295),
      };
    case "UINT64":
      return {
        datatype,
        shape,
        data: BigUint64Array.of(0n, 1n, 2n ** 32n, 2n ** 53n - 1n, 7n, 9n),
      };
    case "INT8":
      return { datatype, shape, data: Int8Array.of(-128, -1, 0, 1, 100, 127) };
    case "INT16":
      return {
        datatype,
        shape,
        data: Int16Array.of(-32768, -1, 0, 1, 1000, 32767),
      };
    case "INT32":
      return {
        datatype,
        shape,
        data: Int32Array.of(-2147483648, -1, 0, 1, 123456, 2147483647),
      };
    case "INT64":
      return {
        datatype,
        shape,
        data: BigInt64Array.of(
          -(2n ** 53n) + 1n,
          -1n,
          0n,
          1n,
          2n ** 40n,
          2n ** 53n - 1n,
        ),
      };
    case "FP16":
      return {
        datatype,
        shape,
        data: Uint16Array.of(0x0000, 0x8000, 0x3c00, 0x0001, 0x7bff, 0xfc00),
      };
    case "BF16":
      return {
        datatype,
        shape,
        data: Uint16Array.of(0x0000, 0x8000, 0x3f80, 0x0001, 0x7f7f, 0xff80),
      };
    case "FP32":
      return {
        datatype,
        shape,
        data: Float32Array.of(
          -0,
          1.5,
          -3.25,
          3.4028234663852886e38,
          1e-45,
          0.1,
        ),
      };
    case "FP64":
      return {
        datatype,
        shape,
        data: Float64Array.of(-0, 0.1, -1e300, Number.MAX_VALUE, 5e-324, 2 / 3),
      };
    case "BYTES": {
      const encoder = new TextEncoder();
      return {
        datatype,
        shape,
        data: ["", "a", "héllo", "日本", "x".repeat(300), "\u0000"].map((s) =>
          encoder.encode(s)
        ),
      };
    }
  }
}

/** Every datatype, in the KServe table's order. */
export const ALL_DATATYPES: readonly Datatype[] = DATATYPES;

/** Plain arrays of a tensor's values for `deepEqual` (`Object.is` semantics keep -0 and NaN). */
export function tensorValues(tensor: Tensor): unknown[] {
  return tensor.datatype === "BYTES"
    ? tensor.data.map((b) => [...b])
    : Array.from(tensor.data as ArrayLike<unknown>);
}
