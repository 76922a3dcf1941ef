/**
 * Refuses new streams while the server drains: 503 `shutting-down` with
 * `Retry-After`, so clients and load balancers go to another instance.
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { problem } from "../problem.ts";

/**
 * Creates the middleware.
 *
 * @param drain Tells whether a drain has begun.
 * @returns The middleware.
 */
export function refuseWhileDraining(
  drain: { readonly draining: boolean },
): MiddlewareHandler<AppEnv> {
  return async function refuseWhileDraining(_c, next) {
    if (drain.draining) {
      throw problem(503, "shutting-down", {
        detail: "The server is shutting down; retry on another instance",
        headers: { "Retry-After": "1" },
      });
    }
    await next();
  };
}
