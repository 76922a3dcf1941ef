/**
 * Short-lived signed tokens for URLs a browser loads by itself (`<img
 * src>`, `<audio src>`), which cannot send an `Authorization` header. An
 * authenticated caller mints one (`POST /v1/media-token`); the URL carries it
 * as `?token=…`, and it stands for the minting key until it expires.
 *
 * A token is `v1.<expiry>.<key index>.<signature>`: the expiry in
 * milliseconds since the epoch (base 36), and an HMAC-SHA-256 (RFC 2104) of
 * the first three fields under a secret derived from the whole key list. So
 * every replica with the same `API_KEYS` accepts it with no shared store, and
 * changing the keys revokes every token.
 *
 * @module
 */

import { equalConstantTime } from "./constant_time.ts";

const encoder = new TextEncoder();

/** The outcome of checking a token. */
export type TokenCheck =
  | { ok: true; index: number }
  | { ok: false; reason: "malformed" | "expired" | "invalid" };

/** A minted token. */
export interface MediaToken {
  /** The token, safe in a URL query. */
  token: string;
  /** When it stops being accepted, ms since the epoch. */
  expiresAtMs: number;
}

/** Mints and checks media tokens for one key list. */
export interface MediaTokens {
  /** A token standing for key `index`, valid for the configured time. */
  mint(index: number): Promise<MediaToken>;
  /** Whether `token` was minted for this key list and has not expired. */
  verify(token: string): Promise<TokenCheck>;
}

/** Options of {@linkcode createMediaTokens}. */
export interface MediaTokenOptions {
  /** The API keys (the secret is derived from all of them). */
  keys: readonly string[];
  /** How long a token is accepted. @default {600_000} (10 minutes) */
  ttlMs?: number;
  /** The wall clock in ms since the epoch. @default {Date.now} */
  now?: () => number;
}

/**
 * Creates the token minter and checker for `keys`.
 *
 * @param options The keys, lifetime and clock.
 * @returns The tokens.
 *
 * @example
 * ```ts
 * import { createMediaTokens } from "./media_token.ts";
 * import assert from "node:assert/strict";
 *
 * let now = 1_000_000;
 * const tokens = createMediaTokens({ keys: ["k".repeat(16)], ttlMs: 60_000, now: () => now });
 * const { token } = await tokens.mint(0);
 * assert.deepEqual(await tokens.verify(token), { ok: true, index: 0 });
 * now += 60_001;
 * assert.deepEqual(await tokens.verify(token), { ok: false, reason: "expired" });
 * ```
 */
export function createMediaTokens(options: MediaTokenOptions): MediaTokens {
  const ttlMs = options.ttlMs ?? 600_000;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) {
    throw new RangeError(
      `Cannot create media tokens: ttlMs must be a positive integer: received ${ttlMs}`,
    );
  }
  const now = options.now ?? Date.now;
  const keyCount = options.keys.length;
  // Derived on first use: creating the minter starts no async work.
  let secret: Promise<CryptoKey> | undefined;
  const sign = async (fields: string) =>
    new Uint8Array(
      await crypto.subtle.sign(
        "HMAC",
        await (secret ??= deriveSecret(options.keys)),
        encoder.encode(fields),
      ),
    );
  return {
    async mint(index) {
      if (!Number.isSafeInteger(index) || index < 0 || index >= keyCount) {
        throw new RangeError(
          `Cannot mint a media token: no key ${index} of ${keyCount}`,
        );
      }
      const expiresAtMs = now() + ttlMs;
      const fields = `v1.${expiresAtMs.toString(36)}.${index}`;
      return {
        token: `${fields}.${base64Url(await sign(fields))}`,
        expiresAtMs,
      };
    },
    async verify(token) {
      const match = /^(v1\.([0-9a-z]{1,11})\.(\d{1,6}))\.([\w-]{43})$/.exec(
        token,
      );
      if (!match) return { ok: false, reason: "malformed" };
      const [, fields, expiry, index, signature] = match;
      const expected = base64Url(await sign(fields!));
      if (
        !equalConstantTime(encoder.encode(expected), encoder.encode(signature!))
      ) {
        return { ok: false, reason: "invalid" };
      }
      if (parseInt(expiry!, 36) < now()) {
        return { ok: false, reason: "expired" };
      }
      const keyIndex = Number(index);
      if (keyIndex >= keyCount) return { ok: false, reason: "invalid" };
      return { ok: true, index: keyIndex };
    },
  };
}

/** HMAC key = SHA-256 of the key list, length-prefixed so no two lists collide. */
async function deriveSecret(keys: readonly string[]): Promise<CryptoKey> {
  const material = keys.map((key) => `${encoder.encode(key).length}:${key}`)
    .join("");
  const digest = await crypto.subtle.digest(
    "SHA-256",
    encoder.encode(`lipstream media token v1\n${material}`),
  );
  return await crypto.subtle.importKey(
    "raw",
    digest,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
}

/** Deno (the edge's runtime) has `Uint8Array.prototype.toBase64` (TC39 base64 proposal). */
function base64Url(bytes: Uint8Array): string {
  return bytes.toBase64({ alphabet: "base64url", omitPadding: true });
}
