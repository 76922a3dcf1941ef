/**
 * Access logs and request counts: one structured line and one counter sample
 * per request, keyed by the route pattern (never the raw path, so ids do not
 * explode the label set).
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../app_env.ts";
import type { Counter } from "../prometheus.ts";

/** Methods kept as metric labels; any other method counts as `other`. */
const KNOWN_METHODS = new Set([
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
]);

/**
 * Creates the access-log middleware.
 *
 * @param options The request counter and the clock in milliseconds.
 * @returns The middleware.
 */
export function accessLog(
  options: { requests: Counter; now?: () => number },
): MiddlewareHandler<AppEnv> {
  const { requests, now = () => performance.now() } = options;
  return async function accessLog(c, next) {
    const start = now();
    await next();
    // The handler's pattern (middleware, method ALL, may match after it).
    const route = matchedRoutes(c).find((r) => r.method !== "ALL")?.path ??
      "unmatched";
    const method = KNOWN_METHODS.has(c.req.method) ? c.req.method : "other";
    requests.inc({ route, method, status: c.res.status });
    c.var.log.info("request", {
      method: c.req.method.slice(0, 32),
      path: c.req.path,
      route,
      status: c.res.status,
      duration_ms: Math.round((now() - start) * 10) / 10,
    });
  };
}
