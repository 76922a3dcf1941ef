/**
 * `GET /` and `GET /web/:name`: the browser client (see `web/mod.ts`). Public
 * like the health routes; the page asks for an API key itself when the API
 * needs one.
 *
 * @module
 */

import { Hono } from "hono";
import type { Context } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import { problem } from "../http/problem.ts";
import { FAVICON_ICO } from "../web/favicon.ts";
import { INDEX_PAGE, PAGE_CSP, WEB_ASSETS, type WebAsset } from "../web/mod.ts";

/**
 * Creates the web client routes.
 *
 * @returns The sub-app.
 */
export function webRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/", (c) => sendAsset(c, INDEX_PAGE))
    .get("/favicon.ico", (c) =>
      c.body(FAVICON_ICO, 200, {
        "Content-Type": "image/x-icon",
        "Cache-Control": "public, max-age=86400",
        "X-Content-Type-Options": "nosniff",
      }))
    .get("/web/:name", (c) => {
      const asset = Object.hasOwn(WEB_ASSETS, c.req.param("name"))
        ? WEB_ASSETS[c.req.param("name")]
        : undefined;
      if (!asset) {
        throw problem(404, "not-found", { detail: "No such web asset" });
      }
      return sendAsset(c, asset);
    });
}

function sendAsset(c: Context<AppEnv>, asset: WebAsset): Response {
  return c.body(asset.body, 200, {
    "Content-Type": asset.contentType,
    "Cache-Control": "no-cache",
    "Content-Security-Policy": PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
  });
}
