/**
 * The contract of `GET /v1/speak.mjpeg`.
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

/**
 * The `GET /v1/speak.mjpeg` route.
 *
 * @param schemas The request schemas the handler parses with.
 * @returns The route.
 *
 * @example The parameters are in the query
 * ```ts
 * import { mjpegRoute } from "./mjpeg_contract.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const route = mjpegRoute(createRequestSchemas({ maxTextLength: 100 }));
 * assert.equal(route.request.query.safeParse({ text: "Hi." }).success, false);
 * ```
 */
export function mjpegRoute(schemas: Pick<RequestSchemas, "mjpeg">) {
  return createRoute({
    method: "get",
    path: "/v1/speak.mjpeg",
    operationId: "speakMjpeg",
    tags: ["speech"],
    summary: "Frames only, as multipart/x-mixed-replace for an <img> tag",
    description:
      "Paced at the frame rate; every part carries `Content-Length`, `X-Frame-Index` and `X-Pts-Ms`. Failures before the first frame get their status; later ones end the stream.",
    security: BEARER,
    request: { query: schemas.mjpeg },
    responses: {
      200: {
        description: "The MJPEG stream",
        content: { "multipart/x-mixed-replace": { schema: Binary } },
      },
      ...problemResponses(400, 401, 404, 413, 422, 429, ...BACKEND_STATUSES),
    },
  });
}
