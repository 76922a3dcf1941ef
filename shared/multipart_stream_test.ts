import assert from "node:assert/strict";
import { createMultipartStream } from "./multipart_stream.ts";
import type { MultipartPart } from "./multipart_part.ts";

const encoder = new TextEncoder();

function part(body: string): MultipartPart {
  return {
    headers: { "Content-Type": "text/plain" },
    body: encoder.encode(body),
  };
}

Deno.test("createMultipartStream() of no parts is just the close delimiter", async () => {
  const stream = createMultipartStream([], { boundary: "b" });
  assert.equal(await new Response(stream).text(), "\r\n--b--\r\n");
});

Deno.test("createMultipartStream() output splits back into the parts", async () => {
  const bodies = ["one", "", "three\r\n--not-it"];
  const stream = createMultipartStream(bodies.map(part), { boundary: "bnd" });
  const text = await new Response(stream).text();
  assert.ok(text.startsWith("--bnd\r\n"));
  assert.ok(text.endsWith("\r\n--bnd--\r\n"));
  const inner = text.slice("--bnd\r\n".length, -"\r\n--bnd--\r\n".length);
  const parts = inner.split("\r\n--bnd\r\n");
  assert.deepEqual(
    parts.map((p) => p.split("\r\n\r\n").slice(1).join("\r\n\r\n")),
    bodies,
  );
  assert.deepEqual(
    parts.map((p) => /Content-Length: (\d+)/.exec(p)?.[1]),
    bodies.map((b) => String(b.length)),
  );
});

Deno.test("createMultipartStream() pulls one part per read, never ahead", async () => {
  let produced = 0;
  async function* parts() {
    for (let i = 0; i < 5; i++) {
      produced++;
      yield part(String(i));
    }
  }
  const reader = createMultipartStream(parts(), { boundary: "b" }).getReader();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(produced, 0);
  await reader.read();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(produced, 1);
  await reader.read();
  assert.equal(produced, 2);
  await reader.cancel();
});

Deno.test("createMultipartStream() cancel calls onCancel and ends the iterator", async () => {
  const reasons: unknown[] = [];
  let finalized = false;
  async function* parts() {
    try {
      while (true) yield part("x");
    } finally {
      finalized = true;
    }
  }
  const reader = createMultipartStream(parts(), {
    boundary: "b",
    onCancel: (reason) => reasons.push(reason),
  }).getReader();
  await reader.read();
  await reader.cancel("gone");
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(reasons, ["gone"]);
  assert.ok(finalized);
});

Deno.test("createMultipartStream() errors the stream when the iterator throws", async () => {
  async function* parts(): AsyncGenerator<MultipartPart> {
    yield part("a");
    throw new Error("boom");
  }
  const stream = createMultipartStream(parts(), { boundary: "b" });
  await assert.rejects(new Response(stream).text(), /boom/);
});
