/**
 * Runs a zod schema over a parsed config and turns the first issue into a
 * {@linkcode VoiceConfigError} naming the file and field path.
 *
 * @module
 */

import type { z } from "zod";
import { VoiceConfigError } from "./voice_config_error.ts";

/** Parses `json` with `schema`, throwing a {@linkcode VoiceConfigError} on failure. */
export function parseConfig<T extends z.ZodType>(
  schema: T,
  json: unknown,
  file: string,
): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = (issue?.path ?? []).map(String).join(".");
  throw new VoiceConfigError(file, {
    field,
    message: issue?.message ?? "invalid config",
    cause: result.error,
  });
}
