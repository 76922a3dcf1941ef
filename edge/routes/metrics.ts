/**
 * `GET /metrics`: Prometheus text exposition.
 *
 * @module
 */

import { Hono } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import {
  type MetricsRegistry,
  PROMETHEUS_CONTENT_TYPE,
} from "../http/prometheus.ts";
import { metricsRoute } from "./metrics_contract.ts";

/**
 * Creates the metrics route.
 *
 * @param registry The registry to render.
 * @returns The sub-app.
 *
 * @example The registry in the text exposition format
 * ```ts
 * import { MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from "../http/prometheus.ts";
 * import { metricsRoutes } from "./metrics.ts";
 * import assert from "node:assert/strict";
 *
 * const registry = new MetricsRegistry();
 * registry.counter("jobs_total", "Jobs done.").inc({ kind: "a" }, 2);
 * const response = await metricsRoutes(registry).request("/metrics");
 * assert.equal(response.headers.get("Content-Type"), PROMETHEUS_CONTENT_TYPE);
 * assert.match(await response.text(), /^jobs_total\{kind="a"\} 2$/m);
 * ```
 */
export function metricsRoutes(registry: MetricsRegistry): Hono<AppEnv> {
  return new Hono<AppEnv>().on(
    metricsRoute.method,
    metricsRoute.getRoutingPath(),
    (c) =>
      c.body(registry.render(), 200, {
        "Content-Type": PROMETHEUS_CONTENT_TYPE,
        "Cache-Control": "no-store",
      }),
  );
}
