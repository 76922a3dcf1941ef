import assert from "node:assert/strict";
import {
  flattenJsonData,
  tensorFromJsonData,
  tensorToJsonData,
} from "./kserve_json_data.ts";
import {
  ALL_DATATYPES,
  sampleTensor,
  tensorValues,
} from "./_tensor_samples.ts";

Deno.test("tensorFromJsonData() inverts tensorToJsonData() for every JSON datatype", () => {
  for (const datatype of ALL_DATATYPES) {
    if (datatype === "FP16" || datatype === "BF16") continue;
    const tensor = sampleTensor(datatype);
    const json = JSON.parse(JSON.stringify(tensorToJsonData(tensor)));
    const back = tensorFromJsonData(json, { datatype, shape: tensor.shape });
    // JSON has no negative zero: -0 comes back as 0.
    const plain = (values: unknown[]) => values.map((v) => (v === 0 ? 0 : v));
    assert.deepEqual(
      plain(tensorValues(back)),
      plain(tensorValues(tensor)),
      datatype,
    );
  }
});

Deno.test("tensorFromJsonData() accepts nested data in row-major order", () => {
  const tensor = tensorFromJsonData([[1, 2], [3, 4]], {
    datatype: "FP32",
    shape: [2, 2],
  });
  assert.deepEqual([...tensor.data as Float32Array], [1, 2, 3, 4]);
  assert.deepEqual(flattenJsonData(5), [5]);
  assert.deepEqual(flattenJsonData([[[1]], [[2]]]), [1, 2]);
});

Deno.test("FP16 and BF16 are refused in JSON, as Triton does", () => {
  assert.throws(
    () => tensorFromJsonData([1], { datatype: "FP16", shape: [1] }),
    /FP16 data via JSON: not supported/,
  );
  assert.throws(() => tensorToJsonData(sampleTensor("BF16")), TypeError);
});

Deno.test("tensorFromJsonData() rejects wrong counts, types and ranges", () => {
  assert.throws(
    () => tensorFromJsonData([1, 2, 3], { datatype: "INT32", shape: [2, 2] }),
    {
      name: "TypeError",
      message:
        "Cannot read INT32 tensor of shape [2,2] from JSON: expected 4 values but received 3",
    },
  );
  assert.throws(
    () => tensorFromJsonData([1.5], { datatype: "INT32", shape: [1] }),
    /must be an integer/,
  );
  assert.throws(
    () => tensorFromJsonData([256], { datatype: "UINT8", shape: [1] }),
    RangeError,
  );
  assert.throws(
    () => tensorFromJsonData([-129], { datatype: "INT8", shape: [1] }),
    RangeError,
  );
  assert.throws(
    () => tensorFromJsonData([1], { datatype: "BOOL", shape: [1] }),
    /must be a boolean/,
  );
  assert.throws(
    () => tensorFromJsonData([3], { datatype: "BYTES", shape: [1] }),
    /must be a string/,
  );
  assert.throws(
    () => tensorFromJsonData(["1"], { datatype: "FP32", shape: [1] }),
    /must be a number/,
  );
  assert.throws(
    () => tensorFromJsonData([2 ** 60], { datatype: "INT64", shape: [1] }),
    RangeError,
  );
});

Deno.test("tensorToJsonData() refuses 64-bit integers JSON cannot carry", () => {
  assert.throws(
    () =>
      tensorToJsonData({
        datatype: "INT64",
        shape: [1],
        data: BigInt64Array.of(2n ** 60n),
      }),
    /not a safe integer, use binary data/,
  );
});
