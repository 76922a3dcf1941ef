import assert from "node:assert/strict";
import { compressBody, encodeInferResponse } from "@lipstream/shared";
import { readInferResponseBody } from "./_response_body.ts";

const outputs = {
  y: { datatype: "FP64" as const, shape: [3], data: Float64Array.of(1, 2, 3) },
};
const encoded = encodeInferResponse(outputs, {
  modelName: "m",
  binary: () => true,
});

function response(body: Uint8Array, headers: Record<string, string>): Response {
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "inference-header-content-length": String(encoded.headerLength),
      ...headers,
    },
  });
}

Deno.test("readInferResponseBody() decompresses bodies the runtime left compressed", async () => {
  for (const encoding of ["gzip", "deflate"] as const) {
    const packed = await compressBody(encoded.body, encoding);
    const read = await readInferResponseBody(
      response(packed, { "content-encoding": encoding }),
      new AbortController().signal,
    );
    assert.deepEqual(read.body, encoded.body);
    assert.equal(read.headerLength, encoded.headerLength);
  }
});

Deno.test("readInferResponseBody() passes bodies the runtime already decoded", async () => {
  const read = await readInferResponseBody(
    response(encoded.body, {
      "content-encoding": "gzip",
      "content-length": "12",
    }),
    new AbortController().signal,
  );
  assert.deepEqual(read.body, encoded.body);
});

Deno.test("readInferResponseBody() aligns the binary section so outputs are views", async () => {
  const read = await readInferResponseBody(
    response(encoded.body, {
      "content-length": String(encoded.body.byteLength),
    }),
    new AbortController().signal,
  );
  assert.equal((read.body.byteOffset + read.headerLength!) % 8, 0);
});

Deno.test("readInferResponseBody() rejects a header length beyond the body", async () => {
  await assert.rejects(
    () =>
      readInferResponseBody(
        new Response("{}", {
          headers: { "inference-header-content-length": "5" },
        }),
        new AbortController().signal,
      ),
    RangeError,
  );
});
