/**
 * `POST /v1/media-token`: mints the caller a short-lived token for URLs a
 * browser loads by itself (see `../http/media_token.ts`).
 *
 * @module
 */

import { Hono } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import type { MediaTokens } from "../http/media_token.ts";
import { mediaTokenRoute } from "./media_token_contract.ts";

/**
 * Creates the media-token route (behind the API-key middleware).
 *
 * @param tokens The minter; `undefined` when the server has no API keys.
 * @returns The sub-app.
 *
 * @example A token for the key that asked
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../http/app_env.ts";
 * import { createMediaTokens } from "../http/media_token.ts";
 * import { mediaTokenRoutes } from "./media_token.ts";
 * import assert from "node:assert/strict";
 *
 * const tokens = createMediaTokens({ keys: ["k".repeat(16)] });
 * const app = new Hono<AppEnv>();
 * app.use((c, next) => (c.set("clientKey", "key:0"), next()));
 * app.route("/", mediaTokenRoutes(tokens));
 * const { token } = await (await app.request("/v1/media-token", { method: "POST" })).json();
 * assert.deepEqual(await tokens.verify(token), { ok: true, index: 0 });
 * ```
 */
export function mediaTokenRoutes(
  tokens: MediaTokens | undefined,
): Hono<AppEnv> {
  return new Hono<AppEnv>().on(
    mediaTokenRoute.method,
    mediaTokenRoute.getRoutingPath(),
    async (c) => {
      const index = /^key:(\d+)$/.exec(c.var.clientKey)?.[1];
      if (tokens === undefined || index === undefined) {
        return c.json({ token: null, expires_at: null });
      }
      const minted = await tokens.mint(Number(index));
      return c.json(
        {
          token: minted.token,
          expires_at: new Date(minted.expiresAtMs).toISOString(),
        },
        200,
        { "Cache-Control": "no-store" },
      );
    },
  );
}
