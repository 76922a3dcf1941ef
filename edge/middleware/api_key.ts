/**
 * Optional Bearer API keys. With no keys configured every caller is
 * `anonymous`; otherwise a request must carry `Authorization: Bearer <key>`,
 * compared in constant time, and is known as `key:<index>` afterwards (the key
 * itself is never logged).
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { problem } from "../problem.ts";

/**
 * Creates the API-key middleware.
 *
 * @param keys The accepted keys; empty turns authentication off.
 * @returns The middleware.
 */
export function apiKey(keys: readonly string[]): MiddlewareHandler<AppEnv> {
  const encoder = new TextEncoder();
  const encoded = keys.map((key) => encoder.encode(key));
  return async function apiKey(c, next) {
    if (encoded.length === 0) {
      c.set("clientKey", "anonymous");
      return await next();
    }
    const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(
      c.req.header("Authorization") ?? "",
    );
    const given = encoder.encode(match?.[1] ?? "");
    const index = encoded.findIndex((key) => equalConstantTime(key, given));
    if (!match || index < 0) {
      throw problem(401, "unauthorized", {
        detail: match
          ? "The API key is not valid"
          : "Send an API key as 'Authorization: Bearer <key>'",
        headers: { "WWW-Authenticate": 'Bearer realm="lipstream"' },
      });
    }
    c.set("clientKey", `key:${index}`);
    await next();
  };
}

/** Compares two byte strings in time that depends only on their lengths. */
function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i % b.length] ?? 0);
  return diff === 0;
}
