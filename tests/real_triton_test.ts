/**
 * NVIDIA's real `tritonserver` (2.51.0, from PyPI's `nvidia-pytriton`, installed by
 * `scripts/triton_env.sh`) on loopback, serving the fixture models through Triton's Python
 * backend with ONNX Runtime inside (`infra/triton/python_ort/model.py`: same config.pbtxt, same
 * tensor names, Triton's own dynamic batcher). Triton's ONNX Runtime backend ships only in
 * NVIDIA's container images, which this machine cannot fetch.
 *
 * Checked: our TypeScript client against it (metadata, config, every datatype the fixture
 * identity model has, binary and JSON, gzip, errors, dynamic batching from Triton's statistics)
 * and the edge speaking through it end to end (`TRITON_URL`): WAV and JPEG parts checked with
 * ffprobe. Needs `deno task setup`. Outside CI a missing Triton environment skips these tests;
 * under `CI=true` it fails them.
 */
import assert from "node:assert/strict";
import { parseMultipartStream } from "@remix-run/multipart-parser";
import {
  InferenceError,
  type ModelMetadata,
  type NamedTensors,
  type Tensor,
} from "@lipstream/shared";
import { TritonClient } from "@lipstream/inference/triton";
import {
  findTritonDistribution,
  startTritonServer,
  type TritonServerProcess,
} from "@lipstream/inference/tritonserver";
import { sampleTensor, tensorValues } from "../shared/_tensor_samples.ts";
import { withEdgeServer } from "./support/edge_server.ts";
import { ffprobeStream } from "./support/ffprobe.ts";

const MODELS = ["fixture_vits", "fixture_wav2lip", "fixture_identity"];
const available = await findTritonDistribution() !== undefined;
const ignore = !available && Deno.env.get("CI") !== "true";
if (!available) {
  console.warn(
    "real Triton tests: .tools/venv-triton is missing (bash scripts/triton_env.sh)" +
      (ignore ? "; skipped outside CI" : "; failing under CI=true"),
  );
}

let shared: Promise<TritonServerProcess> | undefined;
/** One Triton for the whole file: starting its Python-backend stubs takes seconds. */
function triton(): Promise<TritonServerProcess> {
  shared ??= startTritonServer({ models: MODELS });
  return shared;
}

Deno.test({
  name:
    "real Triton: server metadata, readiness and the Python-backend repository",
  ignore,
  async fn() {
    const { url } = await triton();
    const client = new TritonClient({ url, timeoutMs: 10_000 });
    const server = await client.serverMetadata();
    assert.equal(server.name, "triton");
    assert.match(server.version, /^2\.\d+\.\d+$/);
    assert.ok(server.extensions.includes("binary_tensor_data"));
    assert.equal(await client.isLive(), true);
    assert.equal(await client.isReady(), true);
    for (const model of MODELS) {
      assert.equal(await client.isModelReady(model), true, model);
    }
    const config = await client.modelConfig("fixture_wav2lip");
    assert.equal(config.max_batch_size, 64);
    assert.equal(config.backend, "python");
    const index = await client.repositoryIndex({ ready: true });
    assert.deepEqual(
      index.map((entry) => entry.name).sort(),
      [...MODELS].sort(),
    );
  },
});

for (const binary of [true, false]) {
  Deno.test({
    name: `real Triton: fixture_identity round-trips every datatype (${
      binary ? "binary" : "JSON"
    })`,
    ignore,
    async fn() {
      const { url } = await triton();
      const client = new TritonClient({ url, binary, timeoutMs: 10_000 });
      const metadata = await client.modelMetadata("fixture_identity");
      const inputs = identityInputs(metadata);
      const outputs = await client.infer("fixture_identity", inputs);
      for (const spec of metadata.inputs) {
        const out = outputs[spec.name.replace(/^in_/, "out_")];
        assert.ok(out, spec.name);
        assert.equal(out.datatype, spec.datatype);
        // JSON cannot carry -0 (JSON.stringify(-0) is "0"), so JSON mode compares it as 0.
        const expected = tensorValues(inputs[spec.name]!).map((value) =>
          binary || !Object.is(value, -0) ? value : 0
        );
        assert.deepEqual(tensorValues(out), expected);
      }
    },
  });
}

Deno.test({
  name:
    "real Triton: gzip both ways, and Triton's errors map to our error kinds",
  ignore,
  async fn() {
    const { url } = await triton();
    const client = new TritonClient({
      url,
      compression: "gzip",
      acceptEncoding: "gzip",
      timeoutMs: 10_000,
    });
    const metadata = await client.modelMetadata("fixture_identity");
    const inputs = identityInputs(metadata);
    const outputs = await client.infer("fixture_identity", inputs, {
      outputs: ["out_fp32"],
    });
    assert.deepEqual(Object.keys(outputs), ["out_fp32"]);
    assert.deepEqual(
      tensorValues(outputs.out_fp32!),
      tensorValues(inputs.in_fp32!),
    );
    const missing = await client.infer("no_such_model", inputs).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(missing instanceof InferenceError);
    assert.equal(missing.kind, "not_found");
    const { in_fp32: _, ...short } = inputs;
    const invalid = await client.infer("fixture_identity", short).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(invalid instanceof InferenceError);
    assert.equal(invalid.kind, "invalid_argument", invalid.message);
  },
});

