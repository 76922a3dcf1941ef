/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (backend reachable,
 * models ready and answering, packs loaded, not draining; 503 + `Retry-After`
 * otherwise; `degraded` names models that failed while the rest serve).
 * `/readyz` also lists the voices and avatar packs skipped at start-up
 * (`voices: { failed: [{ file, field, message }] }`, same for `avatars`).
 * With API keys configured, `/readyz` shows its details (which name the
 * backend's models and may carry its error text) only to a caller with a valid
 * key; anyone else gets the status alone.
 *
 * @module
 */

import { Hono } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import { checkApiKey } from "../http/middleware/api_key.ts";
import type { Readiness } from "../pipeline/types.ts";
import { healthzRoute, readyzRoute } from "./health_contract.ts";

/**
 * Creates the health routes.
 *
 * @param deps The readiness probe, the API keys (empty: no auth) and the drain
 * state (a draining server is not ready).
 * @returns The sub-app.
 *
 * @example Ready until the drain begins; details only with a key
 * ```ts
 * import { healthRoutes } from "./health.ts";
 * import assert from "node:assert/strict";
 *
 * const key = "k".repeat(16);
 * const drain = { draining: false };
 * const app = healthRoutes({
 *   readiness: {
 *     check: () => Promise.resolve({ ready: true, checks: { backend: { ok: true } } }),
 *   },
 *   apiKeys: [key],
 *   drain,
 * });
 * assert.deepEqual(await (await app.request("/healthz")).json(), { status: "ok" });
 * assert.deepEqual(await (await app.request("/readyz")).json(), { status: "ready" });
 * const detailed = await app.request("/readyz", { headers: { Authorization: `Bearer ${key}` } });
 * assert.deepEqual((await detailed.json()).checks, { backend: { ok: true } });
 * drain.draining = true;
 * const draining = await app.request("/readyz");
 * assert.equal(draining.status, 503);
 * assert.equal(draining.headers.get("Retry-After"), "1");
 * await draining.body?.cancel();
 * ```
 */
export function healthRoutes(
  deps: {
    readiness: Readiness;
    apiKeys?: readonly string[];
    drain?: { readonly draining: boolean };
  },
): Hono<AppEnv> {
  const keys = (deps.apiKeys ?? []).map((key) => new TextEncoder().encode(key));
  return new Hono<AppEnv>()
    .on(
      healthzRoute.method,
      healthzRoute.getRoutingPath(),
      (c) => c.json({ status: "ok" }),
    )
    .on(readyzRoute.method, readyzRoute.getRoutingPath(), async (c) => {
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
      const status = report.ready ? "ready" : "not ready";
      const code = report.ready ? 200 : 503;
      const detailed = keys.length === 0 ||
        checkApiKey(keys, c.req.header("Authorization")).ok;
      if (!detailed) return c.json({ status }, code);
      return c.json(
        {
          status,
          checks: report.checks,
          voices: { failed: report.failed?.voices ?? [] },
          avatars: { failed: report.failed?.avatars ?? [] },
          ...(report.degraded === undefined
            ? {}
            : { degraded: report.degraded }),
        },
        code,
      );
    });
}
