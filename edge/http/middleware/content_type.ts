/**
 * Requires a request media type → 415 problem otherwise.
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { problem } from "../problem.ts";

/**
 * Creates a middleware that accepts only bodies of the given media types.
 *
 * @param types Accepted media types without parameters, e.g. `["application/json"]`.
 * @returns The middleware.
 *
 * @example Parameters are ignored; another type is a 415 problem
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../app_env.ts";
 * import { requireContentType } from "./content_type.ts";
 * import { problemErrors } from "./problem_errors.ts";
 * import assert from "node:assert/strict";
 *
 * const app = new Hono<AppEnv>();
 * app.onError(problemErrors());
 * app.post("/v1/speak", requireContentType(["application/json"]), (c) => c.text("ok"));
 * const json = await app.request("/v1/speak", {
 *   method: "POST",
 *   headers: { "Content-Type": "application/json; charset=utf-8" },
 *   body: "{}",
 * });
 * assert.equal(await json.text(), "ok");
 * const text = await app.request("/v1/speak", {
 *   method: "POST",
 *   headers: { "Content-Type": "text/plain" },
 *   body: "Hi.",
 * });
 * assert.equal(text.status, 415);
 * assert.equal(text.headers.get("Accept-Post"), "application/json");
 * assert.equal((await text.json()).type, "urn:lipstream:problem:unsupported-media-type");
 * ```
 */
export function requireContentType(
  types: readonly string[],
): MiddlewareHandler {
  return async function requireContentType(c, next) {
    const given = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim()
      .toLowerCase();
    if (!types.includes(given)) {
      throw problem(415, "unsupported-media-type", {
        detail: `Expected Content-Type ${types.join(" or ")}: received ${
          JSON.stringify(given || "(none)")
        }`,
        headers: { "Accept-Post": types.join(", ") },
      });
    }
    await next();
  };
}
