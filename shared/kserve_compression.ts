/**
 * HTTP body compression as Triton does it for `/infer`: `gzip` and `deflate` (zlib) request bodies
 * by `Content-Encoding`, and response encoding chosen from `Accept-Encoding` by q-value. Uses the
 * web-standard `CompressionStream`/`DecompressionStream`.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/inference_protocols.md
 * @module
 */
import { readBodyBytes } from "./kserve_read_body.ts";

/** A body encoding Triton understands. */
export type BodyEncoding = "identity" | "gzip" | "deflate";

/**
 * Parses a `Content-Encoding` value.
 *
 * @param value The header value (`null` or empty = identity).
 * @returns The encoding.
 * @throws {TypeError} For anything but identity, gzip or deflate ("Unsupported compression type").
 * @example Known and unknown values
 * ```ts
 * import { parseContentEncoding } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseContentEncoding("GZIP"), "gzip");
 * assert.equal(parseContentEncoding(null), "identity");
 * assert.throws(() => parseContentEncoding("br"), TypeError);
 * ```
 */
export function parseContentEncoding(value: string | null): BodyEncoding {
  const encoding = (value ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity") return "identity";
  if (encoding === "gzip" || encoding === "deflate") return encoding;
  throw new TypeError(
    `Cannot decode request body: Unsupported compression type '${value}'`,
  );
}

/**
 * Picks the response encoding from `Accept-Encoding`: the highest-weighted of identity, deflate
 * and gzip (ties keep that order of preference, as Triton's list does), identity when none is
 * acceptable or the header is absent.
 *
 * @param value The `Accept-Encoding` header.
 * @returns The chosen encoding.
 * @example q-values
 * ```ts
 * import { selectResponseEncoding } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(selectResponseEncoding("deflate;q=0.5, gzip"), "gzip");
 * assert.equal(selectResponseEncoding("br"), "identity");
 * assert.equal(selectResponseEncoding(null), "identity");
 * ```
 */
export function selectResponseEncoding(value: string | null): BodyEncoding {
  if (value === null) return "identity";
  let best: BodyEncoding = "identity";
  let bestWeight = 0;
  for (const part of value.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) =>
      s.trim().toLowerCase()
    );
    if (name !== "gzip" && name !== "deflate" && name !== "identity") continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(weight) && weight > bestWeight) {
      best = name;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Compresses a body.
 *
 * @param bytes The uncompressed body.
 * @param encoding `gzip`, `deflate` (zlib) or `identity` (returned as is).
 * @returns The encoded body.
 * @example Round trip
 * ```ts
 * import { compressBody, decompressBody } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const text = new TextEncoder().encode("hello hello hello");
 * const packed = await compressBody(text, "gzip");
 * assert.deepEqual(await decompressBody(packed, "gzip"), text);
 * ```
 */
export async function compressBody(
  bytes: Uint8Array,
  encoding: BodyEncoding,
): Promise<Uint8Array> {
  if (encoding === "identity") return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream(encoding));
  return await readBodyBytes(stream);
}

/**
 * Decompresses a body, enforcing a limit on the decompressed size (Triton applies its input limit
 * after decompression).
 *
 * @param bytes The encoded body.
 * @param encoding Its encoding.
 * @param options `maxBytes` limit and `headerLength` for aligning the binary section.
 * @returns The decoded body.
 * @throws {TypeError} When the data are not valid for the encoding.
 * @throws {BodyTooLargeError} When the decompressed body exceeds `maxBytes`.
 * @example Identity passes through
 * ```ts
 * import { decompressBody } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const bytes = Uint8Array.of(1, 2);
 * assert.equal(await decompressBody(bytes, "identity"), bytes);
 * ```
 */
export async function decompressBody(
  bytes: Uint8Array,
  encoding: BodyEncoding,
  options: { maxBytes?: number; headerLength?: number } = {},
): Promise<Uint8Array> {
  if (encoding === "identity") return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new DecompressionStream(encoding));
  return await readBodyBytes(stream, options);
}
