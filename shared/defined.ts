/**
 * Optional properties under `exactOptionalPropertyTypes`: an object whose
 * `undefined` values are left out, so optional properties are absent rather
 * than `undefined`.
 *
 * @module
 */

/** `T` with every property that may be `undefined` made optional and never `undefined`. */
export type Defined<T> =
  & { [K in keyof T as undefined extends T[K] ? never : K]: T[K] }
  & {
    [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<
      T[K],
      undefined
    >;
  };

/**
 * Copies `object` without its `undefined` values.
 *
 * @param object The object.
 * @returns A new object with only the defined values.
 *
 * @example Absent, not undefined
 * ```ts
 * import { defined } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const options: { speed?: number; language?: string } = defined({
 *   speed: 1.5,
 *   language: undefined as string | undefined,
 * });
 * assert.deepEqual(options, { speed: 1.5 });
 * assert.equal("language" in options, false);
 * ```
 */
export function defined<T extends object>(object: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) out[key] = value;
  }
  return out as Defined<T>;
}
