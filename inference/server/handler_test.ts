import assert from "node:assert/strict";
import {
  compressBody,
  decodeInferResponse,
  encodeInferRequest,
  type NamedTensors,
} from "@lipstream/shared";
import { createKserveHandler } from "./handler.ts";
import { createArithmeticBackend } from "./_arithmetic_backend.ts";

const URL_BASE = "http://localhost";
const encoder = new TextEncoder();
const affineX = {
  x: {
    datatype: "FP32" as const,
    shape: [2, 4],
    data: Float32Array.from({ length: 8 }, (_, i) => i),
  },
};

function handler(options: Parameters<typeof createKserveHandler>[1] = {}) {
  return createKserveHandler(createArithmeticBackend(), options);
}

function infer(
  body: BodyInit,
  headers: Record<string, string> = {},
  model = "affine",
): Request {
  return new Request(`${URL_BASE}/v2/models/${model}/infer`, {
    method: "POST",
    body,
    headers,
  });
}

function binaryInfer(
  inputs: NamedTensors,
  extra: Record<string, string> = {},
  model = "affine",
) {
  const { body, headerLength } = encodeInferRequest(inputs);
  return infer(body as Uint8Array<ArrayBuffer>, {
    "inference-header-content-length": String(headerLength),
    ...extra,
  }, model);
}

async function expectError(
  response: Response,
  status: number,
  message?: RegExp,
) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  const json = JSON.parse(text);
  assert.equal(typeof json.error, "string");
  if (message !== undefined) assert.match(json.error, message);
}

Deno.test("handler answers health with 200/400 and 405 for other methods", async () => {
  const h = handler();
  assert.equal(
    (await h(new Request(`${URL_BASE}/v2/health/live`))).status,
    200,
  );
  assert.equal(
    (await h(new Request(`${URL_BASE}/v2/health/ready`))).status,
    200,
  );
  const post = await h(
    new Request(`${URL_BASE}/v2/health/live`, { method: "POST" }),
  );
  assert.equal(post.status, 405);
  const notReady = createKserveHandler({
    ...createArithmeticBackend(),
    isReady: () => Promise.resolve(false),
  });
  const response = await notReady(new Request(`${URL_BASE}/v2/health/ready`));
  assert.equal(response.status, 400);
  assert.equal(await response.text(), "");
  const deleteReady = await h(
    new Request(`${URL_BASE}/v2/models/affine/versions/1/ready`, {
      method: "DELETE",
    }),
  );
  assert.equal(deleteReady.status, 405);
  const unknownReady = await h(new Request(`${URL_BASE}/v2/models/nope/ready`));
  await expectError(unknownReady, 400, /not ready/);
});

Deno.test("handler echoes the request id and honours binary_data_output and binary_data", async () => {
  const h = handler();
  const json = JSON.stringify({
    id: "req-42",
    inputs: [{
      name: "x",
      shape: [1, 4],
      datatype: "FP32",
      data: [[1, 2, 3, 4]],
    }],
  });
  const plain = await h(infer(json));
  assert.equal(plain.headers.get("content-type"), "application/json");
  const body = await plain.json();
  assert.equal(body.id, "req-42");
  assert.equal(body.model_name, "affine");
  assert.deepEqual(body.outputs[0].data, [3, 5, 7, 9]);

  const binary = await h(binaryInfer(affineX));
  assert.equal(binary.headers.get("content-type"), "application/octet-stream");
  const length = Number(binary.headers.get("inference-header-content-length"));
  const decoded = decodeInferResponse(
    new Uint8Array(await binary.arrayBuffer()),
    length,
  );
  assert.deepEqual([...decoded.outputs.y!.data as Float32Array], [
    1,
    3,
    5,
    7,
    9,
    11,
    13,
    15,
  ]);

  const perOutput = JSON.stringify({
    inputs: [{
      name: "x",
      shape: [1, 4],
      datatype: "FP32",
      data: [1, 2, 3, 4],
    }],
    outputs: [{ name: "y", parameters: { binary_data: true } }],
    parameters: { binary_data_output: false },
  });
  const mixed = await h(infer(perOutput));
  assert.ok(mixed.headers.has("inference-header-content-length"));
  await mixed.body?.cancel();
});

