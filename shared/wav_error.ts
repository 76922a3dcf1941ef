/**
 * The error the WAV reader throws for bytes it cannot read.
 *
 * @module
 */

/**
 * Thrown by {@linkcode readWavInfo}, {@linkcode decodeWav} and {@linkcode decodeWavMono} when
 * the bytes are not a WAV file they can read: truncated or garbled headers, a missing `fmt ` or
 * `data` chunk, inconsistent fields or an unsupported sample format. The message names what is
 * wrong. A `SyntaxError`, so callers that expect the built-in class (e.g. the edge's
 * `WavDecoder` contract) need no special case.
 *
 * @example Catching it
 * ```ts
 * import { decodeWavMono, WavFormatError } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => decodeWavMono(new TextEncoder().encode("not a wav")), WavFormatError);
 * assert.throws(() => decodeWavMono(new Uint8Array(3)), SyntaxError);
 * ```
 */
export class WavFormatError extends SyntaxError {
  /** Creates the error; `message` should say what is wrong, e.g. `Cannot decode WAV: …`. */
  constructor(message: string) {
    super(message);
    this.name = "WavFormatError";
  }
}
