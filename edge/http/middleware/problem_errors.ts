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
 *
 * @example A thrown problem is answered as it is; any other error as a bare 500
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../app_env.ts";
 * import { problem } from "../problem.ts";
 * import { problemErrors } from "./problem_errors.ts";
 * import assert from "node:assert/strict";
 *
 * const app = new Hono<AppEnv>();
 * app.onError(problemErrors());
 * app.get("/v1/voices/:id", (c) => {
 *   throw problem(404, "unknown-voice", { detail: `No voice '${c.req.param("id")}'` });
 * });
 * app.get("/boom", () => {
 *   throw new Error("secret internals");
 * });
 * const missing = await app.request("/v1/voices/x");
 * assert.equal(missing.status, 404);
 * assert.equal(missing.headers.get("Content-Type"), "application/problem+json");
 * assert.equal((await missing.json()).detail, "No voice 'x'");
 * const boom = await app.request("/boom");
 * assert.equal(boom.status, 500);
 * assert.ok(!(await boom.text()).includes("secret"));
 * ```
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