Deno.test("handler accepts a raw binary request (Inference-Header-Content-Length: 0)", async () => {
  const h = handler();
  const raw = new Uint8Array(Float32Array.of(1, 1, 1, 1).buffer);
  const response = await h(
    infer(raw, { "inference-header-content-length": "0" }),
  );
  assert.equal(response.status, 200);
  const length = Number(
    response.headers.get("inference-header-content-length"),
  );
  const decoded = decodeInferResponse(
    new Uint8Array(await response.arrayBuffer()),
    length,
  );
  assert.deepEqual(decoded.outputs.y!.shape, [1, 4]);
  assert.deepEqual([...decoded.outputs.y!.data as Float32Array], [3, 3, 3, 3]);
});

Deno.test("handler decompresses gzip/deflate requests and compresses by Accept-Encoding", async () => {
  const h = handler();
  const { body, headerLength } = encodeInferRequest(affineX);
  for (const encoding of ["gzip", "deflate"] as const) {
    const packed = await compressBody(body, encoding);
    const response = await h(infer(packed as Uint8Array<ArrayBuffer>, {
      "content-encoding": encoding,
      "inference-header-content-length": String(headerLength),
      "accept-encoding": `identity;q=0.1, ${encoding}`,
    }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-encoding"), encoding);
    const raw = new Uint8Array(await response.arrayBuffer());
    const unpacked = new Uint8Array(
      await new Response(
        new Blob([raw]).stream().pipeThrough(new DecompressionStream(encoding)),
      ).arrayBuffer(),
    );
    const length = Number(
      response.headers.get("inference-header-content-length"),
    );
    assert.equal(decodeInferResponse(unpacked, length).outputs.y!.shape[0], 2);
  }
});

Deno.test("handler answers every malformed request with a 4xx {error}", async () => {
  const h = handler({ maxInputBytes: 4096 });
  const { body, headerLength } = encodeInferRequest(affineX);
  const good = body as Uint8Array<ArrayBuffer>;
  const length = String(headerLength);
  const json = (o: unknown) => JSON.stringify(o);
  const x = (shape: number[], datatype = "FP32", data?: unknown) => ({
    inputs: [{
      name: "x",
      shape,
      datatype,
      data: data ?? new Array(shape.reduce((a, b) => a * b, 1)).fill(0),
    }],
  });
  const cases: [string, Request, number, RegExp?][] = [
    ["bad JSON", infer("{not json"), 400, /JSON header is invalid/],
    [
      "non-integer header length",
      infer(good, { "inference-header-content-length": "12.5" }),
      400,
      /expected an integer/,
    ],
    [
      "negative header length",
      infer(good, { "inference-header-content-length": "-1" }),
      400,
    ],
    [
      "header length > body",
      infer(good, {
        "inference-header-content-length": String(good.byteLength + 1),
      }),
      400,
      /between 0 and the body length/,
    ],
    [
      "truncated binary section",
      infer(good.slice(0, good.byteLength - 4), {
        "inference-header-content-length": length,
      }),
      400,
      /runs past the binary section/,
    ],
    ["binary data without header", infer(good), 400],
    [
      "unknown model",
      infer(json(x([1, 4])), {}, "nope"),
      400,
      /Request for unknown model: 'nope' is not found/,
    ],
    [
      "wrong shape",
      infer(json(x([1, 5]))),
      400,
      /unexpected shape for input 'x'/,
    ],
    [
      "wrong datatype",
      infer(json(x([1, 4], "FP64"))),
      400,
      /data-type is 'FP64'/,
    ],
    [
      "missing input",
      infer(json({ inputs: [] })),
      400,
      /Missing required input\(s\) \['x'\]/,
    ],
    [
      "unexpected input",
      infer(
        json({
          inputs: [...x([1, 4]).inputs, {
            name: "z",
            shape: [1],
            datatype: "FP32",
            data: [1],
          }],
        }),
      ),
      400,
      /unexpected inference input 'z'/,
    ],
    ["batch too large", infer(json(x([9, 4]))), 400, /batch-size must be <= 8/],
    [
      "data count != shape",
      infer(json(x([1, 4], "FP32", [1, 2, 3]))),
      400,
      /expected 4 values but received 3/,
    ],
    [
      "FP16 in JSON",
      infer(
        json({
          inputs: [{
            name: "in_FP16",
            shape: [1],
            datatype: "FP16",
            data: [1],
          }],
        }),
        {},
        "identity",
      ),
      400,
      /FP16 data via JSON/,
    ],
    [
      "unknown output",
      infer(json({ ...x([1, 4]), outputs: [{ name: "nope" }] })),
      400,
      /unexpected inference output 'nope'/,
    ],
    [
      "missing inputs field",
      infer(json({ id: "1" })),
      400,
      /'inputs' is missing/,
    ],
    [
      "unsupported encoding",
      infer(good, { "content-encoding": "br" }),
      400,
      /Unsupported compression type/,
    ],
    ["corrupt gzip", infer(good, { "content-encoding": "gzip" }), 400],
    [
      "body too large",
      infer(new Uint8Array(5000)),
      400,
      /exceeds the maximum allowed value of 4096 bytes/,
    ],
    ["infer with GET", new Request(`${URL_BASE}/v2/models/affine/infer`), 405],
    ["unknown path", new Request(`${URL_BASE}/v3/x`), 404],
  ];
  for (const [name, request, status, message] of cases) {
    const response = await h(request);
    if (status === 405) {
      assert.equal(response.status, 405, name);
      await response.body?.cancel();
      continue;
    }
    await expectError(response, status, message).catch((error) => {
      throw new Error(`${name}: ${error.message}`);
    });
  }
  const unsupported = await h(infer(good, { "content-encoding": "br" }));
  assert.equal(unsupported.headers.get("accept-encoding"), "gzip, deflate");
  await unsupported.body?.cancel();
});

Deno.test("handler limits the decompressed size too", async () => {
  const h = handler({ maxInputBytes: 2048 });
  const big = encoder.encode(
    JSON.stringify({ inputs: [], pad: " ".repeat(10_000) }),
  );
  const packed = await compressBody(big, "gzip");
  assert.ok(packed.byteLength < 2048);
  await expectError(
    await h(
      infer(packed as Uint8Array<ArrayBuffer>, { "content-encoding": "gzip" }),
    ),
    400,
    /maximum allowed value/,
  );
});

Deno.test("handler serves metadata, config and the repository index", async () => {
  const h = handler({ models: ["affine", "nope"] });
  const server = await (await h(new Request(`${URL_BASE}/v2`))).json();
  assert.ok(server.extensions.includes("model_repository"));
  const metadata =
    await (await h(new Request(`${URL_BASE}/v2/models/affine/versions/1`)))
      .json();
  assert.equal(metadata.name, "affine");
  const config =
    await (await h(new Request(`${URL_BASE}/v2/models/affine/config`))).json();
  assert.equal(config.dynamic_batching.max_queue_delay_microseconds, 20000);
  const index = await h(
    new Request(`${URL_BASE}/v2/repository/index`, {
      method: "POST",
      body: '{"ready":true}',
    }),
  );
  assert.deepEqual(await index.json(), [{
    name: "affine",
    state: "READY",
    reason: "",
  }]);
  await expectError(
    await h(
      new Request(`${URL_BASE}/v2/repository/index`, {
        method: "POST",
        body: "{",
      }),
    ),
    400,
  );
  await expectError(
    await h(new Request(`${URL_BASE}/v2/models/nope/config`)),
    400,
    /unknown model/,
  );
});
