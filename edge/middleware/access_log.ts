/**
 * Access logs and request counts: one structured line and one counter sample
 * per request, keyed by the route pattern (never the raw path, so ids do not
 * explode the label set).
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../app_env.ts";
import type { Counter } from "../prometheus.ts";

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
    const route = c.res.status === 404 && routePath(c, -1) === "/*"
      ? "unmatched"
      : routePath(c, -1);
    requests.inc({ route, method: c.req.method, status: c.res.status });
    c.var.log.info("request", {
      method: c.req.method,
      path: c.req.path,
      route,
      status: c.res.status,
      duration_ms: Math.round((now() - start) * 10) / 10,
    });
  };
}
