/**
 * `POST /v1/tts`: the whole utterance as one in-memory WAV, either as
 * `audio/wav` bytes or as JSON with a `data:` URI ready for `<audio src>`.
 *
 * @module
 */

import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import { requireContentType } from "../http/middleware/content_type.ts";
import { readJsonBody } from "../http/request_body.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import { ttsBody } from "../pipeline/tts_body.ts";
import { runUtterance, type UtteranceDeps } from "../pipeline/utterance.ts";
import { ttsRequest } from "../pipeline/utterance_request.ts";
import { resolveVoice } from "./resolve.ts";
import { bodyTypes } from "./_contract.ts";
import { ttsRoute } from "./tts_contract.ts";

/** What the tts route needs. */
export interface TtsDeps extends UtteranceDeps {
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Slot middleware (synthesis holds backend capacity like a stream). */
  streamLimit: MiddlewareHandler<AppEnv>;
}

/**
 * Answers `POST /v1/tts`: parse → resolve → run → respond.
 *
 * @param c The request context.
 * @param deps Services, schemas and limits.
 * @returns The WAV or JSON response.
 */
export async function ttsHandler(
  c: Context<AppEnv>,
  deps: TtsDeps,
): Promise<Response> {
  const startedAtMs = deps.now();
  const body = await readJsonBody(c.req.raw, deps.schemas.tts);
  const voice = await resolveVoice(deps.speech, body);
  const utterance = await runUtterance(deps, ttsRequest(body, voice), {
    writer: ttsBody(body.format),
    owner: c.var.clientKey,
    log: c.var.log,
    startedAtMs,
    signal: c.req.raw.signal,
  });
  return c.body(utterance.body, 200, utterance.headers);
}

/**
 * Creates the tts route.
 *
 * @param deps Services, schemas and limits.
 * @returns The sub-app.
 */
export function ttsRoutes(deps: TtsDeps): Hono<AppEnv> {
  const route = ttsRoute(deps.schemas);
  return new Hono<AppEnv>().on(
    route.method,
    route.getRoutingPath(),
    requireContentType(bodyTypes(route)),
    deps.streamLimit,
    (c) => ttsHandler(c, deps),
  );
}
