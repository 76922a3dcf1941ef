/**
 * Reads an HTTP body stream into one buffer with a size limit, placing the binary section of a
 * KServe v2 body at an 8-byte-aligned offset so decoded tensors can be views instead of copies.
 *
 * @module
 */

/** Options of {@linkcode readBodyBytes}. */
export interface ReadBodyOptions {
  /** Expected length (e.g. `Content-Length`); allocates once when known. */
  contentLength?: number;
  /** JSON header length; the result then starts at a padding offset so that
   * `result.byteOffset + headerLength` is a multiple of 8. */
  headerLength?: number;
  /** Rejects bodies longer than this. @default {Infinity} */
  maxBytes?: number;
  /** Cancels the read. */
  signal?: AbortSignal;
}

/** Thrown by {@linkcode readBodyBytes} when a body exceeds `maxBytes`. */
export class BodyTooLargeError extends RangeError {
  /** The limit that was exceeded. */
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(
      `Cannot read body: it exceeds the maximum allowed value of ${maxBytes} bytes`,
    );
    this.name = "BodyTooLargeError";
    this.maxBytes = maxBytes;
  }
}

/**
 * Reads a whole byte stream into one `Uint8Array`, aligned for the binary section.
 *
 * With `contentLength` the buffer is allocated once and chunks are copied straight into it;
 * without it chunks are gathered and copied once at the end.
 *
 * @param stream The body (`null` reads as empty).
 * @param options Expected length, header length for alignment, size limit.
 * @returns The bytes (a view into a slightly larger buffer when aligned).
 * @throws {BodyTooLargeError} When the body is longer than `maxBytes`.
 * @throws {RangeError} When the body length differs from `contentLength`.
 * @example Align the binary section
 * ```ts
 * import { readBodyBytes } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const body = await readBodyBytes(new Blob(["{}abcd"]).stream(), { headerLength: 2 });
 * assert.equal(new TextDecoder().decode(body), "{}abcd");
 * assert.equal((body.byteOffset + 2) % 8, 0);
 * ```
 */
export async function readBodyBytes(
  stream: ReadableStream<Uint8Array> | null,
  options: ReadBodyOptions = {},
): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? Infinity;
  const pad = options.headerLength === undefined
    ? 0
    : (8 - (options.headerLength % 8)) % 8;
  const expected = options.contentLength;
  if (expected !== undefined && expected > maxBytes) {
    await stream?.cancel();
    throw new BodyTooLargeError(maxBytes);
  }
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const onAbort = () => reader.cancel(options.signal?.reason).catch(() => {});
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    options.signal?.throwIfAborted();
    if (expected !== undefined) {
      const out = new Uint8Array(pad + expected);
      let at = pad;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        if (at + r.value.byteLength > out.byteLength) {
          throw new RangeError(
            `Cannot read body: it is longer than its declared length ${expected}`,
          );
        }
        out.set(r.value, at);
        at += r.value.byteLength;
      }
      options.signal?.throwIfAborted();
      if (at !== out.byteLength) {
        throw new RangeError(
          `Cannot read body: received ${
            at - pad
          } of its declared ${expected} bytes`,
        );
      }
      return out.subarray(pad);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      total += r.value.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(r.value);
    }
    options.signal?.throwIfAborted();
    const out = new Uint8Array(pad + total);
    let at = pad;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out.subarray(pad);
  } catch (error) {
    await reader.cancel(error).catch(() => {});
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}
