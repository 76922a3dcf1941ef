import assert from "node:assert/strict";
import { BodyTooLargeError, readBodyBytes } from "./kserve_read_body.ts";

function chunked(...chunks: number[][]): ReadableStream<Uint8Array> {
  return ReadableStream.from(chunks.map((c) => Uint8Array.from(c)));
}

Deno.test("readBodyBytes() joins chunks with and without a known length", async () => {
  assert.deepEqual([...await readBodyBytes(chunked([1, 2], [3]))], [1, 2, 3]);
  assert.deepEqual([
    ...await readBodyBytes(chunked([1, 2], [3]), { contentLength: 3 }),
  ], [1, 2, 3]);
  assert.equal((await readBodyBytes(null)).byteLength, 0);
});

Deno.test("readBodyBytes() aligns the binary section to 8 bytes", async () => {
  for (let headerLength = 0; headerLength < 9; headerLength++) {
    const body = await readBodyBytes(chunked(new Array(20).fill(1)), {
      headerLength,
      contentLength: 20,
    });
    assert.equal((body.byteOffset + headerLength) % 8, 0);
    assert.equal(body.byteLength, 20);
  }
});

Deno.test("readBodyBytes() enforces maxBytes and the declared length", async () => {
  await assert.rejects(
    () => readBodyBytes(chunked([1, 2], [3]), { maxBytes: 2 }),
    BodyTooLargeError,
  );
  await assert.rejects(
    () => readBodyBytes(chunked([1, 2, 3]), { maxBytes: 2, contentLength: 3 }),
    BodyTooLargeError,
  );
  await assert.rejects(
    () => readBodyBytes(chunked([1, 2], [3]), { contentLength: 2 }),
    /longer than its declared length 2/,
  );
  await assert.rejects(
    () => readBodyBytes(chunked([1]), { contentLength: 2 }),
    /received 1 of its declared 2 bytes/,
  );
});

Deno.test("readBodyBytes() stops when its signal aborts", async () => {
  const controller = new AbortController();
  const never = new ReadableStream<Uint8Array>({
    pull: () => new Promise(() => {}),
  });
  const reading = readBodyBytes(never, { signal: controller.signal });
  controller.abort(new DOMException("stop", "AbortError"));
  await assert.rejects(reading);
});
