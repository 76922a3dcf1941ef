/**
 * Request body size limit → 413 problem, on hono's `bodyLimit` (which trusts
 * `Content-Length` only without `Transfer-Encoding`, and otherwise counts the
 * bytes as they stream in).
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { problem } from "../problem.ts";

/**
 * Creates the body-size middleware.
 *
 * @param maxBytes The largest accepted body.
 * @returns The middleware.
 */
export function bodySize(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError() {
      throw problem(413, "payload-too-large", {
        detail: `The request body exceeds ${maxBytes} bytes`,
      });
    },
  });
}
