import assert from "node:assert/strict";
import {
  assertMultipartBoundary,
  createMultipartBoundary,
  isMultipartBoundary,
} from "./multipart_boundary.ts";

Deno.test("createMultipartBoundary() returns valid, distinct 40-character tokens", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const boundary = createMultipartBoundary();
    assert.equal(boundary.length, 40);
    assert.ok(isMultipartBoundary(boundary));
    seen.add(boundary);
  }
  assert.equal(seen.size, 200);
});

Deno.test("createMultipartBoundary() honours length from 1 to 70", () => {
  assert.equal(createMultipartBoundary({ length: 1 }).length, 1);
  assert.equal(createMultipartBoundary({ length: 70 }).length, 70);
  for (const length of [0, 71, 2.5, Number.NaN]) {
    assert.throws(
      () => createMultipartBoundary({ length }),
      RangeError,
      `length ${length}`,
    );
  }
});

Deno.test("createMultipartBoundary() rejects random bytes >= 248 to stay uniform", () => {
  const batches = [[255, 248, 0], [61, 62, 247]];
  let call = 0;
  const boundary = createMultipartBoundary({
    length: 3,
    random(bytes) {
      bytes.set(batches[call++ % batches.length]!);
    },
  });
  // 0 → "0", then 61 → "z", 62 → "0" (62 mod 62), 247 would be a fourth character.
  assert.equal(boundary, "0z0");
});

Deno.test("isMultipartBoundary() follows RFC 2046 bchars", () => {
  assert.ok(isMultipartBoundary("'()+_,-./:=? x"));
  assert.ok(isMultipartBoundary("a".repeat(70)));
  assert.equal(isMultipartBoundary(""), false);
  assert.equal(isMultipartBoundary("a".repeat(71)), false);
  assert.equal(isMultipartBoundary("trailing "), false);
  assert.equal(isMultipartBoundary('quote"'), false);
  assert.equal(isMultipartBoundary("new\r\nline"), false);
  assert.throws(() => assertMultipartBoundary("bad;"), SyntaxError);
});
