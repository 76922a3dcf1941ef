/**
 * Pure encoders for one multipart body part (RFC 2046 §5.1.1): its header
 * block, and the header block plus body with `Content-Length` set from the body.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
 * @module
 */

/** Header fields of one part; numbers are written in decimal. */
export type MultipartHeaders = Readonly<Record<string, string | number>>;

/** One body part: header fields and bytes. */
export interface MultipartPart {
  /** Header fields, e.g. `{"Content-Type": "audio/wav"}`; `Content-Length` is added for you. */
  headers: MultipartHeaders;
  /** The body bytes. */
  body: Uint8Array;
}

/** RFC 9110 `token`: the characters allowed in a field name. */
const FIELD_NAME_REGEXP = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII, space and tab; in particular no CR, LF or NUL. */
const FIELD_VALUE_REGEXP = /^[\t\x20-\x7e]*$/;

const encoder = new TextEncoder();

/**
 * Encodes the header block of a part: one `Name: value` line per field, then
 * the empty line that ends the block.
 *
 * @param headers The fields, in the order to write them.
 * @returns The ASCII bytes of the block, ending in `\r\n\r\n` (or just `\r\n` when empty).
 * @throws {TypeError} If a name is not an HTTP token, or a value holds CR, LF or
 * other characters outside visible ASCII, space and tab (header injection).
 *
 * @example A JPEG part's header block
 * ```ts
 * import { encodeMultipartHeaders } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const block = encodeMultipartHeaders({ "Content-Type": "image/jpeg", "X-Frame-Index": 3 });
 * assert.equal(
 *   new TextDecoder().decode(block),
 *   "Content-Type: image/jpeg\r\nX-Frame-Index: 3\r\n\r\n",
 * );
 * assert.throws(() => encodeMultipartHeaders({ "X-Bad": "a\r\nInjected: 1" }), TypeError);
 * ```
 */
export function encodeMultipartHeaders(headers: MultipartHeaders): Uint8Array {
  let block = "";
  for (const [name, raw] of Object.entries(headers)) {
    const value = String(raw);
    if (!FIELD_NAME_REGEXP.test(name)) {
      throw new TypeError(
        `Cannot encode multipart header ${
          JSON.stringify(name)
        }: name is not an HTTP token`,
      );
    }
    if (!FIELD_VALUE_REGEXP.test(value)) {
      throw new TypeError(
        `Cannot encode multipart header "${name}": value must be visible ASCII without CR or LF: received ${
          JSON.stringify(value)
        }`,
      );
    }
    block += `${name}: ${value}\r\n`;
  }
  return encoder.encode(`${block}\r\n`);
}

/**
 * Encodes one body part: its header block with `Content-Length` appended from
 * the body size, then the body. Delimiters are separate (see
 * {@linkcode encodeMultipartDelimiter}).
 *
 * @param headers The fields; must not contain `Content-Length`.
 * @param body The body bytes.
 * @returns The encoded part.
 * @throws {TypeError} If a header is invalid or `Content-Length` is given.
 *
 * @example A small text part
 * ```ts
 * import { encodeMultipartPart } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const part = encodeMultipartPart(
 *   { "Content-Type": "text/plain" },
 *   new TextEncoder().encode("hi"),
 * );
 * assert.equal(
 *   new TextDecoder().decode(part),
 *   "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi",
 * );
 * ```
 */
export function encodeMultipartPart(
  headers: MultipartHeaders,
  body: Uint8Array,
): Uint8Array {
  if (Object.keys(headers).some((name) => /^content-length$/i.test(name))) {
    throw new TypeError(
      "Cannot encode multipart part: Content-Length is set from the body and must not be given",
    );
  }
  const head = encodeMultipartHeaders({
    ...headers,
    "Content-Length": body.byteLength,
  });
  const part = new Uint8Array(head.byteLength + body.byteLength);
  part.set(head, 0);
  part.set(body, head.byteLength);
  return part;
}
