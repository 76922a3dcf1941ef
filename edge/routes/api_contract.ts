/**
 * Every documented route of the API, in the order of the document. Each one
 * is declared once, in its `*_contract.ts`; the route files register these
 * objects and `openapi.ts` builds `/openapi.json` from this list.
 *
 * @module
 */

import type { RequestSchemas } from "../http/schemas.ts";
import {
  avatarFrameRoute,
  avatarsRoute,
  idleFrameRoute,
  voicesRoute,
} from "./catalog_contract.ts";
import { healthzRoute, readyzRoute } from "./health_contract.ts";
import { lipsyncRoute } from "./lipsync_contract.ts";
import { mediaTokenRoute } from "./media_token_contract.ts";
import { metricsRoute } from "./metrics_contract.ts";
import { mjpegRoute } from "./mjpeg_contract.ts";
import { cancelUtteranceRoute, speakRoute } from "./speak_contract.ts";
import { ttsRoute } from "./tts_contract.ts";

/**
 * The documented routes, built over the request schemas the handlers parse with.
 *
 * @param schemas The request schemas.
 * @returns The routes.
 *
 * @example Each route has an operation id
 * ```ts
 * import { apiRoutes } from "./api_contract.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const routes = apiRoutes(createRequestSchemas({ maxTextLength: 100 }));
 * assert.ok(routes.every((route) => route.operationId));
 * ```
 */
export function apiRoutes(schemas: RequestSchemas) {
  return [
    speakRoute(schemas),
    cancelUtteranceRoute,
    ttsRoute(schemas),
    lipsyncRoute(schemas),
    mjpegRoute(schemas),
    voicesRoute,
    avatarsRoute,
    idleFrameRoute(schemas),
    avatarFrameRoute,
    healthzRoute,
    readyzRoute,
    metricsRoute,
    mediaTokenRoute,
  ];
}
