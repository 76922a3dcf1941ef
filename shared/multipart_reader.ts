/**
 * An incremental `multipart/mixed` reader over a byte stream (a `fetch`
 * response body), the counterpart of {@linkcode createMultipartStream}. A part
 * that declares `Content-Length` is yielded as soon as its bytes are in, before
 * the next delimiter arrives: the edge writes a delimiter only when the next
 * part is ready, so a reader that waited for it would hold every part back by
 * one. Parts without `Content-Length` end at the next delimiter (RFC 2046
 * §5.1.1: preamble, transport padding after the boundary, epilogue).
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1}
 *
 * @module
 */

/** One part read by {@linkcode readMultipartParts}. */
export interface ReadMultipartPart {
  /** The part's headers, names in lower case. */
  headers: Record<string, string>;
  /** The part's body, a copy of its own. */
  body: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");
const HEADER_END = encoder.encode("\r\n\r\n");
const HYPHEN = 0x2d;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Reads the `boundary` parameter of a multipart `Content-Type`, unquoted.
 *
 * @param contentType The header value (`null` when the header is absent).
 * @returns The boundary.
 * @throws {TypeError} If there is no boundary parameter.
 * @example Plain and quoted
 * ```ts
 * import { boundaryFromContentType } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(boundaryFromContentType("multipart/mixed; boundary=ab-1"), "ab-1");
 * assert.equal(boundaryFromContentType('multipart/mixed; boundary="a:b c"'), "a:b c");
 * ```
 */
export function boundaryFromContentType(contentType: string | null): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) {
    throw new TypeError(
      `Cannot read multipart stream: no boundary in ${
        JSON.stringify(contentType)
      }`,
    );
  }
  return boundary;
}

/** Index of `pattern` in `bytes[from, to)`, or -1. */
function indexOf(
  bytes: Uint8Array,
  pattern: Uint8Array,
  from: number,
  to: number,
): number {
  const last = to - pattern.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < pattern.length; j++) {
      if (bytes[i + j] !== pattern[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** A growable window over a stream reader; offsets count from the first unread byte. */
class ByteWindow {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #bytes = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;
  done = false;

  constructor(reader: ReadableStreamDefaultReader<Uint8Array>) {
    this.#reader = reader;
  }

  get length(): number {
    return this.#end - this.#start;
  }

  at(offset: number): number | undefined {
    return this.#bytes[this.#start + offset];
  }

  /** Reads one more chunk; false at the end of the stream. */
  async fill(): Promise<boolean> {
    if (this.done) return false;
    const { value, done } = await this.#reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    this.#append(value);
    return true;
  }

  #append(chunk: Uint8Array): void {
    if (this.#end + chunk.length > this.#bytes.length) {
      const live = this.#bytes.subarray(this.#start, this.#end);
      const needed = live.length + chunk.length;
      const target = needed > this.#bytes.length
        ? new Uint8Array(Math.max(needed, this.#bytes.length * 2))
        : this.#bytes;
      target.set(live, 0);
      this.#bytes = target;
      this.#start = 0;
      this.#end = live.length;
    }
    this.#bytes.set(chunk, this.#end);
    this.#end += chunk.length;
  }

  /** Reads until `count` bytes are in. */
  async ensure(count: number): Promise<void> {
    while (this.length < count) {
      if (!(await this.fill())) {
        throw new SyntaxError(
          "Cannot read multipart stream: it ended inside a part",
        );
      }
    }
  }

  /** Reads until `pattern` is in; its offset, or -1 if the stream ended first. */
  async find(pattern: Uint8Array): Promise<number> {
    let from = 0;
    while (true) {
      const found = indexOf(
        this.#bytes,
        pattern,
        this.#start + from,
        this.#end,
      );
      if (found >= 0) return found - this.#start;
      from = Math.max(0, this.length - pattern.length + 1);
      if (!(await this.fill())) return -1;
    }
  }

  take(count: number): Uint8Array<ArrayBuffer> {
    const out = this.#bytes.slice(this.#start, this.#start + count);
    this.#start += count;
    return out;
  }

  skip(count: number): void {
    this.#start += count;
  }
}

function parseHeaders(block: Uint8Array): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of new TextDecoder().decode(block).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1)
      .trim();
  }
  return headers;
}

async function readHeaders(input: ByteWindow): Promise<Record<string, string>> {
  await input.ensure(2);
  if (input.at(0) === CR && input.at(1) === LF) {
    input.skip(2);
    return {};
  }
  const end = await input.find(HEADER_END);
  if (end < 0) {
    throw new SyntaxError("Cannot read multipart stream: headers never ended");
  }
  const headers = parseHeaders(input.take(end));
  input.skip(HEADER_END.length);
  return headers;
}

async function expectDelimiter(
  input: ByteWindow,
  delimiter: Uint8Array,
): Promise<void> {
  await input.ensure(delimiter.length);
  for (let i = 0; i < delimiter.length; i++) {
    if (input.at(i) !== delimiter[i]) {
      throw new SyntaxError(
        "Cannot read multipart stream: no delimiter after a Content-Length body",
      );
    }
  }
  input.skip(delimiter.length);
}

/**
 * Yields each part of a multipart body as it arrives. After the close
 * delimiter the epilogue is read to the end of the stream; stopping early
 * (`break`, an error) cancels the stream.
 *
 * @param body The multipart body.
 * @param boundary Its boundary (see {@linkcode boundaryFromContentType}).
 * @returns The parts, in order.
 * @throws {SyntaxError} If the stream is not a multipart body with this
 * boundary or ends inside a part.
 * @example Reading what {@linkcode createMultipartStream} writes
 * ```ts
 * import { createMultipartStream, readMultipartParts } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const body = createMultipartStream([
 *   { headers: { "Content-Type": "text/plain" }, body: new TextEncoder().encode("hi") },
 * ], { boundary: "b0" });
 * const [part] = await Array.fromAsync(readMultipartParts(body, "b0"));
 * assert.equal(part?.headers["content-type"], "text/plain");
 * assert.equal(new TextDecoder().decode(part?.body), "hi");
 * ```
 */
export async function* readMultipartParts(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): AsyncGenerator<ReadMultipartPart, void, undefined> {
  const reader = body.getReader();
  const input = new ByteWindow(reader);
  const dashBoundary = encoder.encode(`--${boundary}`);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  let finished = false;
  try {
    const first = await input.find(dashBoundary);
    if (first < 0) {
      throw new SyntaxError("Cannot read multipart stream: no boundary found");
    }
    input.skip(first + dashBoundary.length);
    while (true) {
      await input.ensure(2);
      if (input.at(0) === HYPHEN && input.at(1) === HYPHEN) break; // close delimiter
      const lineEnd = await input.find(CRLF); // past any transport padding
      if (lineEnd < 0) {
        throw new SyntaxError(
          "Cannot read multipart stream: boundary line never ended",
        );
      }
      input.skip(lineEnd + CRLF.length);
      const headers = await readHeaders(input);
      const declared = headers["content-length"];
      if (declared !== undefined && /^\d+$/.test(declared)) {
        await input.ensure(Number(declared));
        yield { headers, body: input.take(Number(declared)) };
        await expectDelimiter(input, delimiter);
      } else {
        const end = await input.find(delimiter);
        if (end < 0) {
          throw new SyntaxError(
            "Cannot read multipart stream: it ended inside a part",
          );
        }
        const part = input.take(end);
        input.skip(delimiter.length);
        yield { headers, body: part };
      }
    }
    while (await input.fill()); // the epilogue, to the end of the stream
    finished = true;
  } finally {
    if (!finished && !input.done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
