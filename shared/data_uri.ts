/**
 * `data:` URIs for in-memory audio, e.g. to hand a WAV part to an `<audio>` element or to
 * embed it in JSON without a file.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2397
 * @module
 */
import { base64WithBtoa } from "./_base64_btoa.ts";

/** Standard base64: the platform's `toBase64` where present (Deno 2.9, recent browsers). */
function toBase64(bytes: Uint8Array): string {
  return typeof bytes.toBase64 === "function"
    ? bytes.toBase64()
    : base64WithBtoa(bytes);
}

/**
 * Encodes WAV bytes as a `data:audio/wav;base64,…` URI.
 *
 * Uses `Uint8Array.prototype.toBase64` when the runtime has it, and `btoa` over 24 KiB chunks
 * otherwise. The bytes are not checked to be WAV.
 *
 * @param bytes The WAV file, e.g. from {@linkcode encodeWav}.
 * @returns The URI: standard base64 alphabet, padded.
 * @example A tiny WAV as a data URI
 * ```ts
 * import { encodeWav, wavDataUri } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const wav = encodeWav(Float32Array.of(0), { sampleRateHz: 16000, format: "pcm16" });
 * const uri = wavDataUri(wav);
 * assert.ok(uri.startsWith("data:audio/wav;base64,UklGR")); // "RIFF…"
 * assert.equal(atob(uri.slice(uri.indexOf(",") + 1)).length, wav.length);
 * ```
 */
export function wavDataUri(bytes: Uint8Array): string {
  return `data:audio/wav;base64,${toBase64(bytes)}`;
}
