/**
 * Maps Triton's HTTP errors to {@linkcode InferenceError}: the status picks the kind (Triton's
 * table: 400 invalid argument, 404 not found, 500 internal, 501 unsupported, 503 unavailable) and
 * the `{"error": "..."}` body gives the message.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/README.md
 * @module
 */
import { InferenceError, type InferenceErrorKind } from "@lipstream/shared";

const UNKNOWN_MODEL_PREFIX = "Request for unknown model";

/**
 * The error kind for a Triton HTTP status (and message: Triton answers an unknown model with 400
 * "Request for unknown model: ...", which is reported as `not_found`).
 *
 * @param status HTTP status of a failed response.
 * @param message The server's error message.
 * @returns The kind.
 * @example Triton's table
 * ```ts
 * import { errorKindForStatus } from "@lipstream/inference/triton";
 * import assert from "node:assert/strict";
 *
 * assert.equal(errorKindForStatus(503), "unavailable");
 * assert.equal(errorKindForStatus(400, "Request for unknown model: 'x' is not found"), "not_found");
 * assert.equal(errorKindForStatus(418), "invalid_argument");
 * ```
 */
export function errorKindForStatus(
  status: number,
  message = "",
): InferenceErrorKind {
  switch (status) {
    case 404:
      return "not_found";
    case 500:
      return "internal";
    case 501:
      return "unsupported";
    case 503:
      return "unavailable";
    case 504:
      return "timeout";
  }
  if (status >= 500) return "internal";
  return message.startsWith(UNKNOWN_MODEL_PREFIX)
    ? "not_found"
    : "invalid_argument";
}

/**
 * Reads a failed response's body (always consuming it, so the connection can be reused) and builds
 * the matching {@linkcode InferenceError}.
 *
 * @param response A response whose `ok` is false.
 * @param action What was attempted, for the message.
 * @returns The error, with `status` set and Triton's message kept.
 * @example A Triton error body
 * ```ts
 * import { errorFromResponse } from "@lipstream/inference/triton";
 * import assert from "node:assert/strict";
 *
 * const response = Response.json({ error: "Model version not ready" }, { status: 400 });
 * const error = await errorFromResponse(response, "Cannot run 'm'");
 * assert.equal(error.message, "Cannot run 'm': Model version not ready");
 * assert.equal(error.status, 400);
 * ```
 */
export async function errorFromResponse(
  response: Response,
  action: string,
): Promise<InferenceError> {
  let text = "";
  try {
    text = await response.text();
  } catch {
    // The body is gone (aborted or reset); the status still says enough.
  }
  let message = text.trim() || response.statusText || `HTTP ${response.status}`;
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === "object" && parsed !== null &&
      typeof (parsed as { error?: unknown }).error === "string"
    ) {
      message = (parsed as { error: string }).error;
    }
  } catch {
    // Not JSON: keep the raw text.
  }
  return new InferenceError(
    errorKindForStatus(response.status, message),
    `${action}: ${message}`,
    { status: response.status },
  );
}
