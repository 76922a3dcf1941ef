/**
 * The app's error handler: every thrown error becomes an RFC 9457 problem
 * response with the request id; 5xx causes are logged with their stack, which
 * never reaches the client.
 *
 * @module
 */

import type { ErrorHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { problemResponse, toProblemError } from "../problem.ts";

/**
 * Creates the error handler for `app.onError`.
 *
 * @returns The handler.
 */
export function problemErrors(): ErrorHandler<AppEnv> {
  return function problemErrors(error, c) {
    const mapped = toProblemError(error);
    const status = mapped.problem.status;
    const log = c.get("log");
    if (status >= 500) {
      log?.error("request failed", { status, error });
    } else {
      log?.debug("request rejected", { status, detail: mapped.message });
    }
    return problemResponse(mapped, {
      extensions: { request_id: c.get("requestId") },
    });
  };
}
