/**
 * Multipart delimiters (RFC 2046 §5.1.1). A delimiter is `CRLF "--" boundary`
 * and the CRLF belongs to it, not to the part before; the very first one may
 * omit the CRLF (`dash-boundary`). The close delimiter adds `"--"`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
 * @module
 */

import { assertMultipartBoundary } from "./multipart_boundary.ts";

const encoder = new TextEncoder();

/** Options for {@linkcode encodeMultipartDelimiter}. */
export interface EncodeMultipartDelimiterOptions {
  /** Whether this opens the body: then the leading CRLF is left out. @default {false} */
  first?: boolean;
}

/**
 * Encodes the delimiter line that opens a part, including the CRLF that ends
 * the line (so the part's header block follows directly).
 *
 * @param boundary The boundary, without `--`.
 * @param options Whether this is the first delimiter of the body.
 * @returns `\r\n--boundary\r\n`, or `--boundary\r\n` when `first`.
 * @throws {SyntaxError} If the boundary is not valid.
 *
 * @example First and later delimiters
 * ```ts
 * import { encodeMultipartDelimiter } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
 * assert.equal(text(encodeMultipartDelimiter("b0", { first: true })), "--b0\r\n");
 * assert.equal(text(encodeMultipartDelimiter("b0")), "\r\n--b0\r\n");
 * ```
 */
export function encodeMultipartDelimiter(
  boundary: string,
  options: EncodeMultipartDelimiterOptions = {},
): Uint8Array {
  assertMultipartBoundary(boundary);
  return encoder.encode(`${options.first ? "" : "\r\n"}--${boundary}\r\n`);
}

/**
 * Encodes the close delimiter that ends a multipart body.
 *
 * @param boundary The boundary, without `--`.
 * @returns `\r\n--boundary--\r\n`.
 * @throws {SyntaxError} If the boundary is not valid.
 *
 * @example Closing a body
 * ```ts
 * import { encodeMultipartCloseDelimiter } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   new TextDecoder().decode(encodeMultipartCloseDelimiter("b0")),
 *   "\r\n--b0--\r\n",
 * );
 * ```
 */
export function encodeMultipartCloseDelimiter(boundary: string): Uint8Array {
  assertMultipartBoundary(boundary);
  return encoder.encode(`\r\n--${boundary}--\r\n`);
}
