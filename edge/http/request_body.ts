/**
 * Reads a JSON body and validates it: 400 on malformed JSON, 400 with field
 * paths on schema failures (thrown as the zod error, mapped by the error handler).
 *
 * @module
 */

import type { z } from "zod";
import { problem } from "./problem.ts";

/**
 * Parses the request's JSON body against a schema.
 *
 * @param request The request (its body is consumed).
 * @param schema The schema.
 * @returns The parsed value.
 * @throws {ProblemError} 400 on malformed JSON.
 * @throws {z.ZodError} On a schema failure.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  let value: unknown;
  try {
    value = JSON.parse(await request.text());
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw problem(400, "malformed-json", {
      detail: "The request body is not valid JSON",
    });
  }
  return schema.parse(value);
}
