/**
 * The contract of `POST /v1/lipsync`: a WAV body with the parameters in the
 * query, or a `multipart/form-data` upload with the parameters as fields.
 *
 * @module
 */

import { createRoute } from "@hono/zod-openapi";
import type { RequestSchemas } from "../http/schemas.ts";
import {
  BACKEND_STATUSES,
  BEARER,
  Binary,
  problemResponses,
} from "./_contract.ts";
import { UTTERANCE_STREAM } from "./speak_contract.ts";

/**
 * The `POST /v1/lipsync` route.
 *
 * @param schemas The request schemas the handler parses with.
 * @returns The route.
 *
 * @example `avatar` is a required form field, and optional in the query
 * ```ts
 * import { lipsyncRoute } from "./lipsync_contract.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const route = lipsyncRoute(createRequestSchemas({ maxTextLength: 100 }));
 * const form = route.request.body.content["multipart/form-data"].schema;
 * assert.equal(form.safeParse({ audio: "x" }).success, false);
 * assert.equal(route.request.query.safeParse({}).success, true);
 * ```
 */
export function lipsyncRoute(schemas: Pick<RequestSchemas, "lipsync">) {
  const wav = { schema: Binary };
  return createRoute({
    method: "post",
    path: "/v1/lipsync",
    operationId: "lipsync",
    tags: ["lipsync"],
    summary:
      "Lip-sync uploaded audio: the same multipart/mixed stream as /v1/speak, without synthesis",
    description:
      "Send the WAV bytes as the body with the parameters in the query (`avatar` is then required there), or `multipart/form-data` with the file in the field `audio` and the parameters as fields (the query is then ignored). Each second of audio comes back as a WAV part followed by its JPEG parts.",
    security: BEARER,
    request: {
      query: schemas.lipsync.partial(),
      body: {
        required: true,
        content: {
          "audio/wav": wav,
          "audio/x-wav": wav,
          "audio/wave": wav,
          "audio/vnd.wave": wav,
          "multipart/form-data": {
            schema: schemas.lipsync.extend({ audio: Binary }).openapi(
              "LipsyncForm",
            ),
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
        429,
        ...BACKEND_STATUSES,
      ),
    },
  });
}
