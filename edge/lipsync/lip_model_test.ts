import assert from "node:assert/strict";
import {
  type InferenceBackend,
  type ModelMetadata,
  type NamedTensors,
} from "@lipstream/shared";
import { lipModelFromBackend } from "./lip_model.ts";

const FACE = 6 * 96 * 96;

/** A backend with a fixed-batch Wav2Lip whose output is each item's first face value. */
function fixedBatchBackend(batch: number, calls: number[]): InferenceBackend {
  const metadata: ModelMetadata = {
    name: "w",
    platform: "onnxruntime_onnx",
    inputs: [
      { name: "audio", datatype: "FP32", shape: [batch, 1, 80, 16] },
      { name: "video", datatype: "FP32", shape: [batch, 6, 96, 96] },
    ],
    outputs: [{ name: "y", datatype: "FP32", shape: [batch, 3, 96, 96] }],
  };
  return {
    modelMetadata: () => Promise.resolve(metadata),
    infer(_model, inputs: NamedTensors) {
      const video = inputs["video"]!;
      assert.equal(video.shape[0], batch, "every call carries the fixed batch");
      calls.push(video.shape[0]!);
      const data = new Float32Array(batch * 3 * 96 * 96);
      for (let i = 0; i < batch; i++) {
        data.fill(
          (video.data as Float32Array)[i * FACE]!,
          i * 27648,
          (i + 1) * 27648,
        );
      }
      return Promise.resolve({
        y: { datatype: "FP32", shape: [batch, 3, 96, 96], data },
      });
    },
    isModelReady: () => Promise.resolve(true),
    isReady: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

Deno.test("lipModelFromBackend() splits a batch for a fixed-batch export, padding the last call and dropping the padding", async () => {
  for (const batch of [1, 2]) {
    const calls: number[] = [];
    const lipModel = lipModelFromBackend(fixedBatchBackend(batch, calls), "w");
    const size = 5;
    const faces = new Float32Array(size * FACE);
    for (let i = 0; i < size; i++) faces[i * FACE] = i + 1;
    const out = await lipModel({
      mel: new Float32Array(size * 80 * 16),
      faces,
      size,
    }, { signal: new AbortController().signal });
    assert.deepEqual(out.map((face) => face[0]), [1, 2, 3, 4, 5]);
    assert.equal(calls.length, Math.ceil(size / batch));
  }
});
