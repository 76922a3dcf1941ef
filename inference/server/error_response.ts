/**
 * Triton's error responses: `{"error": "<message>"}` with the status from Triton's table
 * (INTERNAL 500, NOT_FOUND 404, UNAVAILABLE 503, UNSUPPORTED 501, everything else 400).
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/README.md
 * @module
 */
import {
  BodyTooLargeError,
  InferenceError,
  type InferenceErrorKind,
} from "@lipstream/shared";

const STATUS_BY_KIND: Record<InferenceErrorKind, number> = {
  invalid_argument: 400,
  not_found: 404,
  unavailable: 503,
  unsupported: 501,
  internal: 500,
  cancelled: 400,
  timeout: 400,
};

/**
 * A JSON error response in Triton's format.
 *
 * @param status HTTP status.
 * @param message The `error` text.
 * @param headers Extra headers.
 * @returns The response.
 * @example A 400
 * ```ts
 * import { errorResponse } from "@lipstream/inference/server";
 * import assert from "node:assert/strict";
 *
 * const response = errorResponse(400, "bad");
 * assert.equal(response.status, 400);
 * assert.deepEqual(await response.json(), { error: "bad" });
 * ```
 */
export function errorResponse(
  status: number,
  message: string,
  headers?: HeadersInit,
): Response {
  const response = Response.json({ error: message }, { status });
  for (const [name, value] of new Headers(headers)) {
    response.headers.set(name, value);
  }
  return response;
}

/**
 * Triton's answer when a request names a model it does not have: 400 (INVALID_ARG), not 404,
 * with Triton's message.
 *
 * @param model The requested model name.
 * @returns The response.
 * @example
 * ```ts
 * import { unknownModelResponse } from "@lipstream/inference/server";
 * import assert from "node:assert/strict";
 *
 * const response = unknownModelResponse("nope");
 * assert.equal(response.status, 400);
 * assert.deepEqual(await response.json(), {
 *   error: "Request for unknown model: 'nope' is not found",
 * });
 * ```
 */
export function unknownModelResponse(model: string): Response {
  return errorResponse(
    400,
    `Request for unknown model: '${model}' is not found`,
  );
}

/**
 * The status for an error thrown while serving: InferenceError by kind, the codec's
 * TypeError/RangeError/SyntaxError (malformed requests) as 400, anything else 500.
 *
 * @param error What was thrown.
 * @returns The HTTP status.
 * @example Kinds and codec errors
 * ```ts
 * import { statusForError } from "@lipstream/inference/server";
 * import { InferenceError } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(statusForError(new InferenceError("unsupported", "x")), 501);
 * assert.equal(statusForError(new SyntaxError("x")), 400);
 * assert.equal(statusForError(new Error("x")), 500);
 * ```
 */
export function statusForError(error: unknown): number {
  if (error instanceof InferenceError) return STATUS_BY_KIND[error.kind];
  if (
    error instanceof BodyTooLargeError || error instanceof TypeError ||
    error instanceof RangeError || error instanceof SyntaxError
  ) {
    return 400;
  }
  return 500;
}

/**
 * Turns a thrown error into Triton's error response.
 *
 * @param error What was thrown.
 * @returns The response.
 * @example Internal errors keep their message
 * ```ts
 * import { errorToResponse } from "@lipstream/inference/server";
 * import assert from "node:assert/strict";
 *
 * const response = errorToResponse(new Error("boom"));
 * assert.equal(response.status, 500);
 * assert.deepEqual(await response.json(), { error: "boom" });
 * ```
 */
export function errorToResponse(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  return errorResponse(statusForError(error), message);
}
