/**
 * The edge server's configuration, read from environment variables and
 * validated with zod. Every variable is one row of
 * `config/variables.ts` (name, kind, default, meaning): the zod schema, the
 * {@linkcode EdgeConfig} type and the README's table all come from it.
 * `main.ts` passes `Deno.env.toObject()`; nothing else reads the environment.
 *
 * @module
 */

import { z } from "zod";
import { CONFIG_VARIABLES } from "./config/variables.ts";
import type { ValueOf } from "./config/variable.ts";

export type { LogLevel } from "./log.ts";

/**
 * The validated configuration, defaults filled in: one field per row of the
 * variables table (`config/variables.ts`; the README's "Configuration" table
 * lists each variable's default and meaning).
 */
export type EdgeConfig = {
  [K in keyof typeof CONFIG_VARIABLES]: ValueOf<typeof CONFIG_VARIABLES[K]>;
};

const FIELDS = Object.keys(CONFIG_VARIABLES) as (keyof EdgeConfig)[];

const ConfigSchema = z.object(
  Object.fromEntries(
    FIELDS.map((field) => [
      CONFIG_VARIABLES[field].env,
      CONFIG_VARIABLES[field].schema,
    ]),
  ),
);

/**
 * The audio bound that matches a text bound: a text of `maxTextLength`
 * characters read at 10 characters a second at the slowest speed the API
 * allows (0.25, four times as long), so every text the API accepts fits and
 * an upload may be as long as the longest text. 2000 characters → 800 s.
 *
 * @param maxTextLength `MAX_TEXT_LENGTH`.
 * @returns Seconds.
 *
 * @example
 * ```ts
 * import { defaultMaxAudioSeconds } from "@lipstream/edge/config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultMaxAudioSeconds(2000), 800);
 * ```
 */
export function defaultMaxAudioSeconds(maxTextLength: number): number {
  return Math.ceil(maxTextLength / 10 * 4);
}

/** Thrown by {@linkcode readConfig}; `issues` has one line per bad value. */
export class ConfigError extends Error {
  /** One message per bad variable. */
  readonly issues: readonly string[];

  /**
   * Creates the error.
   *
   * @param issues One message per bad variable.
   */
  constructor(issues: readonly string[]) {
    super(`Cannot read configuration: ${issues.join("; ")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/**
 * Reads and validates the configuration from environment variables.
 *
 * @param env The environment, e.g. `Deno.env.toObject()`.
 * @returns The configuration with defaults filled in.
 * @throws {ConfigError} Listing every bad value.
 *
 * @example Defaults and a bad value
 * ```ts
 * import { ConfigError, readConfig } from "@lipstream/edge/config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(readConfig({}).port, 8080);
 * assert.deepEqual(readConfig({ API_KEYS: "k".repeat(16) }).apiKeys, ["k".repeat(16)]);
 * assert.throws(
 *   () => readConfig({ PORT: "http" }),
 *   (error) => error instanceof ConfigError && /PORT must be an integer/.test(error.message),
 * );
 * ```
 */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
): EdgeConfig {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => issue.message));
  }
  const values = result.data as Record<string, unknown>;
  const config = Object.fromEntries(
    FIELDS.map((field) => [field, values[CONFIG_VARIABLES[field].env]]),
  ) as EdgeConfig;
  // The one value derived from another: 0 (the default) follows the text bound.
  config.maxAudioSeconds ||= defaultMaxAudioSeconds(config.maxTextLength);
  return config;
}
