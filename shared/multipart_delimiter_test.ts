import assert from "node:assert/strict";
import {
  encodeMultipartCloseDelimiter,
  encodeMultipartDelimiter,
} from "./multipart_delimiter.ts";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

Deno.test("encodeMultipartDelimiter() puts the CRLF before every delimiter but the first", () => {
  assert.equal(text(encodeMultipartDelimiter("a b")), "\r\n--a b\r\n");
  assert.equal(
    text(encodeMultipartDelimiter("a b", { first: true })),
    "--a b\r\n",
  );
});

Deno.test("encodeMultipartCloseDelimiter() ends with -- and CRLF", () => {
  assert.equal(text(encodeMultipartCloseDelimiter("z")), "\r\n--z--\r\n");
});

Deno.test("delimiters refuse invalid boundaries", () => {
  assert.throws(() => encodeMultipartDelimiter("x\r\n"), SyntaxError);
  assert.throws(() => encodeMultipartCloseDelimiter(""), SyntaxError);
});
