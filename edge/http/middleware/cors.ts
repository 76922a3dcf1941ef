/**
 * CORS from configuration, on hono's `cors` middleware: the listed origins (or
 * `*`), the methods and headers the API uses, and the response headers a
 * browser client needs to read.
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/**
 * Creates the CORS middleware, or a pass-through when `origins` is empty.
 *
 * @param origins Allowed origins, or `["*"]`.
 * @returns The middleware.
 */
export function corsFromConfig(origins: readonly string[]): MiddlewareHandler {
  if (origins.length === 0) {
    return async function noCors(_c, next) {
      await next();
    };
  }
  return cors({
    origin: origins.includes("*") ? "*" : [...origins],
    allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
    exposeHeaders: ["X-Request-Id", "X-Utterance-Id", "Retry-After"],
    maxAge: 600,
  });
}
