/**
 * The contracts of the catalog: `GET /v1/voices`, `GET /v1/avatars` and the
 * avatar's idle frames.
 *
 * @module
 */

import { createRoute, z } from "@hono/zod-openapi";
import { type RequestSchemas, SAFE_ID_REGEXP } from "../http/schemas.ts";
import { BEARER, Binary, problemResponses } from "./_contract.ts";

/** The `GET /v1/voices` answer. */
export const VoicesSchema = z.object({
  voices: z.array(z.object({
    id: z.string(),
    kind: z.enum(["vits", "piper", "espeak"]),
    languages: z.array(z.string()),
    speakers: z.array(z.string()),
    num_speakers: z.int(),
    sample_rate: z.int(),
    fixture: z.boolean().describe(
      "A generated test model, not a real voice: clients must say so",
    ),
    demo: z.boolean().describe(
      "The eSpeak NG demo synthesizer: real words, but not a VITS voice; clients must say so",
    ),
  })),
}).openapi("Voices");

/** The `GET /v1/avatars` answer. */
export const AvatarsSchema = z.object({
  avatars: z.array(z.object({
    id: z.string(),
    width: z.int(),
    height: z.int(),
    fps: z.number(),
    frame_count: z.int(),
    demo: z.boolean().describe("The drawn demo avatar, not a real face"),
  })),
}).openapi("Avatars");

const JPEG = { "image/jpeg": { schema: Binary } } as const;
const AvatarId = z.string().regex(SAFE_ID_REGEXP).describe(
  "Avatar id from `GET /v1/avatars`",
);

/** The `GET /v1/voices` route. */
export const voicesRoute = createRoute({
  method: "get",
  path: "/v1/voices",
  operationId: "listVoices",
  tags: ["catalog"],
  summary: "The voices that can be requested",
  security: BEARER,
  responses: {
    200: {
      description: "The voices",
      content: { "application/json": { schema: VoicesSchema } },
    },
    ...problemResponses(401),
  },
});

/** The `GET /v1/avatars` route. */
export const avatarsRoute = createRoute({
  method: "get",
  path: "/v1/avatars",
  operationId: "listAvatars",
  tags: ["catalog"],
  summary: "The avatars that can be requested",
  security: BEARER,
  responses: {
    200: {
      description: "The avatars",
      content: { "application/json": { schema: AvatarsSchema } },
    },
    ...problemResponses(401),
  },
});

/**
 * The `GET /v1/avatars/{id}/idle.jpg` route.
 *
 * @param schemas The request schemas the handler parses with.
 * @returns The route.
 *
 * @example Hono's path for it
 * ```ts
 * import { idleFrameRoute } from "./catalog_contract.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const route = idleFrameRoute(createRequestSchemas({ maxTextLength: 100 }));
 * assert.equal(route.getRoutingPath(), "/v1/avatars/:id/idle.jpg");
 * ```
 */
export function idleFrameRoute(schemas: Pick<RequestSchemas, "idle">) {
  return createRoute({
    method: "get",
    path: "/v1/avatars/{id}/idle.jpg",
    operationId: "getIdleFrame",
    tags: ["catalog"],
    summary:
      "The avatar's idle frame, to show before and after speech: the frame the session's next utterance starts on",
    security: BEARER,
    request: { params: z.object({ id: AvatarId }), query: schemas.idle },
    responses: {
      200: { description: "The JPEG", content: JPEG },
      ...problemResponses(400, 401, 404),
    },
  });
}

/** The `GET /v1/avatars/{id}/frames/{file}` route. */
export const avatarFrameRoute = createRoute({
  method: "get",
  path: "/v1/avatars/{id}/frames/{file}",
  operationId: "getAvatarFrame",
  tags: ["catalog"],
  summary:
    "Frame `index` of the avatar's idle video, for clients that animate the ping-pong idle loop themselves (position p shows frame p < n ? p : 2·(n−1) − p)",
  security: BEARER,
  request: {
    params: z.object({
      id: AvatarId,
      file: z.string().regex(/^\d{1,6}\.jpg$/).describe(
        "`<index>.jpg`, index from 0 to `frame_count` − 1",
      ),
    }),
  },
  responses: {
    200: { description: "The JPEG", content: JPEG },
    ...problemResponses(401, 404),
  },
});
