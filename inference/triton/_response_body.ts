/**
 * Reads an infer response body: decompresses it when the runtime has not already done so, and
 * aligns the binary section so output tensors can be views on the body buffer.
 *
 * Runtimes differ. Deno 2.9's `fetch` decodes a gzip/deflate body itself when the request's
 * `Accept-Encoding` allowed it, yet keeps `Content-Encoding` and the *compressed* `Content-Length`
 * (checked on loopback); with `Accept-Encoding: identity` it hands over the raw bytes. So the
 * headers cannot say whether the body is still compressed. A KServe body always starts with its
 * JSON header (`{`), and neither a gzip (`1f 8b`) nor a zlib (`78 ..`) stream can, so the first
 * byte decides; `Content-Length` is trusted only when there is no `Content-Encoding`.
 *
 * @module
 */
import {
  decompressBody,
  INFERENCE_HEADER_CONTENT_LENGTH,
  parseContentEncoding,
  parseHeaderLength,
  readBodyBytes,
} from "@lipstream/shared";

const OPEN_BRACE = 0x7b;

/** The decoded body of an infer response and its JSON header length. */
export interface InferResponseBody {
  body: Uint8Array;
  headerLength: number | undefined;
}

/** Reads, decompresses if needed, and validates `Inference-Header-Content-Length`. */
export async function readInferResponseBody(
  response: Response,
  signal: AbortSignal,
): Promise<InferResponseBody> {
  const lengthHeader = response.headers.get(INFERENCE_HEADER_CONTENT_LENGTH);
  const alignFor = lengthHeader === null ? undefined : Number(lengthHeader);
  const headerLength = Number.isSafeInteger(alignFor) && alignFor! >= 0
    ? alignFor
    : undefined;
  const encoding = parseContentEncoding(
    response.headers.get("content-encoding"),
  );
  const contentLength = response.headers.get("content-length");
  let body: Uint8Array;
  if (encoding === "identity") {
    body = await readBodyBytes(response.body, {
      signal,
      ...(contentLength === null
        ? {}
        : { contentLength: Number(contentLength) }),
      ...(headerLength === undefined ? {} : { headerLength }),
    });
  } else {
    const raw = await readBodyBytes(response.body, { signal });
    body = raw[0] === OPEN_BRACE ? raw : await decompressBody(raw, encoding, {
      ...(headerLength === undefined ? {} : { headerLength }),
    });
  }
  return {
    body,
    headerLength: parseHeaderLength(lengthHeader, body.byteLength),
  };
}
