/**
 * The error a rejected avatar pack raises.
 *
 * @module
 */

/**
 * An avatar pack is missing, corrupt or does not match its manifest; `file` names the culprit
 * (relative to the pack folder).
 *
 * @example Naming the file
 * ```ts
 * import { AvatarPackError } from "@lipstream/edge/avatar";
 * import assert from "node:assert/strict";
 *
 * const error = new AvatarPackError("crops.bin", "Checksum mismatch");
 * assert.equal(error.file, "crops.bin");
 * assert.match(error.message, /crops\.bin/);
 * ```
 */
export class AvatarPackError extends Error {
  /** The pack file at fault. */
  readonly file: string;
  /** The field at fault inside the file (`fps`, `boxes.3`); `""` when the whole file is. */
  readonly field: string;
  /** What is wrong, without the file prefix. */
  readonly detail: string;

  /**
   * Creates the error.
   *
   * @param file The pack file at fault.
   * @param detail What is wrong with it.
   * @param options The underlying error and the field at fault.
   */
  constructor(
    file: string,
    detail: string,
    options: ErrorOptions & { field?: string } = {},
  ) {
    super(`Cannot load avatar pack file '${file}': ${detail}`, options);
    this.name = "AvatarPackError";
    this.file = file;
    this.field = options.field ?? "";
    this.detail = detail;
  }
}
