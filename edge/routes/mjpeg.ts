/**
 * `GET /v1/speak.mjpeg?text=…&voice=…&avatar=…`: frames only, as
 * `multipart/x-mixed-replace` for an `<img>` tag, paced at the frame rate
 * (see `pipeline/mjpeg_parts.ts`). Cancel it like any utterance with
 * `DELETE /v1/utterances/:id`, the id being its `X-Utterance-Id`.
 *
 * The first audio is awaited before the response starts, so a text the
 * voice cannot speak (or any failure before the first audio) gets its
 * 4xx/5xx status; an image stream has no error part later.
 *
 * @module
 */

import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import { mjpegParts } from "../pipeline/mjpeg_parts.ts";
import { runUtterance, type UtteranceDeps } from "../pipeline/utterance.ts";
import { mjpegRequest } from "../pipeline/utterance_request.ts";
import { resolveAvatar, resolveVoice } from "./resolve.ts";
import { mjpegRoute } from "./mjpeg_contract.ts";

/** What the MJPEG route needs. */
export interface MjpegDeps extends UtteranceDeps {
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Stream-slot middleware. */
  streamLimit: MiddlewareHandler<AppEnv>;
  /** Default frame rate. */
  defaultFps: number;
}

/**
 * Answers `GET /v1/speak.mjpeg`: parse → resolve → run → respond.
 *
 * @param c The request context.
 * @param deps Services, schemas and limits.
 * @returns The streamed response.
 */
export async function mjpegHandler(
  c: Context<AppEnv>,
  deps: MjpegDeps,
): Promise<Response> {
  const startedAtMs = deps.now();
  const query = deps.schemas.mjpeg.parse(c.req.query());
  const voice = await resolveVoice(deps.speech, query);
  const avatar = await resolveAvatar(deps.lipSync, query.avatar);
  const request = mjpegRequest(query, {
    voice,
    avatar,
    defaultFps: deps.defaultFps,
  });
  const utterance = await runUtterance(deps, request, {
    writer: mjpegParts,
    owner: c.var.clientKey,
    log: c.var.log,
    startedAtMs,
  });
  return c.body(utterance.body, 200, utterance.headers);
}

/**
 * Creates the MJPEG route.
 *
 * @param deps Services, schemas and limits.
 * @returns The sub-app.
 */
export function mjpegRoutes(deps: MjpegDeps): Hono<AppEnv> {
  const route = mjpegRoute(deps.schemas);
  return new Hono<AppEnv>().on(
    route.method,
    route.getRoutingPath(),
    deps.streamLimit,
    (c) => mjpegHandler(c, deps),
  );
}
