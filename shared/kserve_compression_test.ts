import assert from "node:assert/strict";
import {
  compressBody,
  decompressBody,
  parseContentEncoding,
  selectResponseEncoding,
} from "./kserve_compression.ts";
import { BodyTooLargeError } from "./kserve_read_body.ts";

const text = new TextEncoder().encode("tensor ".repeat(1000));

Deno.test("compressBody() and decompressBody() round-trip gzip and deflate", async () => {
  for (const encoding of ["gzip", "deflate"] as const) {
    const packed = await compressBody(text, encoding);
    assert.ok(packed.byteLength < text.byteLength / 10);
    assert.deepEqual(await decompressBody(packed, encoding), text);
  }
  assert.equal((await compressBody(text, "gzip"))[0], 0x1f);
  assert.equal((await compressBody(text, "deflate"))[0], 0x78);
});

Deno.test("decompressBody() limits the decompressed size and rejects corrupt data", async () => {
  const packed = await compressBody(text, "gzip");
  await assert.rejects(
    () => decompressBody(packed, "gzip", { maxBytes: 100 }),
    BodyTooLargeError,
  );
  await assert.rejects(() => decompressBody(Uint8Array.of(1, 2, 3), "gzip"));
});

Deno.test("selectResponseEncoding() follows q-values", () => {
  assert.equal(selectResponseEncoding("gzip"), "gzip");
  assert.equal(selectResponseEncoding("gzip;q=0.2, deflate;q=0.9"), "deflate");
  assert.equal(selectResponseEncoding("gzip;q=0, identity"), "identity");
  assert.equal(selectResponseEncoding("br, zstd"), "identity");
  assert.equal(selectResponseEncoding("deflate, gzip"), "deflate");
});

Deno.test("parseContentEncoding() refuses unsupported encodings", () => {
  assert.equal(parseContentEncoding(""), "identity");
  assert.equal(parseContentEncoding("deflate"), "deflate");
  assert.throws(
    () => parseContentEncoding("gzip, br"),
    /Unsupported compression type/,
  );
});
