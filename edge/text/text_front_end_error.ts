/**
 * The one error class the text front end throws for bad requests, so the edge
 * can map it to a 4xx problem response.
 *
 * @module
 */

/** What went wrong, stable for clients. */
export type TextFrontEndErrorCode =
  | "text_too_long"
  | "nothing_to_speak"
  | "unknown_voice"
  | "unknown_speaker"
  | "unknown_language"
  | "unsupported_language"
  | "invalid_option";

/**
 * A request the front end cannot turn into symbol ids; `field` names the
 * request field at fault.
 *
 * @example Mapping to a 4xx response
 * ```ts
 * import { TextFrontEndError } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const error = new TextFrontEndError("unknown_speaker", {
 *   field: "speaker",
 *   message: "Cannot find speaker 'nobody' in voice 'demo'",
 * });
 * assert.equal(error.code, "unknown_speaker");
 * assert.equal(error.field, "speaker");
 * assert.ok(error instanceof Error);
 * ```
 */
export class TextFrontEndError extends Error {
  /** The stable error code. */
  readonly code: TextFrontEndErrorCode;
  /** The request field at fault (`"text"`, `"voice"`, `"speaker"`, …). */
  readonly field: string;
  /** The voice the request named, when known. */
  readonly voice?: string;
  /** The first character the voice cannot speak (`nothing_to_speak`). */
  readonly character?: string;
  /** The voice's cleaner at fault (`unsupported_language`). */
  readonly cleaner?: string;

  /**
   * Creates the error.
   *
   * @param code The stable error code.
   * @param options The field at fault and the message.
   */
  constructor(
    code: TextFrontEndErrorCode,
    options: {
      field: string;
      message: string;
      cause?: unknown;
      voice?: string;
      character?: string;
      cleaner?: string;
    },
  ) {
    super(options.message, { cause: options.cause });
    this.name = "TextFrontEndError";
    this.code = code;
    this.field = options.field;
    if (options.voice !== undefined) this.voice = options.voice;
    if (options.character !== undefined) this.character = options.character;
    if (options.cleaner !== undefined) this.cleaner = options.cleaner;
  }
}
