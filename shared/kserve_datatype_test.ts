import assert from "node:assert/strict";
import {
  assertTensorShape,
  DATATYPE_BYTE_SIZE,
  elementCount,
  isDatatype,
  tensorByteSize,
} from "./kserve_datatype.ts";
import { ALL_DATATYPES, sampleTensor } from "./_tensor_samples.ts";

Deno.test("DATATYPE_BYTE_SIZE matches the KServe table", () => {
  assert.deepEqual(
    ALL_DATATYPES.filter((d) => d !== "BYTES").map((d) =>
      DATATYPE_BYTE_SIZE[d as Exclude<typeof d, "BYTES">]
    ),
    [1, 1, 2, 4, 8, 1, 2, 4, 8, 2, 4, 8, 2],
  );
  for (const datatype of ALL_DATATYPES) assert.ok(isDatatype(datatype));
  for (const bad of ["fp32", "TYPE_FP32", "STRING", 4, null, "toString"]) {
    assert.ok(!isDatatype(bad), String(bad));
  }
});

Deno.test("elementCount() rejects negative, fractional and overflowing shapes", () => {
  assert.equal(elementCount([]), 1);
  assert.equal(elementCount([0, 5]), 0);
  for (const shape of [[-1], [1.5], [NaN], [2 ** 30, 2 ** 30]]) {
    assert.throws(() => elementCount(shape), RangeError, String(shape));
  }
});

Deno.test("tensorByteSize() counts BYTES length prefixes", () => {
  assert.equal(tensorByteSize(sampleTensor("FP64")), 48);
  assert.equal(
    tensorByteSize(sampleTensor("BYTES")),
    6 * 4 + 0 + 1 + 6 + 6 + 300 + 1,
  );
});

Deno.test("assertTensorShape() rejects a shape/data mismatch", () => {
  assertTensorShape(sampleTensor("INT16"), "ok");
  assert.throws(
    () =>
      assertTensorShape({
        datatype: "FP32",
        shape: [4],
        data: new Float32Array(3),
      }, "x"),
    {
      name: "TypeError",
      message: /tensor 'x': shape \[4\] needs 4 elements but data holds 3/,
    },
  );
  assert.throws(
    () =>
      assertTensorShape({
        datatype: "BYTES",
        shape: [2],
        data: [new Uint8Array(1)],
      }, "s"),
    TypeError,
  );
});