Deno.test({
  name:
    "real Triton: concurrent fixture_wav2lip requests are batched by Triton's dynamic batcher",
  ignore,
  async fn() {
    const { url } = await triton();
    const client = new TritonClient({ url, timeoutMs: 30_000 });
    const metadata = await client.modelMetadata("fixture_wav2lip");
    const before = await statistics(url, "fixture_wav2lip");
    const requests = 24;
    const results = await Promise.all(
      Array.from(
        { length: requests },
        (_, seed) =>
          client.infer("fixture_wav2lip", wav2lipInputs(metadata, seed)),
      ),
    );
    const after = await statistics(url, "fixture_wav2lip");
    // Each request got its own rows back: the same as when it runs alone.
    for (const seed of [0, 7, requests - 1]) {
      const alone = await client.infer(
        "fixture_wav2lip",
        wav2lipInputs(metadata, seed),
      );
      assert.deepEqual(results[seed]!.output!.shape, [1, 3, 96, 96]);
      assert.deepEqual(results[seed]!.output!.data, alone.output!.data);
    }
    const sums = results.map((result) =>
      (result.output!.data as Float32Array).reduce((a, b) => a + b, 0)
    );
    assert.equal(new Set(sums).size, requests);
    const inferences = after.inference_count - before.inference_count;
    const executions = after.execution_count - before.execution_count;
    assert.equal(inferences, requests);
    assert.ok(
      executions < requests,
      `${requests} requests ran in ${executions} model executions`,
    );
  },
});

Deno.test({
  name:
    "real Triton: the edge speaks through it (TRITON_URL): WAV and JPEG parts",
  ignore,
  async fn() {
    const { url } = await triton();
    await withEdgeServer({ TRITON_URL: url }, async (base, pipeline) => {
      assert.equal(pipeline.mode, "triton");
      const response = await fetch(
        `${base}/v1/speak`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            text:
              "Hello there. This is the fixture voice speaking through Triton.",
            voice: "fixture_vits",
            avatar: "demo",
          }),
        },
      );
      assert.equal(response.status, 200, await response.clone().text());
      const boundary = /boundary=(\S+)$/.exec(
        response.headers.get("content-type") ?? "",
      )?.[1];
      assert.ok(boundary);
      const parts: { type: string | undefined; bytes: Uint8Array }[] = [];
      for await (
        const part of parseMultipartStream(response.body!, { boundary })
      ) {
        parts.push({ type: part.headers["content-type"], bytes: part.bytes });
      }
      const end = JSON.parse(new TextDecoder().decode(parts.at(-1)!.bytes));
      assert.equal(end.type, "end", JSON.stringify(end));
      const wavs = parts.filter((part) => part.type === "audio/wav");
      const jpegs = parts.filter((part) => part.type === "image/jpeg");
      assert.ok(wavs.length >= 1);
      let samples = 0;
      for (const wav of wavs) {
        const stream = await ffprobeStream(
          wav.bytes,
          "stream=codec_name,sample_rate,duration_ts",
        );
        assert.equal(stream.sample_rate, "22050");
        samples += stream.duration_ts;
      }
      assert.ok(samples > 22050 / 2, `${samples} samples`);
      assert.equal(jpegs.length, Math.ceil(samples * 25 / 22050));
      assert.equal(end.frames, jpegs.length);
      const frame = await ffprobeStream(
        jpegs[0]!.bytes,
        "stream=codec_name,width",
      );
      assert.equal(frame.codec_name, "mjpeg");
    });
  },
});

// Last: stops the shared server (Deno runs a file's tests in order).
Deno.test({
  name: "real Triton: stops on SIGTERM",
  ignore,
  async fn() {
    const server = await triton();
    await server.close();
    const down = await fetch(`${server.url}/v2/health/live`).then(
      () => false,
      () => true,
    );
    assert.ok(down, "still answering after close()");
  },
});

function identityInputs(metadata: ModelMetadata): NamedTensors {
  return Object.fromEntries(metadata.inputs.map((spec) => {
    const sample = sampleTensor(spec.datatype);
    return [spec.name, { ...sample, shape: [sample.data.length] } as Tensor];
  }));
}

function wav2lipInputs(metadata: ModelMetadata, seed: number): NamedTensors {
  return Object.fromEntries(metadata.inputs.map((spec) => {
    const shape = [1, ...spec.shape.slice(1)];
    const count = shape.reduce((a, b) => a * b, 1);
    const data = Float32Array.from(
      { length: count },
      (_, i) => Math.sin(seed * 7919 + i) * 0.5 + seed * 0.01,
    );
    return [spec.name, { datatype: "FP32", shape, data } as Tensor];
  }));
}

/** Triton's `GET /v2/models/{model}/stats` counters for version 1. */
async function statistics(url: string, model: string) {
  const response = await fetch(`${url}/v2/models/${model}/stats`);
  assert.equal(response.status, 200);
  const body = await response.json();
  return body.model_stats[0] as {
    inference_count: number;
    execution_count: number;
  };
}
