/**
 * Internal: optional properties under `exactOptionalPropertyTypes`.
 *
 * @module
 */

/**
 * `{[key]: value}` when value is defined, else `{}`, for spreading into an
 * object whose optional properties must be absent rather than `undefined`.
 *
 * @example
 * ```ts
 * import { optional } from "./_optional.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual({ a: 1, ...optional("b", undefined) }, { a: 1 });
 * assert.deepEqual({ a: 1, ...optional("b", 2) }, { a: 1, b: 2 });
 * ```
 */
export function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
