/**
 * Internal: standard base64 with `btoa` alone, for runtimes without
 * `Uint8Array.prototype.toBase64`.
 *
 * @module
 */

/** Bytes per `btoa` call: a multiple of 3, so chunks concatenate without padding in between. */
const CHUNK_BYTES = 3 * 8192;

/** Encodes `bytes` as standard base64 (with padding), `CHUNK_BYTES` at a time. */
export function base64WithBtoa(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const chunk = bytes.subarray(at, at + CHUNK_BYTES);
    parts.push(
      btoa(String.fromCharCode.apply(null, chunk as unknown as number[])),
    );
  }
  return parts.join("");
}
