/**
 * Request ids: taken from a safe incoming `X-Request-Id` or generated, exposed
 * as `c.var.requestId`, attached to the request's logger, and echoed on every
 * response.
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import type { Logger } from "../../log.ts";

const REQUEST_ID_REGEXP = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Creates the request-id middleware.
 *
 * @param options The base logger and an id generator.
 * @returns The middleware.
 *
 * @example A safe incoming id is kept, an unsafe one replaced
 * ```ts
 * import { Hono } from "hono";
 * import { createJsonLogger } from "../../log.ts";
 * import type { AppEnv } from "../app_env.ts";
 * import { requestId } from "./request_id.ts";
 * import assert from "node:assert/strict";
 *
 * const app = new Hono<AppEnv>();
 * app.use(requestId({ log: createJsonLogger({ write: () => {} }), generate: () => "new-id" }));
 * app.get("/", (c) => c.text(c.var.requestId));
 * const kept = await app.request("/", { headers: { "X-Request-Id": "abc-1" } });
 * assert.equal(await kept.text(), "abc-1");
 * assert.equal(kept.headers.get("X-Request-Id"), "abc-1");
 * const replaced = await app.request("/", { headers: { "X-Request-Id": "a b" } });
 * assert.equal(await replaced.text(), "new-id");
 * ```
 */
export function requestId(
  options: { log: Logger; generate?: () => string },
): MiddlewareHandler<AppEnv> {
  const { log, generate = () => crypto.randomUUID() } = options;
  return async function requestId(c, next) {
    const incoming = c.req.header("X-Request-Id");
    const id = incoming && REQUEST_ID_REGEXP.test(incoming)
      ? incoming
      : generate();
    c.set("requestId", id);
    c.set("log", log.with({ request_id: id }));
    await next();
    c.res.headers.set("X-Request-Id", id);
  };
}
