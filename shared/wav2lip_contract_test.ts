import assert from "node:assert/strict";
import {
  InferenceError,
  type ModelMetadata,
  resolveWav2lipTensors,
  wav2lipFaces,
  wav2lipFixedBatch,
  wav2lipInputs,
} from "./mod.ts";

function invalidMatching(pattern: RegExp) {
  return (error: unknown) =>
    error instanceof InferenceError && error.kind === "invalid_argument" &&
    pattern.test(error.message);
}

const metadata: ModelMetadata = {
  name: "w",
  platform: "onnxruntime_onnx",
  inputs: [
    { name: "a", datatype: "FP32", shape: [-1, 6, 96, 96] },
    { name: "b", datatype: "FP32", shape: [-1, 1, 80, 16] },
  ],
  outputs: [{ name: "c", datatype: "FP32", shape: [-1, 3, 96, 96] }],
};

Deno.test("resolveWav2lipTensors() assigns roles by shape, not name or order", () => {
  assert.deepEqual(resolveWav2lipTensors(metadata), {
    mel: "b",
    face: "a",
    output: "c",
  });
});

Deno.test("resolveWav2lipTensors() rejects a model without a mel input", () => {
  assert.throws(
    () =>
      resolveWav2lipTensors({
        ...metadata,
        inputs: [
          { name: "b", datatype: "FP64", shape: [-1, 1, 80, 16] },
          metadata.inputs[0]!,
        ],
      }),
    invalidMatching(/no mel input of FP32 \[B,1,80,16\]: received \[b FP64/),
  );
});

Deno.test("wav2lipInputs() shares the caller's arrays and checks batch sizes", () => {
  const names = resolveWav2lipTensors(metadata);
  const mel = new Float32Array(3 * 80 * 16);
  const face = new Float32Array(3 * 6 * 96 * 96);
  const inputs = wav2lipInputs(names, { mel, face });
  assert.equal(inputs["b"]!.data, mel);
  assert.deepEqual(inputs["a"]!.shape, [3, 6, 96, 96]);
  assert.throws(
    () => wav2lipInputs(names, { mel, face: new Float32Array(6 * 96 * 96) }),
    invalidMatching(
      /'a': expected 165888 values \(\[3,6,96,96\]\): received 55296/,
    ),
  );
  assert.throws(
    () => wav2lipInputs(names, { mel: new Float32Array(100), face }),
    invalidMatching(/'b'.*received 100/),
  );
});

Deno.test("wav2lipFaces() splits the batch into views and validates the shape", () => {
  const data = Float32Array.from({ length: 2 * 27648 }, (_, i) => i);
  const faces = wav2lipFaces({
    c: { datatype: "FP32", shape: [2, 3, 96, 96], data },
  }, { output: "c" });
  assert.equal(faces.length, 2);
  assert.equal(faces[1]![0], 27648);
  assert.equal(faces[1]!.buffer, data.buffer);
  assert.throws(
    () =>
      wav2lipFaces({
        c: {
          datatype: "FP32",
          shape: [2, 3, 48, 48],
          data: new Float32Array(2 * 3 * 48 * 48),
        },
      }, { output: "c" }),
    invalidMatching(
      /'c': expected FP32 \[B,3,96,96\]: received FP32 \[2,3,48,48\]/,
    ),
  );
  assert.throws(
    () => wav2lipFaces({}, { output: "c" }),
    invalidMatching(/no such tensor/),
  );
});

Deno.test("resolveWav2lipTensors() uses names only when shapes are all variable, and refuses extra inputs", () => {
  const dynamic: ModelMetadata = {
    ...metadata,
    inputs: [
      { name: "video", datatype: "FP32", shape: [-1, -1, -1, -1] },
      { name: "audio", datatype: "FP32", shape: [-1, -1, -1, -1] },
    ],
    outputs: [{ name: "y", datatype: "FP32", shape: [-1, -1, -1, -1] }],
  };
  assert.deepEqual(resolveWav2lipTensors(dynamic), {
    mel: "audio",
    face: "video",
    output: "y",
  });
  assert.throws(
    () =>
      resolveWav2lipTensors({
        ...dynamic,
        inputs: [
          { name: "p", datatype: "FP32", shape: [-1, -1, -1, -1] },
          { name: "q", datatype: "FP32", shape: [-1, -1, -1, -1] },
        ],
      }),
    invalidMatching(/no unambiguous mel input/),
  );
  assert.throws(
    () =>
      resolveWav2lipTensors({
        ...metadata,
        inputs: [...metadata.inputs, {
          name: "pose",
          datatype: "FP32",
          shape: [-1, 6],
        }],
      }),
    invalidMatching(/input 'pose' \(pose FP32 \[-1,6\]\) has no role/),
  );
});

Deno.test("wav2lipFixedBatch() reads a fixed batch dim and rejects mixed ones", () => {
  const names = { mel: "b", face: "a", output: "c" };
  assert.equal(wav2lipFixedBatch(metadata, names), undefined);
  const fixed = (mel: number, face: number): ModelMetadata => ({
    ...metadata,
    inputs: [
      { name: "a", datatype: "FP32", shape: [face, 6, 96, 96] },
      { name: "b", datatype: "FP32", shape: [mel, 1, 80, 16] },
    ],
  });
  assert.equal(wav2lipFixedBatch(fixed(1, 1), names), 1);
  assert.equal(wav2lipFixedBatch(fixed(4, 4), names), 4);
  assert.throws(
    () => wav2lipFixedBatch(fixed(1, -1), names),
    invalidMatching(/different batch dims \[1,-1\]/),
  );
});
