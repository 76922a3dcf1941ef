/**
 * The body of a KServe v2 infer request or response: a JSON header, optionally followed by binary
 * tensor data whose start is given by the `Inference-Header-Content-Length` header.
 *
 * The header counts the **uncompressed** body: decompress first, then split.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_binary_data.md
 * @module
 */
import type { Tensor } from "./tensor.ts";
import { tensorByteSize } from "./kserve_datatype.ts";
import { writeTensorBytes } from "./kserve_binary.ts";

/** The HTTP header giving the JSON header's byte length when binary data follow it. */
export const INFERENCE_HEADER_CONTENT_LENGTH =
  "Inference-Header-Content-Length";

/** A built body; `headerLength` is set exactly when binary data follow the JSON. */
export interface InferBody {
  body: Uint8Array;
  /** Value for `Inference-Header-Content-Length`, or `undefined` for a pure JSON body. */
  headerLength: number | undefined;
}

/** A body split into its parsed JSON header and the binary section after it. */
export interface SplitInferBody {
  header: unknown;
  binary: Uint8Array;
}

/**
 * Builds a body from a JSON header and the tensors whose bytes follow it, allocating the body once
 * and writing each tensor straight into it.
 *
 * @param header The JSON header (its `binary_data_size` parameters must match `binaries`).
 * @param binaries Tensors to append, in the order their entries appear in the header.
 * @returns The body and, if any tensor is binary, the header length.
 * @example Header plus one tensor
 * ```ts
 * import { encodeInferBody } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const tensor = { datatype: "UINT8" as const, shape: [2], data: Uint8Array.of(7, 9) };
 * const { body, headerLength } = encodeInferBody({ a: 1 }, [tensor]);
 * assert.equal(headerLength, 7); // {"a":1}
 * assert.deepEqual([...body.subarray(7)], [7, 9]);
 * ```
 */
export function encodeInferBody(
  header: unknown,
  binaries: readonly Tensor[],
): InferBody {
  const json = new TextEncoder().encode(JSON.stringify(header));
  if (binaries.length === 0) return { body: json, headerLength: undefined };
  let size = json.byteLength;
  for (const tensor of binaries) size += tensorByteSize(tensor);
  const body = new Uint8Array(size);
  body.set(json, 0);
  let offset = json.byteLength;
  for (const tensor of binaries) {
    offset += writeTensorBytes(tensor, body, { offset });
  }
  return { body, headerLength: json.byteLength };
}

/**
 * Parses an `Inference-Header-Content-Length` value the way Triton does: a decimal integer with
 * `0 ≤ value ≤ bodyLength`.
 *
 * @param value The header value, or `null` when absent.
 * @param bodyLength The (uncompressed) body length.
 * @returns The JSON header length, or `undefined` when the header is absent.
 * @throws {SyntaxError} When the value is not a decimal integer.
 * @throws {RangeError} When it is negative or larger than the body.
 * @example Valid and invalid values
 * ```ts
 * import { parseHeaderLength } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseHeaderLength("12", 100), 12);
 * assert.equal(parseHeaderLength(null, 100), undefined);
 * assert.throws(() => parseHeaderLength("101", 100), RangeError);
 * assert.throws(() => parseHeaderLength("1.5", 100), SyntaxError);
 * ```
 */
export function parseHeaderLength(
  value: string | null,
  bodyLength: number,
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (!/^[-+]?\d+$/.test(text)) {
    throw new SyntaxError(
      `Cannot parse ${INFERENCE_HEADER_CONTENT_LENGTH}: expected an integer: received '${value}'`,
    );
  }
  const length = Number(text);
  if (length < 0 || length > bodyLength) {
    throw new RangeError(
      `Cannot use ${INFERENCE_HEADER_CONTENT_LENGTH} ${text}: must be between 0 and the body length ${bodyLength}`,
    );
  }
  return length;
}

/**
 * Splits a body into its parsed JSON header and the binary section.
 *
 * @param body The whole uncompressed body.
 * @param headerLength The JSON length from {@linkcode parseHeaderLength}; `undefined` means the
 * whole body is JSON.
 * @returns The parsed header and a view on the bytes after it.
 * @throws {SyntaxError} When the JSON header does not parse.
 * @throws {RangeError} When `headerLength` exceeds the body.
 * @example Split a binary body
 * ```ts
 * import { splitInferBody } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const body = new TextEncoder().encode('{"id":"1"}\x01\x02');
 * const { header, binary } = splitInferBody(body, 10);
 * assert.deepEqual(header, { id: "1" });
 * assert.deepEqual([...binary], [1, 2]);
 * ```
 */
export function splitInferBody(
  body: Uint8Array,
  headerLength: number | undefined,
): SplitInferBody {
  const length = headerLength ?? body.byteLength;
  if (!Number.isSafeInteger(length) || length < 0 || length > body.byteLength) {
    throw new RangeError(
      `Cannot split infer body: header length ${length} exceeds the ${body.byteLength}-byte body`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(body.subarray(0, length)));
  } catch (error) {
    throw new SyntaxError(
      `Cannot parse infer body: the JSON header is invalid: ${
        (error as Error).message
      }`,
      { cause: error },
    );
  }
  return { header, binary: body.subarray(length) };
}
