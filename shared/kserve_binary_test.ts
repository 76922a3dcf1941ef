import assert from "node:assert/strict";
import {
  decodeTensorBytes,
  tensorBytes,
  writeTensorBytes,
} from "./kserve_binary.ts";
import { tensorByteSize } from "./kserve_datatype.ts";
import {
  ALL_DATATYPES,
  sampleTensor,
  tensorValues,
} from "./_tensor_samples.ts";

Deno.test("decodeTensorBytes() inverts tensorBytes() for every datatype", () => {
  for (const datatype of ALL_DATATYPES) {
    const tensor = sampleTensor(datatype);
    const bytes = tensorBytes(tensor);
    assert.equal(bytes.byteLength, tensorByteSize(tensor));
    const back = decodeTensorBytes(bytes, { datatype, shape: tensor.shape });
    assert.equal(back.datatype, datatype);
    assert.deepEqual(back.shape, [2, 3]);
    assert.deepEqual(tensorValues(back), tensorValues(tensor), datatype);
  }
});

Deno.test("tensorBytes() is little-endian and row-major", () => {
  const bytes = tensorBytes({
    datatype: "UINT32",
    shape: [2],
    data: Uint32Array.of(0x01020304, 5),
  });
  assert.deepEqual([...bytes], [4, 3, 2, 1, 5, 0, 0, 0]);
  const i64 = tensorBytes({
    datatype: "INT64",
    shape: [1],
    data: BigInt64Array.of(-2n),
  });
  assert.deepEqual([...i64], [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
});

Deno.test("decodeTensorBytes() returns a view when aligned and a copy when not", () => {
  const buffer = new Uint8Array(24);
  buffer.set(
    tensorBytes({
      datatype: "FP64",
      shape: [2],
      data: Float64Array.of(1.5, -2),
    }),
    8,
  );
  const aligned = decodeTensorBytes(buffer.subarray(8, 24), {
    datatype: "FP64",
    shape: [2],
  });
  assert.equal((aligned.data as Float64Array).buffer, buffer.buffer);
  const shifted = new Uint8Array(17);
  shifted.set(buffer.subarray(8, 24), 1);
  const copied = decodeTensorBytes(shifted.subarray(1), {
    datatype: "FP64",
    shape: [2],
  });
  assert.notEqual((copied.data as Float64Array).buffer, shifted.buffer);
  assert.deepEqual([...copied.data as Float64Array], [1.5, -2]);
});

Deno.test("writeTensorBytes() writes at an offset and checks the room", () => {
  const target = new Uint8Array(5);
  assert.equal(
    writeTensorBytes(
      { datatype: "INT16", shape: [2], data: Int16Array.of(1, -1) },
      target,
      { offset: 1 },
    ),
    4,
  );
  assert.deepEqual([...target], [0, 1, 0, 0xff, 0xff]);
  assert.throws(
    () =>
      writeTensorBytes(
        { datatype: "INT16", shape: [2], data: Int16Array.of(1, 2) },
        target,
        { offset: 2 },
      ),
    RangeError,
  );
});

Deno.test("decodeTensorBytes() rejects byte counts that do not match the shape", () => {
  assert.throws(
    () =>
      decodeTensorBytes(new Uint8Array(7), { datatype: "FP32", shape: [2] }),
    {
      name: "RangeError",
      message:
        "Cannot decode FP32 tensor of shape [2]: expected 8 bytes but received 7",
    },
  );
  assert.throws(
    () =>
      decodeTensorBytes(new Uint8Array(8), { datatype: "FP32", shape: [-2] }),
    RangeError,
  );
  assert.throws(
    () =>
      decodeTensorBytes(new Uint8Array(8), { datatype: "FP32", shape: [1.5] }),
    RangeError,
  );
});

Deno.test("decodeTensorBytes() rejects truncated or overlong BYTES data", () => {
  const good = tensorBytes({
    datatype: "BYTES",
    shape: [2],
    data: [Uint8Array.of(1), Uint8Array.of(2, 3)],
  });
  assert.equal(good.byteLength, 11);
  assert.throws(
    () =>
      decodeTensorBytes(good.subarray(0, 10), {
        datatype: "BYTES",
        shape: [2],
      }),
    /declares 2 bytes but only 1 remain/,
  );
  assert.throws(
    () =>
      decodeTensorBytes(good.subarray(0, 6), { datatype: "BYTES", shape: [2] }),
    /no 4-byte length prefix/,
  );
  assert.throws(
    () => decodeTensorBytes(good, { datatype: "BYTES", shape: [1] }),
    /6 bytes left after 1 elements/,
  );
  const empty = decodeTensorBytes(new Uint8Array(0), {
    datatype: "BYTES",
    shape: [0],
  });
  assert.deepEqual(empty.data, []);
});
