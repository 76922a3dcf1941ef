/**
 * The contracts of `GET /healthz` and `GET /readyz`.
 *
 * @module
 */

import { createRoute, z } from "@hono/zod-openapi";
import { OPTIONAL_BEARER } from "./_contract.ts";

const LoadFailures = z.object({
  failed: z.array(z.object({
    file: z.string(),
    field: z.string(),
    message: z.string(),
  })),
});

/** The `GET /readyz` answer; without a valid key (when keys are set), `status` alone. */
export const ReadinessSchema = z.object({
  status: z.enum(["ready", "not ready"]),
  checks: z.record(
    z.string(),
    z.object({ ok: z.boolean(), detail: z.string().optional() }),
  ).optional(),
  voices: LoadFailures.optional().describe("Voices skipped at start-up"),
  avatars: LoadFailures.optional().describe("Avatar packs skipped at start-up"),
  degraded: z.array(z.string()).optional().describe(
    "Models that failed while the rest serve",
  ),
}).openapi("Readiness");

/** The `GET /healthz` route. */
export const healthzRoute = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "healthz",
  tags: ["operations"],
  summary: "Liveness: the process answers",
  security: [],
  responses: {
    200: {
      description: "Alive",
      content: {
        "application/json": { schema: z.object({ status: z.literal("ok") }) },
      },
    },
  },
});

/** The `GET /readyz` route. */
export const readyzRoute = createRoute({
  method: "get",
  path: "/readyz",
  operationId: "readyz",
  tags: ["operations"],
  summary:
    "Readiness: backend reachable, models ready, packs loaded, not draining",
  description:
    "The checks and start-up failures show only without `API_KEYS` or to a caller with a valid key; anyone else gets `status` alone.",
  security: OPTIONAL_BEARER,
  responses: {
    200: {
      description: "Ready",
      content: { "application/json": { schema: ReadinessSchema } },
    },
    503: {
      description: "Not ready, or shutting down (`Retry-After`)",
      headers: {
        "Retry-After": {
          description: "Seconds to wait before asking again",
          schema: { type: "integer", minimum: 0 },
        },
      },
      content: { "application/json": { schema: ReadinessSchema } },
    },
  },
});
