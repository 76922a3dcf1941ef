/**
 * The local KServe server hosting the real ONNX Runtime backend on the fixture repository, driven
 * by the Triton client over loopback HTTP: every ORT datatype both ways, malformed requests,
 * timeout and abort, gzip, and dynamic batching of `fixture_wav2lip`.
 *
 * Inputs are built from each model's metadata, so the tests do not depend on tensor names.
 * The ORT backend and fixture generator are loaded dynamically; until `inference/ort` and
 * `inference/fixtures` export them, these tests are reported as ignored.
 */
import assert from "node:assert/strict";
import {
  InferenceError,
  type ModelMetadata,
  type NamedTensors,
  type Tensor,
  type TensorMetadata,
} from "@lipstream/shared";
import { TritonClient } from "@lipstream/inference/triton";
import {
  type KserveServerBackend,
  serveKserve,
} from "@lipstream/inference/server";
import { sampleTensor, tensorValues } from "../shared/_tensor_samples.ts";

type OrtBackend = KserveServerBackend & { runCount(model: string): number };
const ort = await import("@lipstream/inference/ort") as {
  createOrtBackend?: (options: { repository: string }) => Promise<OrtBackend>;
};
const fixtures = await import("@lipstream/inference/fixtures") as {
  generateFixtureRepository?: (dir: string) => Promise<void>;
};
const ignore = typeof ort.createOrtBackend !== "function" ||
  typeof fixtures.generateFixtureRepository !== "function";

