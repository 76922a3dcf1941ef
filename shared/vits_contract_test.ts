import assert from "node:assert/strict";
import {
  InferenceError,
  type ModelMetadata,
  PIPER_TENSOR_NAMES,
  resolveVitsTensors,
  vitsInputs,
  vitsSamples,
} from "./mod.ts";

const piper: ModelMetadata = {
  name: "voice",
  platform: "onnxruntime_onnx",
  inputs: [
    { name: "sid", datatype: "INT64", shape: [1] },
    { name: "input_lengths", datatype: "INT64", shape: [1] },
    { name: "scales", datatype: "FP32", shape: [3] },
    { name: "input", datatype: "INT64", shape: [1, -1] },
  ],
  outputs: [{ name: "output", datatype: "FP32", shape: [1, 1, 1, -1] }],
};

function invalidMatching(pattern: RegExp) {
  return (error: unknown) =>
    error instanceof InferenceError && error.kind === "invalid_argument" &&
    pattern.test(error.message);
}

Deno.test("resolveVitsTensors() prefers Piper names in any input order", () => {
  assert.deepEqual(resolveVitsTensors(piper), PIPER_TENSOR_NAMES);
});

Deno.test("resolveVitsTensors() falls back to datatype and rank for other names", () => {
  const names = resolveVitsTensors({
    ...piper,
    inputs: [
      { name: "x", datatype: "INT64", shape: [1, -1] },
      { name: "x_len", datatype: "INT64", shape: [1] },
      { name: "noise", datatype: "FP32", shape: [3] },
    ],
    outputs: [{ name: "y", datatype: "FP32", shape: [1, -1] }],
  });
  assert.deepEqual(names, {
    ids: "x",
    lengths: "x_len",
    scales: "noise",
    output: "y",
  });
});

Deno.test("resolveVitsTensors() names the missing role and what it received", () => {
  assert.throws(
    () =>
      resolveVitsTensors({
        ...piper,
        inputs: piper.inputs.filter((t) => t.name !== "input"),
      }),
    invalidMatching(/no INT64 \[1,T\] phoneme-id input: received \[sid INT64/),
  );
  assert.throws(
    () => resolveVitsTensors({ ...piper, outputs: [] }),
    invalidMatching(/no FP32 audio output/),
  );
});

Deno.test("vitsInputs() builds Piper's four tensors", () => {
  const inputs = vitsInputs(PIPER_TENSOR_NAMES, {
    ids: [1, 0, 14, 0, 2],
    noiseScale: 0,
    lengthScale: 1.5,
    noiseW: 0,
    speakerId: 1,
  });
  assert.deepEqual(inputs["input"], {
    datatype: "INT64",
    shape: [1, 5],
    data: BigInt64Array.of(1n, 0n, 14n, 0n, 2n),
  });
  assert.deepEqual([...inputs["input_lengths"]!.data as BigInt64Array], [5n]);
  assert.deepEqual([...inputs["scales"]!.data as Float32Array], [0, 1.5, 0]);
  assert.deepEqual([...inputs["sid"]!.data as BigInt64Array], [1n]);
});

Deno.test("vitsInputs() rejects bad ids, scales and speakers", () => {
  const { speaker: _, ...single } = PIPER_TENSOR_NAMES;
  assert.throws(
    () => vitsInputs(single, { ids: [] }),
    invalidMatching(/'input'.*received 0/),
  );
  assert.throws(
    () => vitsInputs(single, { ids: [1, -2] }),
    invalidMatching(/received -2 at 1/),
  );
  assert.throws(
    () => vitsInputs(single, { ids: [1], lengthScale: 0 }),
    invalidMatching(/'scales'/),
  );
  assert.throws(
    () => vitsInputs(single, { ids: [1], speakerId: 3 }),
    invalidMatching(/one speaker: received speaker id 3/),
  );
  assert.equal(vitsInputs(single, { ids: [1] })["sid"], undefined);
});

Deno.test("vitsSamples() accepts rank 2-4 and rejects batches and wrong types", () => {
  for (const shape of [[1, 4], [1, 1, 4], [1, 1, 1, 4]]) {
    const data = new Float32Array(4);
    assert.equal(
      vitsSamples({ o: { datatype: "FP32", shape, data } }, { output: "o" }),
      data,
    );
  }
  assert.throws(
    () => vitsSamples({}, { output: "o" }),
    invalidMatching(/'o'.*no such tensor/),
  );
  assert.throws(
    () =>
      vitsSamples({
        o: { datatype: "FP32", shape: [2, 1, 4], data: new Float32Array(8) },
      }, { output: "o" }),
    invalidMatching(/expected FP32 of rank 2-4.*received FP32 \[2,1,4\]/),
  );
  assert.throws(
    () =>
      vitsSamples({
        o: { datatype: "FP64", shape: [1, 4], data: new Float64Array(4) },
      }, { output: "o" }),
    invalidMatching(/received FP64 \[1,4\]/),
  );
});

Deno.test("resolveVitsTensors() adapts three scalar scale inputs and vitsInputs() feeds them", () => {
  for (const shape of [[], [1]]) {
    const names = resolveVitsTensors({
      ...piper,
      inputs: [
        { name: "x", datatype: "INT64", shape: [1, -1] },
        { name: "x_lengths", datatype: "INT64", shape: [1] },
        { name: "sid", datatype: "INT64", shape: [1] },
        { name: "noise_scale", datatype: "FP32", shape },
        { name: "length_scale", datatype: "FP32", shape },
        { name: "noise_scale_w", datatype: "FP32", shape },
      ],
    });
    assert.deepEqual(names.scales, {
      noiseScale: "noise_scale",
      lengthScale: "length_scale",
      noiseW: "noise_scale_w",
      rank: shape.length,
    });
    const inputs = vitsInputs(names, { ids: [1, 2], lengthScale: 1.5 });
    assert.deepEqual(inputs["length_scale"]?.shape, shape);
    assert.deepEqual([...inputs["length_scale"]!.data as Float32Array], [1.5]);
    assert.deepEqual([...inputs["noise_scale_w"]!.data as Float32Array], [
      Math.fround(0.8),
    ]);
    assert.equal(inputs["scales"], undefined);
  }
});

Deno.test("resolveVitsTensors() refuses an input it has no role for, naming it", () => {
  assert.throws(
    () =>
      resolveVitsTensors({
        ...piper,
        inputs: [...piper.inputs, {
          name: "emotion",
          datatype: "FP32",
          shape: [1, 1024],
        }],
      }),
    invalidMatching(/input 'emotion' \(emotion FP32 \[1,1024\]\) has no role/),
  );
  assert.throws(
    () =>
      resolveVitsTensors({
        ...piper,
        inputs: [
          ...piper.inputs.filter((t) => t.name !== "scales"),
          { name: "noise_scale", datatype: "FP32", shape: [] },
        ],
      }),
    invalidMatching(/no FP32 \[3\] scales input \(nor FP32 scalars/),
  );
});
