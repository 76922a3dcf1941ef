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
 *
 * @example Refused once the drain begins
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../app_env.ts";
 * import { refuseWhileDraining } from "./draining.ts";
 * import { problemErrors } from "./problem_errors.ts";
 * import assert from "node:assert/strict";
 *
 * const drain = { draining: false };
 * const app = new Hono<AppEnv>();
 * app.onError(problemErrors());
 * app.use(refuseWhileDraining(drain));
 * app.post("/v1/speak", (c) => c.text("ok"));
 * assert.equal((await app.request("/v1/speak", { method: "POST" })).status, 200);
 * drain.draining = true;
 * const refused = await app.request("/v1/speak", { method: "POST" });
 * assert.equal(refused.status, 503);
 * assert.equal(refused.headers.get("Retry-After"), "1");
 * assert.equal((await refused.json()).type, "urn:lipstream:problem:shutting-down");
 * ```
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
