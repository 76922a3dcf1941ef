/**
 * The `&token=…` for URLs an `<img>` loads by itself (simple mode's MJPEG),
 * which cannot send the API key: minted by `POST /v1/media-token` with the
 * key, only when the page has one.
 *
 * @module
 */

/**
 * The query suffix that authorizes an `<img>` URL: `""` without a key.
 *
 * @param headers The page's auth headers (empty without a key).
 * @param signal Aborts the minting request.
 * @param fetcher The fetch function. @default {fetch}
 * @returns `""` or `"&token=…"`.
 * @throws {Error} When the server refuses the key.
 *
 * @example Without a key nothing is asked
 * ```ts
 * import { mediaTokenQuery } from "./media_token.ts";
 * import assert from "node:assert/strict";
 *
 * const never = () => Promise.reject(new Error("no request expected"));
 * assert.equal(await mediaTokenQuery({}, AbortSignal.timeout(1000), never), "");
 * ```
 */
export async function mediaTokenQuery(
  headers: Record<string, string>,
  signal: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<string> {
  if (headers.Authorization === undefined) return "";
  const response = await fetcher("/v1/media-token", {
    method: "POST",
    headers,
    signal,
  });
  if (!response.ok) {
    throw new Error(`media token: HTTP ${response.status}`);
  }
  const { token } = await response.json() as { token: string | null };
  return token === null ? "" : `&token=${encodeURIComponent(token)}`;
}
