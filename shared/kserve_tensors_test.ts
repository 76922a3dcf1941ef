import assert from "node:assert/strict";
import { decodeTensorEntries, encodeTensorEntries } from "./kserve_tensors.ts";
import { encodeInferBody, splitInferBody } from "./kserve_body.ts";
import {
  ALL_DATATYPES,
  sampleTensor,
  tensorValues,
} from "./_tensor_samples.ts";
import type { NamedTensors } from "./tensor.ts";

const all: NamedTensors = Object.fromEntries(
  ALL_DATATYPES.map((d) => [`t_${d}`, sampleTensor(d)]),
);

Deno.test("decodeTensorEntries() inverts encodeTensorEntries() in binary and JSON form", () => {
  for (const binary of [true, false]) {
    const { entries, binaries } = encodeTensorEntries(all, () => binary);
    const { body, headerLength } = encodeInferBody(
      { inputs: entries },
      binaries,
    );
    const split = splitInferBody(body, headerLength);
    const back = decodeTensorEntries(
      (split.header as { inputs: unknown }).inputs,
      split.binary,
    );
    assert.deepEqual(Object.keys(back), Object.keys(all));
    for (const [name, tensor] of Object.entries(all)) {
      const plain = (v: unknown[]) => v.map((x) => (x === 0 ? 0 : x));
      assert.deepEqual(
        plain(tensorValues(back[name]!)),
        plain(tensorValues(tensor)),
        name,
      );
      assert.equal(back[name]!.datatype, tensor.datatype);
    }
  }
});

Deno.test("encodeTensorEntries() sends FP16 and BF16 binary even in JSON mode", () => {
  const { entries, binaries } = encodeTensorEntries(all, () => false);
  const binaryNames = entries.filter((e) => e.parameters !== undefined).map((
    e,
  ) => e.name);
  assert.deepEqual(binaryNames, ["t_FP16", "t_BF16"]);
  assert.equal(binaries.length, 2);
});

Deno.test("decodeTensorEntries() rejects malformed entries with clear messages", () => {
  const none = new Uint8Array(0);
  const cases: [unknown, Uint8Array, RegExp][] = [
    [{}, none, /expected an array/],
    [[{ shape: [1] }], none, /string 'name'/],
    [
      [{ name: "a", shape: "1", datatype: "FP32", data: [1] }],
      none,
      /'shape' must be an array/,
    ],
    [
      [{ name: "a", shape: [1], datatype: "FLOAT", data: [1] }],
      none,
      /unknown datatype "FLOAT"/,
    ],
    [
      [{ name: "a", shape: [1], datatype: "FP32" }],
      none,
      /neither 'data' nor 'binary_data_size'/,
    ],
    [
      [{ name: "a", shape: [2], datatype: "FP32", data: [1] }],
      none,
      /expected 2 values but received 1/,
    ],
    [
      [{ name: "a", shape: [1], datatype: "FP32", data: [1] }, {
        name: "a",
        shape: [1],
        datatype: "FP32",
        data: [1],
      }],
      none,
      /appears twice/,
    ],
    [
      [{ name: "a", shape: [-1], datatype: "FP32", data: [] }],
      none,
      /non-negative integers/,
    ],
    [
      [{
        name: "a",
        shape: [1],
        datatype: "FP32",
        parameters: { binary_data_size: -4 },
      }],
      new Uint8Array(4),
      /non-negative integer/,
    ],
    [
      [{
        name: "a",
        shape: [1],
        datatype: "FP32",
        parameters: { binary_data_size: 2.5 },
      }],
      new Uint8Array(4),
      /non-negative integer/,
    ],
    [
      [{
        name: "a",
        shape: [1],
        datatype: "FP32",
        parameters: { binary_data_size: 8 },
      }],
      new Uint8Array(4),
      /runs past the binary section/,
    ],
    [
      [{
        name: "a",
        shape: [2],
        datatype: "FP32",
        parameters: { binary_data_size: 4 },
      }],
      new Uint8Array(4),
      /expected 8 bytes but received 4/,
    ],
    [
      [{
        name: "a",
        shape: [1],
        datatype: "FP32",
        parameters: { binary_data_size: 4 },
      }],
      new Uint8Array(6),
      /binary section has 6 bytes but 'binary_data_size' values add up to 4/,
    ],
  ];
  for (const [entries, binary, message] of cases) {
    assert.throws(
      () => decodeTensorEntries(entries, binary, { what: "input" }),
      message,
    );
  }
});
