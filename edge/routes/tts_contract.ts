/**
 * The contract of `POST /v1/tts`.
 *
 * @module
 */

import { createRoute, z } from "@hono/zod-openapi";
import type { RequestSchemas } from "../http/schemas.ts";
import {
  BACKEND_STATUSES,
  BEARER,
  Binary,
  problemResponses,
} from "./_contract.ts";

/** The `format: "json"` answer of `/v1/tts`. */
export const TtsJsonSchema = z.object({
  audio: z.string().describe(
    "`data:audio/wav;base64,…`, ready for `<audio src>`",
  ),
  sample_rate: z.int(),
  duration_ms: z.int(),
}).openapi("TtsJson");

/**
 * The `POST /v1/tts` route.
 *
 * @param schemas The request schemas the handler parses with.
 * @returns The route.
 *
 * @example Two answer media types
 * ```ts
 * import { ttsRoute } from "./tts_contract.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const route = ttsRoute(createRequestSchemas({ maxTextLength: 100 }));
 * assert.deepEqual(Object.keys(route.responses[200].content), ["audio/wav", "application/json"]);
 * ```
 */
export function ttsRoute(schemas: Pick<RequestSchemas, "tts">) {
  return createRoute({
    method: "post",
    path: "/v1/tts",
    operationId: "tts",
    tags: ["speech"],
    summary: "Text to one in-memory WAV: the bytes, or JSON with a data URI",
    security: BEARER,
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: schemas.tts.openapi("TtsRequest") },
        },
      },
    },
    responses: {
      200: {
        description: "`format: wav`: the WAV bytes; `format: json`: a data URI",
        content: {
          "audio/wav": { schema: Binary },
          "application/json": { schema: TtsJsonSchema },
        },
      },
      ...problemResponses(
        400,
        401,
        404,
        408,
        413,
        415,
        422,
        429,
        ...BACKEND_STATUSES,
      ),
    },
  });
}
