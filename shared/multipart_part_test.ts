import assert from "node:assert/strict";
import {
  encodeMultipartHeaders,
  encodeMultipartPart,
} from "./multipart_part.ts";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

Deno.test("encodeMultipartHeaders() writes fields in order and ends with an empty line", () => {
  assert.equal(
    text(encodeMultipartHeaders({ B: "2", A: 1.5 })),
    "B: 2\r\nA: 1.5\r\n\r\n",
  );
  assert.equal(text(encodeMultipartHeaders({})), "\r\n");
});

Deno.test("encodeMultipartHeaders() refuses CR, LF, NUL and non-ASCII values", () => {
  for (const value of ["a\rb", "a\nb", "a\r\nX-Evil: 1", "nul\0", "é"]) {
    assert.throws(
      () => encodeMultipartHeaders({ "X-Value": value }),
      TypeError,
      JSON.stringify(value),
    );
  }
  assert.doesNotThrow(() => encodeMultipartHeaders({ "X-Tab": "a\tb" }));
});

Deno.test("encodeMultipartHeaders() refuses names that are not tokens", () => {
  for (const name of ["", "Bad Name", "Colon:", "X\r\nY"]) {
    assert.throws(() => encodeMultipartHeaders({ [name]: "v" }), TypeError);
  }
});

Deno.test("encodeMultipartPart() appends Content-Length from the body, binary-safe", () => {
  const body = Uint8Array.of(0xff, 0xd8, 13, 10, 0, 0xd9);
  const part = encodeMultipartPart({ "Content-Type": "image/jpeg" }, body);
  const head = "Content-Type: image/jpeg\r\nContent-Length: 6\r\n\r\n";
  assert.equal(text(part.subarray(0, head.length)), head);
  assert.deepEqual(part.subarray(head.length), body);
});

Deno.test("encodeMultipartPart() refuses a caller-supplied Content-Length", () => {
  assert.throws(
    () => encodeMultipartPart({ "content-LENGTH": 3 }, new Uint8Array(3)),
    TypeError,
  );
});
