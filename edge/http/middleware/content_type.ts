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
