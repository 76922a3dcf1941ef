/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (backend reachable,
 * models ready, packs loaded, not draining; 503 + `Retry-After` otherwise).
 *
 * @module
 */

import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import type { Readiness } from "../pipeline/types.ts";

/**
 * Creates the health routes.
 *
 * @param deps The readiness probe and the drain state (a draining server is not ready).
 * @returns The sub-app.
 */
export function healthRoutes(
  deps: { readiness: Readiness; drain?: { readonly draining: boolean } },
): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      if (deps.drain?.draining) {
        c.header("Cache-Control", "no-store");
        c.header("Retry-After", "1");
        return c.json({
          status: "not ready",
          checks: { draining: { ok: false, detail: "shutting down" } },
        }, 503);
      }
      const report = await deps.readiness.check({ signal: c.req.raw.signal });
      c.header("Cache-Control", "no-store");
      if (!report.ready) {
        c.header("Retry-After", String(report.retryAfterSeconds ?? 5));
      }
      return c.json(
        { status: report.ready ? "ready" : "not ready", checks: report.checks },
        report.ready ? 200 : 503,
      );
    });
}
