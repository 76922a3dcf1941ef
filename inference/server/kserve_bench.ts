/**
 * KServe v2 transport costs for a 16-frame Wav2Lip batch (mel `[16,1,80,16]` + face `[16,6,96,96]`
 * FP32 in, `[16,3,96,96]` out):
 *
 * - `codec`: binary vs JSON encode + decode of the request and the response;
 * - `hop-N`: one infer of N frames in-process (handler called directly) vs over loopback HTTP
 *   (`TritonClient` → `Deno.serve`), with a stand-in model that only copies the face's first three
 *   channels, so what is timed is the transport;
 * - `batching`: 8 concurrent callers of 1 frame each, with and without the dynamic batcher, where
 *   the stand-in runs one batch at a time (one model instance) and each run costs a fixed 2 ms
 *   (standing in for a kernel launch / device sync) plus the copy.
 */
import {
  decodeInferRequest,
  decodeInferResponse,
  encodeInferRequest,
  encodeInferResponse,
  type InferenceBackend,
  type ModelConfig,
  type NamedTensors,
  resolveWav2lipTensors,
  type Tensor,
  WAV2LIP_FACE_DIMS,
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_FACE_OUTPUT_VALUES,
  WAV2LIP_MEL_DIMS,
  WAV2LIP_MEL_WINDOW_VALUES,
  WAV2LIP_OUTPUT_DIMS,
} from "@lipstream/shared";
import { createOrtBackend } from "@lipstream/inference/ort";
import { TritonClient } from "@lipstream/inference/triton";
import { createKserveHandler } from "@lipstream/inference/server";

function wav2lipInputs(frames: number): NamedTensors {
  const mel = new Float32Array(frames * WAV2LIP_MEL_WINDOW_VALUES).map((_, i) =>
    Math.sin(i) * 4
  );
  const face = new Float32Array(frames * WAV2LIP_FACE_INPUT_VALUES).map((
    _,
    i,
  ) => (i % 255) / 255);
  return {
    mel: { datatype: "FP32", shape: [frames, ...WAV2LIP_MEL_DIMS], data: mel },
    face: {
      datatype: "FP32",
      shape: [frames, ...WAV2LIP_FACE_DIMS],
      data: face,
    },
  };
}

function wav2lipOutput(face: Tensor): Tensor {
  const frames = face.shape[0]!;
  const plane = WAV2LIP_FACE_OUTPUT_VALUES / 3;
  const out = new Float32Array(frames * WAV2LIP_FACE_OUTPUT_VALUES);
  const data = face.data as Float32Array;
  for (let f = 0; f < frames; f++) {
    out.set(
      data.subarray(f * 6 * plane, f * 6 * plane + 3 * plane),
      f * 3 * plane,
    );
  }
  return {
    datatype: "FP32",
    shape: [frames, ...WAV2LIP_OUTPUT_DIMS],
    data: out,
  };
}

const CONFIG: ModelConfig = {
  name: "wav2lip",
  backend: "stand-in",
  max_batch_size: 64,
  input: [
    { name: "mel", data_type: "TYPE_FP32", dims: [...WAV2LIP_MEL_DIMS] },
    { name: "face", data_type: "TYPE_FP32", dims: [...WAV2LIP_FACE_DIMS] },
  ],
  output: [{
    name: "out",
    data_type: "TYPE_FP32",
    dims: [...WAV2LIP_OUTPUT_DIMS],
  }],
  dynamic_batching: { max_queue_delay_microseconds: 2_000 },
};

