/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (backend reachable,
 * models ready and answering, packs loaded; 503 + `Retry-After` otherwise;
 * `degraded` names models that failed while the rest serve). `/readyz` also
 * lists the voices and avatar packs skipped at start-up
 * (`voices: { failed: [{ file, field, message }] }`, same for `avatars`).
 *
 * @module
 */

import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import type { Readiness } from "../pipeline/types.ts";

/**
 * Creates the health routes.
 *
 * @param deps The readiness probe.
 * @returns The sub-app.
 */
export function healthRoutes(deps: { readiness: Readiness }): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      const report = await deps.readiness.check({ signal: c.req.raw.signal });
      c.header("Cache-Control", "no-store");
      if (!report.ready) {
        c.header("Retry-After", String(report.retryAfterSeconds ?? 5));
      }
      return c.json(
        {
          status: report.ready ? "ready" : "not ready",
          checks: report.checks,
          voices: { failed: report.failed?.voices ?? [] },
          avatars: { failed: report.failed?.avatars ?? [] },
          ...(report.degraded === undefined
            ? {}
            : { degraded: report.degraded }),
        },
        report.ready ? 200 : 503,
      );
    });
}
