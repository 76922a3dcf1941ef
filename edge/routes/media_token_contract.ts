/**
 * The contract of `POST /v1/media-token`.
 *
 * @module
 */

import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, problemResponses } from "./_contract.ts";

/** The `POST /v1/media-token` answer. */
export const MediaTokenSchema = z.object({
  token: z.string().nullable().describe(
    "Add as `?token=` to `GET /v1/speak.mjpeg` and `GET /v1/avatars/…` URLs; `null` when the server has no `API_KEYS` (no token needed)",
  ),
  expires_at: z.string().nullable().describe(
    "When the token stops being accepted (ISO 8601)",
  ),
}).openapi("MediaToken");

/** The `POST /v1/media-token` route. */
export const mediaTokenRoute = createRoute({
  method: "post",
  path: "/v1/media-token",
  operationId: "mintMediaToken",
  tags: ["operations"],
  summary: "A short-lived token for URLs that <img> and <audio> load",
  description:
    "Browsers cannot send `Authorization` from `<img src>`: mint a token with the key, put it in the URL. It stands for the same key until it expires (`MEDIA_TOKEN_TTL_MS`), on every replica with the same `API_KEYS`; changing the keys revokes it.",
  security: BEARER,
  responses: {
    200: {
      description: "The token",
      content: { "application/json": { schema: MediaTokenSchema } },
    },
    ...problemResponses(401),
  },
});
