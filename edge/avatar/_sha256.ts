/**
 * SHA-256 as lower-case hex with Web Crypto (available on every edge runtime).
 *
 * @module
 */

/** Hashes bytes with `crypto.subtle.digest("SHA-256")`. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as BufferSource),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
