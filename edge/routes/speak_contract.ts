/**
 * The contracts of `POST /v1/speak` and `DELETE /v1/utterances/{id}`.
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

/** The `multipart/mixed` stream of `/v1/speak` and `/v1/lipsync`. */
export const UTTERANCE_STREAM = {
  "multipart/mixed": { schema: Binary },
} as const;

/**
 * The `POST /v1/speak` route.
 *
 * @param schemas The request schemas the handler parses with.
 * @returns The route.
 *
 * @example The body is the speak schema
 * ```ts
 * import { speakRoute } from "./speak_contract.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const route = speakRoute(createRequestSchemas({ maxTextLength: 100 }));
 * assert.equal(route.getRoutingPath(), "/v1/speak");
 * ```
 */
export function speakRoute(schemas: Pick<RequestSchemas, "speak">) {
  return createRoute({
    method: "post",
    path: "/v1/speak",
    operationId: "speak",
    tags: ["speech"],
    summary: "Speak text as one multipart/mixed stream of WAV and JPEG parts",
    description:
      "Parts in order: a start JSON part (`voice`, `avatar`, `sample_rate`, `utterance_id`); per sentence a WAV part (`X-Sample-Start`, `X-Start-Ms`) then its JPEG parts (`X-Frame-Index`, `X-Pts-Ms`); an end JSON part with timings and `next_idle_position`. A failure after the first part ends the stream with a problem part. The `X-Utterance-Id` response header names the utterance for `DELETE /v1/utterances/{id}`.",
    security: BEARER,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: schemas.speak.openapi("SpeakRequest"),
          },
        },
      },
    },
    responses: {
      200: { description: "The utterance stream", content: UTTERANCE_STREAM },
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

/** The `DELETE /v1/utterances/{id}` route. */
export const cancelUtteranceRoute = createRoute({
  method: "delete",
  path: "/v1/utterances/{id}",
  operationId: "cancelUtterance",
  tags: ["speech"],
  summary: "Cancel a running utterance of this key",
  security: BEARER,
  request: {
    params: z.object({
      id: z.string().describe("The `X-Utterance-Id` of the stream"),
    }),
  },
  responses: {
    204: { description: "Cancelled" },
    ...problemResponses(401, 404, 503),
  },
});
