/**
 * Browser module `/web/multipart.js`: an incremental `multipart/mixed`
 * reader over a `ReadableStream` of bytes (a `fetch` response body). Parts
 * come out as soon as their bytes are in: a part with `Content-Length` is
 * yielded before the next delimiter arrives, which matters because the server
 * writes a delimiter only when the next part is ready (RFC 2046 §5.1.1: the
 * CRLF before a delimiter belongs to the delimiter, so a part may end first).
 *
 * Plain JavaScript in a string so the edge can serve it with no filesystem
 * and no build step; `multipart_js_test.ts` imports it as a `data:` module
 * (`_browser_module.ts`).
 *
 * @module
 */

/** Source of `/web/multipart.js`. */
export const MULTIPART_JS: string = String
  .raw`// Incremental multipart/mixed reader (RFC 2046 framing, Content-Length aware).
const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");
const HEADER_END = encoder.encode("\r\n\r\n");

/** The boundary parameter of a multipart Content-Type, unquoted. */
export function boundaryFromContentType(contentType) {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  if (!match) {
    throw new TypeError("Cannot read multipart stream: no boundary in " + JSON.stringify(contentType));
  }
  return match[1] ?? match[2];
}

/** Index of pattern in bytes[from, to), or -1. */
function indexOf(bytes, pattern, from, to) {
  const last = to - pattern.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < pattern.length; j++) {
      if (bytes[i + j] !== pattern[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** A growable byte window over a stream reader; offsets are relative to the unread start. */
class ByteWindow {
  constructor(reader) {
    this.reader = reader;
    this.bytes = new Uint8Array(64 * 1024);
    this.start = 0;
    this.end = 0;
    this.done = false;
  }
  get length() {
    return this.end - this.start;
  }
  at(offset) {
    return this.bytes[this.start + offset];
  }
  async fill() {
    if (this.done) return false;
    const { value, done } = await this.reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    this.append(value);
    return true;
  }
  append(chunk) {
    if (this.end + chunk.length > this.bytes.length) {
      const live = this.bytes.subarray(this.start, this.end);
      const needed = live.length + chunk.length;
      const target = needed > this.bytes.length
        ? new Uint8Array(Math.max(needed, this.bytes.length * 2))
        : this.bytes;
      target.set(live, 0);
      this.bytes = target;
      this.start = 0;
      this.end = live.length;
    }
    this.bytes.set(chunk, this.end);
    this.end += chunk.length;
  }
  async ensure(count) {
    while (this.length < count) {
      if (!(await this.fill())) {
        throw new SyntaxError("Cannot read multipart stream: it ended inside a part");
      }
    }
  }
  async find(pattern) {
    let from = 0;
    while (true) {
      const found = indexOf(this.bytes, pattern, this.start + from, this.end);
      if (found >= 0) return found - this.start;
      from = Math.max(0, this.length - pattern.length + 1);
      if (!(await this.fill())) return -1;
    }
  }
  take(count) {
    const out = this.bytes.slice(this.start, this.start + count);
    this.start += count;
    return out;
  }
  skip(count) {
    this.start += count;
  }
}

function parseHeaders(block) {
  const headers = {};
  for (const line of new TextDecoder().decode(block).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

async function readHeaders(input) {
  await input.ensure(2);
  if (input.at(0) === 13 && input.at(1) === 10) {
    input.skip(2);
    return {};
  }
  const end = await input.find(HEADER_END);
  if (end < 0) throw new SyntaxError("Cannot read multipart stream: headers never ended");
  const headers = parseHeaders(input.take(end));
  input.skip(HEADER_END.length);
  return headers;
}

async function expectDelimiter(input, delimiter) {
  await input.ensure(delimiter.length);
  for (let i = 0; i < delimiter.length; i++) {
    if (input.at(i) !== delimiter[i]) {
      throw new SyntaxError("Cannot read multipart stream: no delimiter after a Content-Length body");
    }
  }
  input.skip(delimiter.length);
}

/**
 * Yields {headers, body} for each part of a multipart body as it arrives.
 * Header names are lower case; body is a Uint8Array of its own.
 */
export async function* readMultipartParts(body, boundary) {
  const reader = body.getReader();
  const input = new ByteWindow(reader);
  const dashBoundary = encoder.encode("--" + boundary);
  const delimiter = encoder.encode("\r\n--" + boundary);
  let finished = false;
  try {
    const first = await input.find(dashBoundary);
    if (first < 0) throw new SyntaxError("Cannot read multipart stream: no boundary found");
    input.skip(first + dashBoundary.length);
    while (true) {
      await input.ensure(2);
      if (input.at(0) === 45 && input.at(1) === 45) break; // close delimiter "--"
      const lineEnd = await input.find(CRLF); // skips transport padding
      if (lineEnd < 0) throw new SyntaxError("Cannot read multipart stream: boundary line never ended");
      input.skip(lineEnd + CRLF.length);
      const headers = await readHeaders(input);
      const declared = headers["content-length"];
      if (declared !== undefined && /^\d+$/.test(declared)) {
        await input.ensure(Number(declared));
        yield { headers, body: input.take(Number(declared)) };
        await expectDelimiter(input, delimiter);
      } else {
        const end = await input.find(delimiter);
        if (end < 0) throw new SyntaxError("Cannot read multipart stream: it ended inside a part");
        const part = input.take(end);
        input.skip(delimiter.length);
        yield { headers, body: part };
      }
    }
    // Read the epilogue to the end, so the browser sees the response complete
    // (a body left unread counts as a failed request, ERR_ABORTED).
    while (!input.done && !(await reader.read()).done);
    finished = true;
  } finally {
    if (!finished && !input.done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
`;
