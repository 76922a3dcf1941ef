/**
 * The Triton client against the local KServe server over real HTTP on loopback, with the
 * arithmetic test backend (no ONNX Runtime): every datatype both ways, compression, errors,
 * timeouts, cancellation, connection reuse and dynamic batching.
 */
import assert from "node:assert/strict";
import { InferenceError, type NamedTensors } from "@lipstream/shared";
import { TritonClient } from "@lipstream/inference/triton";
import { createKserveHandler } from "@lipstream/inference/server";
import { createArithmeticBackend } from "../inference/server/_arithmetic_backend.ts";
import {
  ALL_DATATYPES,
  sampleTensor,
  tensorValues,
} from "../shared/_tensor_samples.ts";

Deno.test.sanitizer?.({ ops: true, resources: true });

interface Served {
  url: string;
  ports: Set<number>;
  seen: {
    contentEncoding: string | null;
    responseEncoding: string | null;
    authorization: string | null;
  }[];
  backend: ReturnType<typeof createArithmeticBackend>;
  close(): Promise<void>;
}

function serve(
  options: Parameters<typeof createArithmeticBackend>[0] = {},
): Served {
  const backend = createArithmeticBackend(options);
  const handler = createKserveHandler(backend, {
    models: ["identity", "affine", "sleep"],
  });
  const ports = new Set<number>();
  const seen: Served["seen"] = [];
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    async (request, info) => {
      ports.add(info.remoteAddr.port);
      const response = await handler(request);
      seen.push({
        contentEncoding: request.headers.get("content-encoding"),
        responseEncoding: response.headers.get("content-encoding"),
        authorization: request.headers.get("authorization"),
      });
      return response;
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    ports,
    seen,
    backend,
    close: () => server.shutdown(),
  };
}

function identityInputs(): NamedTensors {
  return Object.fromEntries(
    ALL_DATATYPES.map((d) => {
      const t = sampleTensor(d);
      return [`in_${d}`, { ...t, shape: [6] }];
    }),
  ) as NamedTensors;
}

async function expectInferenceError(
  promise: Promise<unknown>,
  kind: InferenceError["kind"],
  status?: number,
): Promise<InferenceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(
    error instanceof InferenceError,
    `expected InferenceError, got ${error}`,
  );
  assert.equal(error.kind, kind, error.message);
  if (status !== undefined) assert.equal(error.status, status);
  return error;
}

Deno.test("TritonClient reads health, metadata, config and the repository index", async () => {
  const served = serve();
  const client = new TritonClient({ url: served.url });
  try {
    assert.equal(await client.isLive(), true);
    assert.equal(await client.isReady(), true);
    assert.equal(await client.isModelReady("affine"), true);
    assert.equal(await client.isModelReady("missing"), false);
    const server = await client.serverMetadata();
    assert.equal(server.name, "lipstream");
    assert.ok(server.extensions.includes("binary_tensor_data"));
    const metadata = await client.modelMetadata("affine");
    assert.deepEqual(metadata.inputs, [{
      name: "x",
      datatype: "FP32",
      shape: [-1, 4],
    }]);
    const config = await client.modelConfig("affine", { version: "1" });
    assert.equal(config.max_batch_size, 8);
    assert.deepEqual(config.input[0]!.dims, [4]);
    const index = await client.repositoryIndex();
    assert.deepEqual(index.map((e) => [e.name, e.state]), [
      ["identity", "READY"],
      ["affine", "READY"],
      ["sleep", "READY"],
    ]);
    const missing = await expectInferenceError(
      client.modelMetadata("missing"),
      "not_found",
      400,
    );
    assert.match(
      missing.message,
      /Request for unknown model: 'missing' is not found/,
    );
  } finally {
    await client.close();
    await served.close();
  }
});

for (const binary of [true, false]) {
  Deno.test(`TritonClient round-trips every datatype in ${binary ? "binary" : "JSON"} mode`, async () => {
    const served = serve();
    const client = new TritonClient({ url: served.url, binary });
    try {
      const inputs = identityInputs();
      const outputs = await client.infer("identity", inputs);
      for (const datatype of ALL_DATATYPES) {
        const sent = inputs[`in_${datatype}`]!;
        const got = outputs[`out_${datatype}`]!;
        assert.equal(got.datatype, datatype);
        assert.deepEqual(got.shape, [6]);
        // JSON cannot carry negative zero.
        const plain = (v: unknown[]) =>
          binary ? v : v.map((x) => (x === 0 ? 0 : x));
        assert.deepEqual(
          plain(tensorValues(got)),
          plain(tensorValues(sent)),
          datatype,
        );
      }
      if (binary) {
        // UINT64's bytes start 48 bytes into the aligned binary section: a view, not a copy.
        const u64 = outputs.out_UINT64!.data as BigUint64Array;
        assert.ok(
          u64.buffer.byteLength > u64.byteLength,
          "UINT64 output was copied",
        );
      }
      const subset = await client.infer("identity", {
        in_FP16: inputs.in_FP16!,
      }, {
        outputs: ["out_FP16"],
      });
      assert.deepEqual(Object.keys(subset), ["out_FP16"]);
    } finally {
      await client.close();
      await served.close();
    }
  });
}

