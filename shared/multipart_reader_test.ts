import assert from "node:assert/strict";
import { createMultipartStream } from "./multipart_stream.ts";
import type { MultipartPart } from "./multipart_part.ts";
import {
  boundaryFromContentType,
  type ReadMultipartPart,
  readMultipartParts,
} from "./multipart_reader.ts";

const encoder = new TextEncoder();

const PARTS: MultipartPart[] = [
  {
    headers: { "Content-Type": "application/json" },
    body: encoder.encode('{"type":"start"}'),
  },
  {
    headers: { "Content-Type": "audio/wav", "X-Sample-Start": 0 },
    // Bytes that look like a delimiter must not end a Content-Length part.
    body: encoder.encode("RIFF\r\n--b0\r\n--b0--\r\n"),
  },
  { headers: { "Content-Type": "image/jpeg" }, body: new Uint8Array(0) },
];

async function encoded(): Promise<Uint8Array> {
  const stream = createMultipartStream(PARTS, { boundary: "b0" });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunked(
  bytes: Uint8Array,
  splits: number[],
): ReadableStream<Uint8Array> {
  const cuts = [0, ...splits, bytes.length];
  return ReadableStream.from(
    cuts.slice(1).map((end, i) => bytes.slice(cuts[i], end)),
  );
}

async function parse(
  stream: ReadableStream<Uint8Array>,
  boundary = "b0",
): Promise<ReadMultipartPart[]> {
  return await Array.fromAsync(readMultipartParts(stream, boundary));
}

Deno.test("readMultipartParts() reads Content-Length parts split at every byte", async () => {
  const bytes = await encoded();
  for (let cut = 1; cut < bytes.length; cut++) {
    const parts = await parse(chunked(bytes, [cut]));
    assert.equal(parts.length, PARTS.length, `split at ${cut}`);
    parts.forEach((part, i) => {
      assert.deepEqual(part.body, PARTS[i]!.body, `part ${i}, split at ${cut}`);
    });
  }
  const oneByteChunks = await parse(
    chunked(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)),
  );
  assert.equal(oneByteChunks[1]!.headers["x-sample-start"], "0");
  assert.equal(oneByteChunks[1]!.headers["content-type"], "audio/wav");
});

Deno.test("readMultipartParts() reads parts without Content-Length, with preamble and padding", async () => {
  const text = "preamble\r\n--b0  \r\nContent-Type: text/plain\r\n\r\nfirst" +
    "\r\n--b0\r\n\r\nsecond, no headers\r\n--b0--\r\nepilogue";
  const parts = await parse(chunked(encoder.encode(text), [3, 17, 40]));
  assert.deepEqual(
    parts.map((part) => new TextDecoder().decode(part.body)),
    ["first", "second, no headers"],
  );
  assert.deepEqual(parts[0]!.headers, { "content-type": "text/plain" });
  assert.deepEqual(parts[1]!.headers, {});
});

Deno.test("readMultipartParts() yields a Content-Length part before the next delimiter arrives", async () => {
  const bytes = await encoded();
  const firstPartEnd = bytes.indexOf(0x7d) + 1; // the "}" closing the JSON body
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(bytes.slice(0, firstPartEnd));
    },
  });
  const parts = readMultipartParts(stream, "b0");
  const first = await parts.next();
  assert.equal(new TextDecoder().decode(first.value!.body), '{"type":"start"}');
  controller.enqueue(bytes.slice(firstPartEnd));
  controller.close();
  assert.equal((await Array.fromAsync(parts)).length, PARTS.length - 1);
});

Deno.test("readMultipartParts() rejects a stream cut inside a part", async () => {
  const bytes = await encoded();
  await assert.rejects(
    parse(chunked(bytes.slice(0, bytes.length - 30), [])),
    SyntaxError,
  );
});

Deno.test("boundaryFromContentType() reads plain and quoted boundaries", () => {
  assert.equal(
    boundaryFromContentType("multipart/mixed; boundary=ab-1"),
    "ab-1",
  );
  assert.equal(
    boundaryFromContentType('multipart/mixed; boundary="a:b c"'),
    "a:b c",
  );
  assert.throws(() => boundaryFromContentType("application/json"), TypeError);
});

Deno.test("readMultipartParts() reads the epilogue to the end and cancels when stopped early", async () => {
  const bytes = await encoded();
  let pulledToEnd = false;
  let cancelled = false;
  const source = (): ReadableStream<Uint8Array> => {
    const chunks = [bytes.slice(0, 40), bytes.slice(40)];
    // Pulled only when read, so the end is reached only by reading to it.
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) return controller.enqueue(chunk);
        pulledToEnd = true;
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    }, { highWaterMark: 0 });
  };
  await parse(source());
  assert.equal(pulledToEnd, true);
  assert.equal(cancelled, false);
  pulledToEnd = false;
  for await (const _ of readMultipartParts(source(), "b0")) break;
  assert.equal(cancelled, true);
  assert.equal(pulledToEnd, false);
});
