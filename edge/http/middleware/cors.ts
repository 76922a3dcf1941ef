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
 *
 * @example A listed origin passes the preflight; no origins, no CORS headers
 * ```ts
 * import { Hono } from "hono";
 * import { corsFromConfig } from "./cors.ts";
 * import assert from "node:assert/strict";
 *
 * const app = new Hono();
 * app.use(corsFromConfig(["https://app.example"]));
 * app.post("/v1/speak", (c) => c.text("ok"));
 * const preflight = await app.request("/v1/speak", {
 *   method: "OPTIONS",
 *   headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" },
 * });
 * assert.equal(preflight.status, 204);
 * assert.equal(preflight.headers.get("Access-Control-Allow-Origin"), "https://app.example");
 *
 * const closed = new Hono();
 * closed.use(corsFromConfig([]));
 * closed.get("/", (c) => c.text("ok"));
 * const response = await closed.request("/", { headers: { Origin: "https://app.example" } });
 * assert.equal(response.headers.get("Access-Control-Allow-Origin"), null);
 * ```
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