function standInBackend(
  runCostMs: number,
): InferenceBackend & { modelConfig(): Promise<ModelConfig> } {
  let previous: Promise<unknown> = Promise.resolve();
  return {
    // One model instance: runs take turns, as on one ORT session or one GPU instance.
    infer(_model, inputs) {
      const run = previous.then(async () => {
        if (runCostMs > 0) await new Promise((r) => setTimeout(r, runCostMs));
        return { out: wav2lipOutput(inputs.face!) };
      });
      previous = run.catch(() => {});
      return run;
    },
    modelMetadata: () =>
      Promise.resolve({
        name: "wav2lip",
        platform: "stand-in",
        inputs: [
          { name: "mel", datatype: "FP32", shape: [-1, ...WAV2LIP_MEL_DIMS] },
          { name: "face", datatype: "FP32", shape: [-1, ...WAV2LIP_FACE_DIMS] },
        ],
        outputs: [{
          name: "out",
          datatype: "FP32",
          shape: [-1, ...WAV2LIP_OUTPUT_DIMS],
        }],
      }),
    modelConfig: () => Promise.resolve(structuredClone(CONFIG)),
    isModelReady: () => Promise.resolve(true),
    isReady: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

// --- codec ---------------------------------------------------------------------------------
const batch16 = wav2lipInputs(16);
const out16 = { out: wav2lipOutput(batch16.face!) };
for (const binary of [true, false]) {
  Deno.bench(
    `codec ${binary ? "binary" : "JSON"} request+response, 16 frames`,
    {
      group: "codec",
      baseline: binary,
    },
    () => {
      const request = encodeInferRequest(batch16, { binary });
      decodeInferRequest(request.body, request.headerLength);
      const response = encodeInferResponse(out16, {
        modelName: "wav2lip",
        binary: () => binary,
      });
      decodeInferResponse(response.body, response.headerLength);
    },
  );
}

// --- one HTTP hop --------------------------------------------------------------------------
function startServer(backend: InferenceBackend, batching: boolean) {
  const handler = createKserveHandler(backend, { batching });
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    handler,
  );
  server.unref();
  return { handler, url: `http://127.0.0.1:${server.addr.port}` };
}

const direct = startServer(standInBackend(0), false);
const directClient = new TritonClient({ url: direct.url });
for (const frames of [1, 16, 64]) {
  const inputs = wav2lipInputs(frames);
  const request = encodeInferRequest(inputs);
  Deno.bench(`hop-${frames} in-process handler`, {
    group: `hop-${frames}`,
    baseline: true,
  }, async () => {
    const response = await direct.handler(
      new Request("http://localhost/v2/models/wav2lip/infer", {
        method: "POST",
        body: request.body as Uint8Array<ArrayBuffer>,
        headers: {
          "inference-header-content-length": String(request.headerLength),
        },
      }),
    );
    const length = Number(
      response.headers.get("inference-header-content-length"),
    );
    decodeInferResponse(new Uint8Array(await response.arrayBuffer()), length);
  });
  Deno.bench(`hop-${frames} loopback HTTP (TritonClient)`, {
    group: `hop-${frames}`,
  }, async () => {
    await directClient.infer("wav2lip", inputs);
  });
}

// --- dynamic batching ----------------------------------------------------------------------
const one = wav2lipInputs(1);
for (const batching of [false, true]) {
  const served = startServer(standInBackend(2), batching);
  const client = new TritonClient({ url: served.url });
  Deno.bench(
    `batching 8 callers × 1 frame, batcher ${batching ? "on" : "off"}`,
    {
      group: "batching",
      baseline: !batching,
    },
    async () => {
      await Promise.all(
        Array.from({ length: 8 }, () => client.infer("wav2lip", one)),
      );
    },
  );
}

// --- the fixture lip model on ONNX Runtime (needs `deno task setup`) ----------------------
// The same comparisons with a real model run: `fixture_wav2lip` called in process vs through
// the local KServe server over loopback HTTP, and 8 concurrent single-frame callers with the
// server's dynamic batcher (from the fixture's `dynamic_batching` config) off and on.
const ort = await createOrtBackend({ repository: "generated/models" });
const fixtureNames = resolveWav2lipTensors(
  await ort.modelMetadata("fixture_wav2lip"),
);
function fixtureInputs(frames: number): NamedTensors {
  const { mel, face } = wav2lipInputs(frames);
  return { [fixtureNames.mel]: mel!, [fixtureNames.face]: face! };
}
const ortServed = startServer(ort, false);
const ortClient = new TritonClient({ url: ortServed.url });
for (const frames of [1, 16, 64]) {
  const inputs = fixtureInputs(frames);
  Deno.bench(`fixture-${frames} in process (OrtBackend.infer)`, {
    group: `fixture-hop-${frames}`,
    baseline: true,
  }, async () => {
    await ort.infer("fixture_wav2lip", inputs);
  });
  Deno.bench(`fixture-${frames} over loopback HTTP (TritonClient)`, {
    group: `fixture-hop-${frames}`,
  }, async () => {
    await ortClient.infer("fixture_wav2lip", inputs);
  });
}
const fixtureOne = fixtureInputs(1);
for (const batching of [false, true]) {
  const served = startServer(ort, batching);
  const client = new TritonClient({ url: served.url });
  Deno.bench(
    `fixture 8 callers × 1 frame, batcher ${batching ? "on" : "off"}`,
    { group: "fixture-batching", baseline: !batching },
    async () => {
      await Promise.all(
        Array.from(
          { length: 8 },
          () => client.infer("fixture_wav2lip", fixtureOne),
        ),
      );
    },
  );
}
