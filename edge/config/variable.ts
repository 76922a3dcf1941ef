/**
 * One row of the configuration table: an environment variable's name, kind,
 * default and meaning, and the zod schema derived from them.
 *
 * @module
 */

import { z } from "zod";
import { Invalid, type ValueKind } from "./value_kinds.ts";

/** An environment variable of the edge. */
export interface ConfigVariable<T> {
  /** The variable's name, e.g. `PORT`. */
  readonly env: string;
  /** What it accepts, in words (from its kind). */
  readonly accepts: string;
  /** The text used when the variable is unset or empty; absent: the value is `undefined`. */
  readonly default: string | undefined;
  /** How the README shows the default, when the text alone would mislead (e.g. a derived one). */
  readonly defaultShown: string | undefined;
  /** What it does, one Markdown sentence for the README. */
  readonly meaning: string;
  /** Trims, fills the default in, parses; an issue names the variable. */
  readonly schema: z.ZodType<T, string | undefined>;
}

/** Options for {@linkcode variable}. */
export interface VariableOptions<D extends string | undefined> {
  /** The text used when the variable is unset or empty (it is parsed like a set value). */
  default: D;
  /** How the README shows the default, when the text alone would mislead. */
  defaultShown?: string;
  /** What the variable does, one Markdown sentence. */
  meaning: string;
}

/**
 * Declares an environment variable: `kind` parses its trimmed text, or the
 * default when it is unset or empty; a bad value is one zod issue whose
 * message starts with the variable's name.
 *
 * @param env The variable's name.
 * @param kind What it holds.
 * @param options Its default and meaning.
 * @returns The variable, with its schema.
 *
 * @example
 * ```ts
 * import { variable } from "./variable.ts";
 * import { integer } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * const port = variable("PORT", integer(0, 65535), { default: "8080", meaning: "Port." });
 * assert.equal(port.schema.parse(undefined), 8080);
 * assert.equal(port.schema.parse(" 81 "), 81);
 * assert.equal(
 *   port.schema.safeParse("x").error?.issues[0]?.message,
 *   'PORT must be an integer from 0 to 65535: received "x"',
 * );
 * ```
 */
export function variable<T, const D extends string | undefined>(
  env: string,
  kind: ValueKind<T>,
  options: VariableOptions<D>,
): ConfigVariable<D extends string ? T : T | undefined> {
  const fallback = options.default;
  const schema = z.string().trim().optional().transform((raw, ctx) => {
    const text = raw === undefined || raw === "" ? fallback : raw;
    if (text === undefined) return undefined;
    const value = kind.parse(text);
    if (value instanceof Invalid) {
      ctx.addIssue({ code: "custom", message: `${env} ${value.message}` });
      return z.NEVER;
    }
    return value;
  });
  return {
    env,
    accepts: kind.accepts,
    default: fallback,
    defaultShown: options.defaultShown,
    meaning: options.meaning,
    schema: schema as z.ZodType<
      D extends string ? T : T | undefined,
      string | undefined
    >,
  };
}

/** The value type of a {@linkcode ConfigVariable}. */
export type ValueOf<V> = V extends ConfigVariable<infer T> ? T : never;
