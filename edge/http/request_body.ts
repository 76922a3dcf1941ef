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
 *
 * @example Malformed JSON and a schema failure are told apart
 * ```ts
 * import { z } from "zod";
 * import { ProblemError } from "./problem.ts";
 * import { readJsonBody } from "./request_body.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = z.object({ text: z.string() });
 * const post = (body: string) => new Request("http://localhost/v1/tts", { method: "POST", body });
 * assert.deepEqual(await readJsonBody(post('{"text":"Hi."}'), schema), { text: "Hi." });
 * await assert.rejects(
 *   readJsonBody(post("{"), schema),
 *   (error) => error instanceof ProblemError && error.problem.status === 400,
 * );
 * await assert.rejects(
 *   readJsonBody(post('{"text":1}'), schema),
 *   (error) => error instanceof z.ZodError && error.issues[0]?.path[0] === "text",
 * );
 * ```
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
