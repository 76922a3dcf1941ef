/**
 * Optional Bearer API keys, and who a caller is. With keys configured a
 * request must carry `Authorization: Bearer <key>`, compared in constant
 * time, and is known as `key:<index>` afterwards (the key itself is never
 * logged). Without keys a caller is known by its remote address
 * (`address:<ip>`), so per-caller stream limits apply per client rather than
 * to everybody at once; `anonymous` only when the runtime gives no address
 * (in-process `app.request()`).
 *
 * With media tokens (see `../media_token.ts`), a `GET` or `HEAD` without an
 * `Authorization` header may carry `?token=…` instead: URLs that `<img>` and
 * `<audio>` load by themselves cannot send a header.
 *
 * @module
 */

import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { equalConstantTime } from "../constant_time.ts";
import type { MediaTokens } from "../media_token.ts";
import { problem } from "../problem.ts";

/** The outcome of checking a request's key. */
export type KeyCheck =
  | { ok: true; index: number }
  | { ok: false; reason: "missing" | "invalid" };

/**
 * Checks an `Authorization` header against the keys (constant time per key).
 *
 * @param keys The accepted keys, encoded as UTF-8.
 * @param header The request's `Authorization` header.
 * @returns The matching key's index, or why there is none.
 *
 * @example
 * ```ts
 * import { checkApiKey } from "./api_key.ts";
 * import assert from "node:assert/strict";
 *
 * const keys = [new TextEncoder().encode("k".repeat(16))];
 * assert.deepEqual(checkApiKey(keys, `Bearer ${"k".repeat(16)}`), { ok: true, index: 0 });
 * assert.deepEqual(checkApiKey(keys, undefined), { ok: false, reason: "missing" });
 * assert.deepEqual(checkApiKey(keys, "Bearer nope"), { ok: false, reason: "invalid" });
 * ```
 */
export function checkApiKey(
  keys: readonly Uint8Array[],
  header: string | undefined,
): KeyCheck {
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header ?? "");
  if (!match) return { ok: false, reason: "missing" };
  const given = new TextEncoder().encode(match[1]!);
  const index = keys.findIndex((key) => equalConstantTime(key, given));
  return index < 0 ? { ok: false, reason: "invalid" } : { ok: true, index };
}

/**
 * The caller's remote address when the runtime gives one (`Deno.serve`
 * passes it as the handler's second argument, which Hono exposes as `c.env`).
 *
 * @param c The request context.
 * @returns The address, or `undefined` in process.
 *
 * @example As `Deno.serve` passes it, and in process
 * ```ts
 * import { Hono } from "hono";
 * import { remoteAddress } from "./api_key.ts";
 * import assert from "node:assert/strict";
 *
 * const app = new Hono().get("/", (c) => c.text(remoteAddress(c) ?? "none"));
 * const served = await app.request("/", {}, { remoteAddr: { hostname: "10.0.0.7" } });
 * assert.equal(await served.text(), "10.0.0.7");
 * assert.equal(await (await app.request("/")).text(), "none");
 * ```
 */
export function remoteAddress(c: Context): string | undefined {
  const env = c.env as { remoteAddr?: { hostname?: unknown } } | undefined;
  const hostname = env?.remoteAddr?.hostname;
  return typeof hostname === "string" ? hostname : undefined;
}

/** Options of {@linkcode apiKey}. */
export interface ApiKeyOptions {
  /** Accepts `?token=` on `GET`/`HEAD` as the key that minted it. */
  tokens?: MediaTokens;
}

/**
 * Creates the API-key middleware.
 *
 * @param keys The accepted keys; empty turns authentication off.
 * @param options Media tokens.
 * @returns The middleware.
 * @example No key is a 401 problem; a valid key names the caller
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../app_env.ts";
 * import { apiKey } from "./api_key.ts";
 * import { problemErrors } from "./problem_errors.ts";
 * import assert from "node:assert/strict";
 *
 * const key = "k".repeat(16);
 * const app = new Hono<AppEnv>();
 * app.onError(problemErrors());
 * app.use(apiKey([key]));
 * app.get("/v1/voices", (c) => c.text(c.var.clientKey));
 * const anonymous = await app.request("/v1/voices");
 * assert.equal(anonymous.status, 401);
 * assert.equal(anonymous.headers.get("WWW-Authenticate"), 'Bearer realm="lipstream"');
 * await anonymous.body?.cancel();
 * const known = await app.request("/v1/voices", { headers: { Authorization: `Bearer ${key}` } });
 * assert.equal(await known.text(), "key:0");
 * ```
 */
export function apiKey(
  keys: readonly string[],
  options: ApiKeyOptions = {},
): MiddlewareHandler<AppEnv> {
  const encoder = new TextEncoder();
  const encoded = keys.map((key) => encoder.encode(key));
  const { tokens } = options;
  return async function apiKey(c, next) {
    if (encoded.length === 0) {
      const address = remoteAddress(c);
      c.set("clientKey", address ? `address:${address}` : "anonymous");
      return await next();
    }
    const header = c.req.header("Authorization");
    const token = c.req.query("token");
    const byToken = tokens !== undefined && header === undefined &&
      token !== undefined &&
      (c.req.method === "GET" || c.req.method === "HEAD");
    const check = byToken
      ? await tokens.verify(token)
      : checkApiKey(encoded, header);
    if (!check.ok) {
      throw problem(401, "unauthorized", {
        detail: byToken
          ? check.reason === "expired"
            ? "The media token has expired: mint another with POST /v1/media-token"
            : "The media token is not valid"
          : check.reason === "invalid"
          ? "The API key is not valid"
          : "Send an API key as 'Authorization: Bearer <key>'",
        headers: { "WWW-Authenticate": 'Bearer realm="lipstream"' },
      });
    }
    c.set("clientKey", `key:${check.index}`);
    await next();
  };
}
