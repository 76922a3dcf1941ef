/**
 * The one error `deno task models:import` reports: a single line naming the problem.
 *
 * @module
 */

/**
 * A problem with an import's input (flags, files, configs, the model's graph) or its exporter;
 * `message` is one line, printed as is.
 *
 * @example
 * ```ts
 * import { ImportError } from "./import_error.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new ImportError("no such file 'x.pth'").message, "no such file 'x.pth'");
 * ```
 */
export class ImportError extends Error {
  /**
   * Creates the error.
   *
   * @param message One line naming the problem.
   * @param options The cause, if any.
   */
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message.replace(/\s*\n\s*/g, " "), options);
    this.name = "ImportError";
  }
}
