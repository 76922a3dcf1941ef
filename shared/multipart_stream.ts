/**
 * A pull-based multipart body: parts are taken from an async iterable only when
 * the consumer reads, so a slow reader holds the producer back instead of
 * making it buffer.
 *
 * @module
 */

import { assertMultipartBoundary } from "./multipart_boundary.ts";
import {
  encodeMultipartCloseDelimiter,
  encodeMultipartDelimiter,
} from "./multipart_delimiter.ts";
import { encodeMultipartPart, type MultipartPart } from "./multipart_part.ts";

/** Options for {@linkcode createMultipartStream}. */
export interface CreateMultipartStreamOptions {
  /** The boundary, also to be named in the response's `Content-Type`. */
  boundary: string;
  /**
   * Called once when the reader cancels (e.g. the HTTP client went away), before
   * the iterator's `return()`. Use it to abort the work that produces parts: an
   * async generator awaiting inside cannot be interrupted by `return()` alone.
   */
  onCancel?: (reason: unknown) => void;
}

/**
 * Builds a `ReadableStream` of a multipart body from parts. Each read pulls one
 * part (nothing is read ahead): the delimiter and the part come out as one
 * chunk, and the close delimiter follows the last part. An error from the
 * iterator errors the stream.
 *
 * @param parts The parts, in order; `Content-Length` is set on every one.
 * @param options The boundary and a cancellation hook.
 * @returns A byte stream of the whole body.
 * @throws {SyntaxError} If the boundary is not valid.
 *
 * @example Two parts
 * ```ts
 * import { createMultipartStream } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const body = new TextEncoder().encode("x");
 * const stream = createMultipartStream(
 *   [{ headers: { "Content-Type": "text/plain" }, body }, { headers: {}, body }],
 *   { boundary: "b0" },
 * );
 * const text = await new Response(stream).text();
 * assert.equal(
 *   text,
 *   "--b0\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx" +
 *     "\r\n--b0\r\nContent-Length: 1\r\n\r\nx\r\n--b0--\r\n",
 * );
 * ```
 */
export function createMultipartStream(
  parts: AsyncIterable<MultipartPart> | Iterable<MultipartPart>,
  options: CreateMultipartStreamOptions,
): ReadableStream<Uint8Array> {
  const { boundary, onCancel } = options;
  assertMultipartBoundary(boundary);
  let iterator: AsyncIterator<MultipartPart> | Iterator<MultipartPart> | null =
    null;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= Symbol.asyncIterator in parts
        ? parts[Symbol.asyncIterator]()
        : parts[Symbol.iterator]();
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encodeMultipartCloseDelimiter(boundary));
        controller.close();
        return;
      }
      const delimiter = encodeMultipartDelimiter(boundary, { first });
      const part = encodeMultipartPart(next.value.headers, next.value.body);
      first = false;
      const chunk = new Uint8Array(delimiter.byteLength + part.byteLength);
      chunk.set(delimiter, 0);
      chunk.set(part, delimiter.byteLength);
      controller.enqueue(chunk);
    },
    cancel(reason) {
      onCancel?.(reason);
      // Not awaited: a generator suspended inside an await only returns once that settles.
      Promise.resolve(iterator?.return?.()).catch(() => {});
    },
  }, { highWaterMark: 0 });
}
