import assert from "node:assert/strict";
import {
  encodeInferBody,
  parseHeaderLength,
  splitInferBody,
} from "./kserve_body.ts";

Deno.test("encodeInferBody() gives a pure JSON body without binary tensors", () => {
  const { body, headerLength } = encodeInferBody({ a: "é" }, []);
  assert.equal(headerLength, undefined);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(body)), { a: "é" });
});

Deno.test("encodeInferBody() counts the header in UTF-8 bytes", () => {
  const tensor = {
    datatype: "INT8" as const,
    shape: [1],
    data: Int8Array.of(-1),
  };
  const { body, headerLength } = encodeInferBody({ id: "日本" }, [tensor]);
  assert.equal(
    headerLength,
    new TextEncoder().encode('{"id":"日本"}').byteLength,
  );
  assert.equal(body.byteLength, headerLength! + 1);
  assert.equal(body.at(-1), 0xff);
});

Deno.test("parseHeaderLength() accepts only integers within the body", () => {
  assert.equal(parseHeaderLength("0", 0), 0);
  assert.equal(parseHeaderLength(" 10 ", 10), 10);
  for (const bad of ["", "abc", "1.0", "0x10", "1e2"]) {
    assert.throws(() => parseHeaderLength(bad, 100), SyntaxError, bad);
  }
  assert.throws(() => parseHeaderLength("-1", 100), RangeError);
  assert.throws(() => parseHeaderLength("11", 10), RangeError);
});

Deno.test("splitInferBody() rejects bad JSON and oversized header lengths", () => {
  const body = new TextEncoder().encode('{"a":1}xyz');
  assert.throws(() => splitInferBody(body, 5), SyntaxError);
  assert.throws(() => splitInferBody(body, 11), RangeError);
  assert.throws(() => splitInferBody(body, undefined), SyntaxError);
  assert.deepEqual(
    splitInferBody(body, 7).binary,
    new TextEncoder().encode("xyz"),
  );
});