async function withServer(
  fn: (client: TritonClient, backend: OrtBackend, url: string) => Promise<void>,
  clientOptions: {
    binary?: boolean;
    compression?: "gzip";
    acceptEncoding?: "gzip";
  } = {},
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-kserve-" });
  await fixtures.generateFixtureRepository!(dir);
  const backend = await ort.createOrtBackend!({ repository: dir });
  const server = serveKserve({ backend, port: 0, hostname: "127.0.0.1" });
  const client = new TritonClient({ url: server.url, ...clientOptions });
  try {
    await fn(client, backend, server.url);
  } finally {
    await client.close();
    await server.shutdown();
    await backend.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** Deterministic data for one input of batch size 1 (or its declared shape). */
function inputFor(spec: TensorMetadata, seed: number): Tensor {
  const shape = spec.shape.map((d) => (d === -1 ? 1 : d));
  const count = shape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from(
    { length: count },
    (_, i) => Math.sin(seed * 7919 + i) * 0.5,
  );
  return { datatype: "FP32", shape, data };
}

function wav2lipInputs(metadata: ModelMetadata, seed: number): NamedTensors {
  return Object.fromEntries(
    metadata.inputs.map((spec) => [spec.name, inputFor(spec, seed)]),
  );
}

function identityInputs(metadata: ModelMetadata): NamedTensors {
  return Object.fromEntries(metadata.inputs.map((spec) => {
    const sample = sampleTensor(spec.datatype);
    return [spec.name, { ...sample, shape: [sample.data.length] } as Tensor];
  }));
}

for (const binary of [true, false]) {
  Deno.test({
    name: `ORT server: fixture_identity round-trips every datatype in ${
      binary ? "binary" : "JSON"
    } mode`,
    ignore,
    fn: () =>
      withServer(async (client) => {
        const metadata = await client.modelMetadata("fixture_identity");
        assert.ok(
          metadata.inputs.length >= 10,
          "expected one input per ORT datatype",
        );
        const inputs = identityInputs(metadata);
        const outputs = await client.infer("fixture_identity", inputs);
        for (const [name, tensor] of Object.entries(inputs)) {
          const got = outputs[name.replace(/^in_/, "out_")];
          assert.ok(got !== undefined, `no output for ${name}`);
          assert.equal(got.datatype, tensor.datatype);
          const plain = (v: unknown[]) =>
            binary ? v : v.map((x) => (x === 0 ? 0 : x));
          assert.deepEqual(
            plain(tensorValues(got)),
            plain(tensorValues(tensor)),
            name,
          );
        }
      }, { binary }),
  });
}

Deno.test({
  name: "ORT server: malformed requests get 4xx errors with Triton's messages",
  ignore,
  fn: () =>
    withServer(async (client) => {
      const metadata = await client.modelMetadata("fixture_wav2lip");
      const inputs = wav2lipInputs(metadata, 1);
      const [first] = metadata.inputs;
      const expectInvalid = async (call: Promise<unknown>, message: RegExp) => {
        const error = await call.then(() => undefined, (e: unknown) => e);
        assert.ok(error instanceof InferenceError, String(error));
        assert.equal(error.status, 400);
        assert.match(error.message, message);
      };
      const wrongType: Tensor = {
        datatype: "FP64",
        shape: inputs[first!.name]!.shape,
        data: new Float64Array(inputs[first!.name]!.data.length),
      };
      await expectInvalid(
        client.infer("fixture_wav2lip", {
          ...inputs,
          [first!.name]: wrongType,
        }),
        /data-type is 'FP64'/,
      );
      const wrongShape: Tensor = {
        datatype: "FP32",
        shape: [1, 1],
        data: new Float32Array(1),
      };
      await expectInvalid(
        client.infer("fixture_wav2lip", {
          ...inputs,
          [first!.name]: wrongShape,
        }),
        /unexpected shape/,
      );
      const { [first!.name]: _dropped, ...missing } = inputs;
      await expectInvalid(
        client.infer("fixture_wav2lip", missing),
        /Missing required input/,
      );
      await expectInvalid(
        client.infer("no_such_model", inputs),
        /Request for unknown model/,
      );
    }),
});

Deno.test({
  name: "ORT server: a timeout and an abort end a large call promptly",
  ignore,
  fn: () =>
    withServer(async (client) => {
      const metadata = await client.modelMetadata("fixture_wav2lip");
      const config = await client.modelConfig("fixture_wav2lip");
      const batch = Object.fromEntries(metadata.inputs.map((spec) => {
        const one = inputFor(spec, 3);
        const size = config.max_batch_size;
        const data = new Float32Array(one.data.length * size);
        for (let i = 0; i < size; i++) {
          data.set(one.data as Float32Array, i * one.data.length);
        }
        return [spec.name, {
          datatype: "FP32",
          shape: [size, ...one.shape.slice(1)],
          data,
        }];
      })) as NamedTensors;
      let started = performance.now();
      await client.infer("fixture_wav2lip", batch);
      const full = performance.now() - started;
      started = performance.now();
      const timedOut = await client.infer("fixture_wav2lip", batch, {
        timeoutMs: 1,
      })
        .then(() => undefined, (e: unknown) => e);
      assert.ok(
        timedOut instanceof InferenceError && timedOut.kind === "timeout",
        String(timedOut),
      );
      assert.ok(
        performance.now() - started < full + 200,
        "timeout was not prompt",
      );
      const controller = new AbortController();
      queueMicrotask(() => controller.abort());
      const aborted = await client.infer("fixture_wav2lip", batch, {
        signal: controller.signal,
      })
        .then(() => undefined, (e: unknown) => e);
      assert.ok(
        aborted instanceof InferenceError && aborted.kind === "cancelled",
        String(aborted),
      );
    }),
});

Deno.test({
  name: "ORT server: gzip requests and responses",
  ignore,
  fn: () =>
    withServer(async (client, _backend, url) => {
      const metadata = await client.modelMetadata("fixture_wav2lip");
      const inputs = wav2lipInputs(metadata, 5);
      const zipped = await client.infer("fixture_wav2lip", inputs);
      const plain = await new TritonClient({ url }).infer(
        "fixture_wav2lip",
        inputs,
      );
      for (const name of Object.keys(plain)) {
        assert.deepEqual(zipped[name]!.data, plain[name]!.data);
      }
    }, { compression: "gzip", acceptEncoding: "gzip" }),
});

Deno.test({
  name:
    "ORT server: concurrent wav2lip requests are batched and match sequential results",
  ignore,
  fn: () =>
    withServer(async (client, backend) => {
      const metadata = await client.modelMetadata("fixture_wav2lip");
      const requests = Array.from({ length: 8 }, (_, i) =>
        wav2lipInputs(metadata, i + 10));
      const sequential: NamedTensors[] = [];
      for (const r of requests) {
        sequential.push(await client.infer("fixture_wav2lip", r));
      }
      const before = backend.runCount("fixture_wav2lip");
      const concurrent = await Promise.all(requests.map((r) =>
        client.infer("fixture_wav2lip", r)
      ));
      const runs = backend.runCount("fixture_wav2lip") - before;
      assert.ok(
        runs < requests.length,
        `expected batching, got ${runs} runs for 8 requests`,
      );
      concurrent.forEach((outputs, i) => {
        for (const [name, tensor] of Object.entries(sequential[i]!)) {
          const got = outputs[name]!;
          assert.deepEqual(got.shape, tensor.shape);
          const a = got.data as Float32Array, b = tensor.data as Float32Array;
          for (let j = 0; j < a.length; j++) {
            assert.ok(Math.abs(a[j]! - b[j]!) <= 1e-5, `${name}[${j}] differs`);
          }
        }
      });
    }),
});