for (const encoding of ["gzip", "deflate"] as const) {
  Deno.test(`TritonClient compresses requests and reads ${encoding} responses`, async () => {
    const served = serve();
    const client = new TritonClient({
      url: served.url,
      compression: encoding,
      acceptEncoding: encoding,
      headers: { authorization: "Bearer t0ken" },
    });
    try {
      const x = Float32Array.from({ length: 32 }, (_, i) => i % 3);
      const out = await client.infer("affine", {
        x: { datatype: "FP32", shape: [8, 4], data: x },
      });
      assert.deepEqual(
        [...out.y!.data as Float32Array],
        [...x].map((v) => 2 * v + 1),
      );
      const last = served.seen.at(-1)!;
      assert.equal(last.contentEncoding, encoding);
      assert.equal(last.responseEncoding, encoding);
      assert.equal(last.authorization, "Bearer t0ken");
    } finally {
      await client.close();
      await served.close();
    }
  });
}

Deno.test("TritonClient maps Triton errors to InferenceError kinds with status and message", async () => {
  const served = serve();
  const client = new TritonClient({ url: served.url });
  try {
    await expectInferenceError(
      client.infer("missing", { x: sampleTensor("FP32") }),
      "not_found",
      400,
    );
    const wrongType = await expectInferenceError(
      client.infer("affine", {
        x: { datatype: "FP64", shape: [1, 4], data: new Float64Array(4) },
      }),
      "invalid_argument",
      400,
    );
    assert.match(
      wrongType.message,
      /data-type is 'FP64', but model 'affine' expects 'FP32'/,
    );
    await expectInferenceError(
      client.infer("affine", {
        x: { datatype: "FP32", shape: [9, 4], data: new Float32Array(36) },
      }),
      "invalid_argument",
      400,
    );
  } finally {
    await client.close();
    await served.close();
  }
  const unreachable = new TritonClient({ url: served.url });
  await expectInferenceError(unreachable.isReady(), "unavailable");
  await expectInferenceError(unreachable.infer("affine", {}), "unavailable");
});

Deno.test("TritonClient ends a slow call promptly on timeout and on abort", async () => {
  const served = serve();
  const client = new TritonClient({ url: served.url, timeoutMs: 150 });
  const slow = {
    ms: { datatype: "INT32" as const, shape: [1], data: Int32Array.of(3000) },
  };
  try {
    let started = performance.now();
    await expectInferenceError(client.infer("sleep", slow), "timeout");
    assert.ok(performance.now() - started < 1000, "timeout took too long");

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    started = performance.now();
    await expectInferenceError(
      client.infer("sleep", slow, {
        signal: controller.signal,
        timeoutMs: 10_000,
      }),
      "cancelled",
    );
    assert.ok(performance.now() - started < 1000, "abort took too long");
    await expectInferenceError(
      client.infer("sleep", slow, { signal: AbortSignal.abort() }),
      "cancelled",
    );
    // The server saw the client go away and cancelled the backend run.
    for (let i = 0; i < 50 && served.backend.cancelledRuns < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(
      served.backend.cancelledRuns,
      2,
      "server-side runs were not cancelled",
    );
    // The client still works after aborted calls.
    const quick = {
      ms: { datatype: "INT32" as const, shape: [1], data: Int32Array.of(1) },
    };
    assert.deepEqual([
      ...(await client.infer("sleep", quick)).ms!.data as Int32Array,
    ], [1]);
  } finally {
    await client.close();
    await served.close();
  }
});

Deno.test("TritonClient close() cancels calls in flight", async () => {
  const served = serve();
  const client = new TritonClient({ url: served.url });
  const call = client.infer("sleep", {
    ms: { datatype: "INT32", shape: [1], data: Int32Array.of(3000) },
  });
  await new Promise((r) => setTimeout(r, 50));
  await client.close();
  await expectInferenceError(call, "cancelled");
  await served.close();
});

Deno.test("TritonClient reuses one connection for many sequential calls", async () => {
  const served = serve();
  const client = new TritonClient({ url: served.url });
  try {
    const x = {
      x: {
        datatype: "FP32" as const,
        shape: [1, 4],
        data: Float32Array.of(1, 2, 3, 4),
      },
    };
    for (let i = 0; i < 20; i++) {
      await client.infer("affine", x);
      await client.isReady();
      await client.isModelReady("missing"); // a 400 whose body must be drained
      await client.modelMetadata("affine");
      await client.infer("missing", x).catch(() => {});
    }
    assert.ok(
      served.ports.size <= 2,
      `opened ${served.ports.size} connections for 100 calls`,
    );
  } finally {
    await client.close();
    await served.close();
  }
});

Deno.test("dynamic batching: concurrent requests match sequential ones with fewer runs", async () => {
  const served = serve({
    affineBatching: { max_queue_delay_microseconds: 50_000 },
  });
  const client = new TritonClient({ url: served.url });
  try {
    const requests = Array.from({ length: 8 }, (_, i) => ({
      x: {
        datatype: "FP32" as const,
        shape: [1 + (i % 2), 4],
        data: Float32Array.from(
          { length: 4 * (1 + (i % 2)) },
          (_, j) => i * 10 + j,
        ),
      },
    }));
    const sequential: NamedTensors[] = [];
    for (const r of requests) sequential.push(await client.infer("affine", r));
    const runsBefore = served.backend.runCount("affine");
    assert.equal(runsBefore, 8);
    const concurrent = await Promise.all(
      requests.map((r) => client.infer("affine", r)),
    );
    const runs = served.backend.runCount("affine") - runsBefore;
    assert.ok(runs < 8, `expected fewer than 8 runs, got ${runs}`);
    assert.ok(served.backend.affineBatchSizes.every((size) => size <= 8));
    concurrent.forEach((out, i) => {
      assert.deepEqual(out.y!.shape, sequential[i]!.y!.shape);
      assert.deepEqual(out.y!.data, sequential[i]!.y!.data);
    });
  } finally {
    await client.close();
    await served.close();
  }
});
