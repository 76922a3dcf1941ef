/**
 * Comparison of secrets (API keys, token signatures) in time that depends
 * only on their lengths, so a caller cannot find a secret byte by byte by
 * timing the answers.
 *
 * @module
 */

/**
 * Whether `a` and `b` are the same bytes, in time that depends only on
 * their lengths.
 *
 * @example
 * ```ts
 * import { equalConstantTime } from "./constant_time.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = (text: string) => new TextEncoder().encode(text);
 * assert.equal(equalConstantTime(bytes("secret"), bytes("secret")), true);
 * assert.equal(equalConstantTime(bytes("secret"), bytes("secreT")), false);
 * assert.equal(equalConstantTime(bytes("secret"), bytes("secret!")), false);
 * ```
 */
export function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i % b.length] ?? 0);
  return diff === 0;
}
