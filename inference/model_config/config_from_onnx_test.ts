import assert from "node:assert/strict";
import {
  buildFixtureVitsModel,
  buildFixtureWav2lipModel,
} from "../fixtures/mod.ts";
import { compareConfigWithOnnx } from "./check_models.ts";
import {
  detectModelRole,
  metadataFromOnnx,
  modelConfigFromOnnx,
} from "./config_from_onnx.ts";
import { parseModelConfig, serializeModelConfig } from "./model_config_text.ts";
import { readOnnxModelIo } from "./onnx_model_io.ts";

function roundTrip(
  name: string,
  onnx: Uint8Array,
  gpu = false,
) {
  const io = readOnnxModelIo(onnx);
  const role = detectModelRole(metadataFromOnnx(name, io));
  const config = parseModelConfig(
    serializeModelConfig(modelConfigFromOnnx(name, io, { role, gpu })),
  );
  assert.deepEqual(compareConfigWithOnnx(config, io), []);
  return { role, config };
}

Deno.test("modelConfigFromOnnx() batches a variable-batch Wav2Lip under any names, and check:models agrees", () => {
  const { role, config } = roundTrip(
    "lips",
    buildFixtureWav2lipModel({}, {
      mel: "audio_sequences",
      face: "face_sequences",
      output: "pred",
    }),
    true,
  );
  assert.equal(role, "wav2lip");
  assert.equal(config.max_batch_size, 64);
  assert.deepEqual(config.input.map((t) => [t.name, t.dims]), [
    ["audio_sequences", [1, 80, 16]],
    ["face_sequences", [6, 96, 96]],
  ]);
  assert.deepEqual(config.output[0]?.dims, [3, 96, 96]);
  assert.deepEqual(config.dynamic_batching?.preferred_batch_size, [
    4,
    8,
    16,
    32,
  ]);
  assert.deepEqual(config.instance_group, [{ count: 1, kind: "KIND_GPU" }]);
});

Deno.test("modelConfigFromOnnx() gives a fixed-batch export max_batch_size 0 and its real dims", () => {
  const { role, config } = roundTrip(
    "lips1",
    buildFixtureWav2lipModel({}, { batch: 1 }),
  );
  assert.equal(role, "wav2lip");
  assert.equal(config.max_batch_size, 0);
  assert.equal(config.dynamic_batching, undefined);
  assert.deepEqual(config.input[0]?.dims, [1, 1, 80, 16]);
  assert.deepEqual(config.instance_group, [{ count: 1, kind: "KIND_CPU" }]);
});

Deno.test("modelConfigFromOnnx() writes a voice's real dims, scalars as [1] reshaped to []", () => {
  const piper = roundTrip("voice", buildFixtureVitsModel());
  assert.equal(piper.role, "voice");
  assert.equal(piper.config.max_batch_size, 0);
  assert.deepEqual(piper.config.input.map((t) => [t.name, t.dims]), [
    ["input", [1, -1]],
    ["input_lengths", [1]],
    ["scales", [3]],
    ["sid", [1]],
  ]);
  const scalars = roundTrip(
    "fast",
    buildFixtureVitsModel({}, { scalarScales: true, ids: "x" }),
  );
  assert.equal(scalars.role, "voice");
  const noise = scalars.config.input.find((t) => t.name === "noise_scale");
  assert.deepEqual(noise?.dims, [1]);
  assert.deepEqual(noise?.reshape, { shape: [] });
});

Deno.test("detectModelRole() names the unknown layout", () => {
  const io = readOnnxModelIo(
    buildFixtureVitsModel({}, { extraInput: "emotion" }),
  );
  assert.throws(
    () => detectModelRole(metadataFromOnnx("odd", io)),
    (error: unknown) =>
      error instanceof TypeError &&
      /^Cannot tell the model's kind: unknown tensor layout \(as Wav2Lip: no mel input .*; as a voice: input 'emotion'/
        .test(error.message),
  );
});
