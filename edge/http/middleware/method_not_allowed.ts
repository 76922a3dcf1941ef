/**
 * 405 for a known path asked with a method it does not serve: the app's
 * `notFound` handler asks {@linkcode allowedMethods} which methods the
 * routes registered for the path, and answers 405 with `Allow` when there
 * are any (RFC 9110 §15.5.6), 404 otherwise.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
 * @module
 */

/** A registered route, as Hono lists it in `app.routes`. */
export interface RouteEntry {
  /** The pattern, e.g. `/v1/avatars/:id/idle.jpg`. */
  path: string;
  /** The method, or `ALL` for middleware. */
  method: string;
}

/**
 * Builds a lookup of the methods each route pattern serves.
 *
 * @param routes The app's routes (middleware, method `ALL`, is skipped).
 * @returns A function from a request path to its methods (empty: unknown path).
 *
 * @example
 * ```ts
 * import { allowedMethods } from "./method_not_allowed.ts";
 * import assert from "node:assert/strict";
 *
 * const allowed = allowedMethods([
 *   { path: "/v1/speak", method: "POST" },
 *   { path: "/v1/avatars/:id/idle.jpg", method: "GET" },
 *   { path: "/v1/*", method: "ALL" },
 * ]);
 * assert.deepEqual(allowed("/v1/speak"), ["POST"]);
 * assert.deepEqual(allowed("/v1/avatars/a1/idle.jpg"), ["GET", "HEAD"]);
 * assert.deepEqual(allowed("/nope"), []);
 * ```
 */
export function allowedMethods(
  routes: readonly RouteEntry[],
): (path: string) => string[] {
  const patterns: { regexp: RegExp; method: string }[] = [];
  for (const route of routes) {
    if (route.method === "ALL") continue;
    patterns.push({ regexp: patternRegExp(route.path), method: route.method });
  }
  return (path) => {
    const methods = new Set<string>();
    for (const { regexp, method } of patterns) {
      if (!regexp.test(path)) continue;
      methods.add(method);
      // Hono answers HEAD with the GET handler.
      if (method === "GET") methods.add("HEAD");
    }
    return [...methods];
  };
}

/** `/a/:id/b.jpg` → `^/a/[^/]+/b\.jpg$`; `*` matches the rest. */
function patternRegExp(pattern: string): RegExp {
  const source = pattern.split("/").map((segment) => {
    if (segment === "*") return ".*";
    return segment.replace(
      /:[A-Za-z0-9_]+|[.*+?^${}()|[\]\\]/g,
      (token) => token.startsWith(":") ? "[^/]+" : `\\${token}`,
    );
  }).join("/");
  return new RegExp(`^${source}$`);
}
