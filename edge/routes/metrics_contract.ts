/**
 * The contract of `GET /metrics`.
 *
 * @module
 */

import { createRoute, z } from "@hono/zod-openapi";
import { PROMETHEUS_CONTENT_TYPE } from "../http/prometheus.ts";
import { OPTIONAL_BEARER, problemResponses } from "./_contract.ts";

/** The `GET /metrics` route. */
export const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  operationId: "metrics",
  tags: ["operations"],
  summary: "Prometheus metrics in the text exposition format",
  description: "Needs a key only with `METRICS_REQUIRE_KEY=true`.",
  security: OPTIONAL_BEARER,
  responses: {
    200: {
      description: "The exposition",
      content: { [PROMETHEUS_CONTENT_TYPE]: { schema: z.string() } },
    },
    ...problemResponses(401),
  },
});
