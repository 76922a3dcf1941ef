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
