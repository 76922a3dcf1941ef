/**
 * Access logs and request counts: one structured line and one counter sample
 * per request, keyed by the route pattern (never the raw path, so ids do not
 * explode the label set). A streamed (`multipart/*`) response logs its line
 * when the stream ends, with its real duration, the time to its headers and
 * how it ended (`ended`, `cancelled` by the client, or `error`).
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
 * Creates the access-log middleware. It logs through `c.var.log`, so
 * `requestId` must run first.
 *
 * @param options The request counter and the clock in milliseconds.
 * @returns The middleware.
 *
 * @example Counted and logged by route pattern, not by path
 * ```ts
 * import { Hono } from "hono";
 * import { createJsonLogger } from "../../log.ts";
 * import type { AppEnv } from "../app_env.ts";
 * import { MetricsRegistry } from "../prometheus.ts";
 * import { accessLog } from "./access_log.ts";
 * import { requestId } from "./request_id.ts";
 * import assert from "node:assert/strict";
 *
 * const requests = new MetricsRegistry().counter("requests_total", "Requests.");
 * const lines: string[] = [];
 * const app = new Hono<AppEnv>();
 * app.use(requestId({ log: createJsonLogger({ write: (line) => lines.push(line) }) }));
 * app.use(accessLog({ requests }));
 * app.get("/v1/avatars/:id", (c) => c.text("ok"));
 * await (await app.request("/v1/avatars/a1")).text();
 * assert.equal(requests.get({ route: "/v1/avatars/:id", method: "GET", status: 200 }), 1);
 * const line = JSON.parse(lines[0]!);
 * assert.deepEqual([line.path, line.route], ["/v1/avatars/a1", "/v1/avatars/:id"]);
 * ```
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
    const fields = {
      method: c.req.method.slice(0, 32),
      path: c.req.path,
      route,
      status: c.res.status,
    };
    const headersMs = round(now() - start);
    const body = c.res.body;
    const streamed = /^multipart\//i.test(
      c.res.headers.get("content-type") ?? "",
    );
    if (!body || !streamed) {
      c.var.log.info("request", { ...fields, duration_ms: headersMs });
      return;
    }
    const log = c.var.log;
    let bytes = 0;
    let logged = false;
    const done = (stream: "ended" | "cancelled" | "error") => {
      if (logged) return; // a read in flight may settle after a cancel
      logged = true;
      log.info("request", {
        ...fields,
        duration_ms: round(now() - start),
        headers_ms: headersMs,
        stream,
        bytes,
      });
    };
    const reader = body.getReader();
    c.res = new Response(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { done: finished, value } = await reader.read();
            if (finished) {
              done("ended");
              controller.close();
            } else {
              bytes += value.length;
              controller.enqueue(value);
            }
          } catch (error) {
            done("error");
            controller.error(error);
          }
        },
        async cancel(reason) {
          done("cancelled");
          await reader.cancel(reason);
        },
      }, { highWaterMark: 0 }),
      c.res,
    );
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
