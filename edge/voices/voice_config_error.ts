/**
 * The error thrown when a voice's files or config are invalid.
 *
 * @module
 */

/**
 * A voice config that fails validation; names the file and the field path.
 *
 * @example Reading the file and field
 * ```ts
 * import { VoiceConfigError } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const error = new VoiceConfigError("demo/config.json", {
 *   field: "data.sampling_rate",
 *   message: "expected number, received string",
 * });
 * assert.equal(
 *   error.message,
 *   "Cannot load voice config 'demo/config.json': data.sampling_rate: expected number, received string",
 * );
 * ```
 */
export class VoiceConfigError extends Error {
  /** The config file (or label) at fault. */
  readonly file: string;
  /** The dotted path of the field at fault; `""` for the whole file. */
  readonly field: string;
  /** What is wrong with the field, without the file and field prefix. */
  readonly detail: string;

  /**
   * Creates the error.
   *
   * @param file The config file (or label) at fault.
   * @param options The field path and the detail.
   */
  constructor(
    file: string,
    options: { field: string; message: string; cause?: unknown },
  ) {
    const where = options.field === "" ? "" : `${options.field}: `;
    super(`Cannot load voice config '${file}': ${where}${options.message}`, {
      cause: options.cause,
    });
    this.name = "VoiceConfigError";
    this.file = file;
    this.field = options.field;
    this.detail = options.message;
  }
}
