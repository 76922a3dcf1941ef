/**
 * `POST /v1/speak`: text in, one `multipart/mixed` stream out (start JSON,
 * per sentence a WAV part then its JPEG parts, end JSON with timings), and
 * `DELETE /v1/utterances/:id` to cancel one (of any streaming route).
 *
 * The first audio is awaited before the response starts, so failures that
 * happen before any audio (backend down, timeout, unknown speaker) still get
 * a proper status; later failures end the stream with a problem part.
 *
 * @module
 */

import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import { requireContentType } from "../http/middleware/content_type.ts";
import { problem } from "../http/problem.ts";
import { readJsonBody } from "../http/request_body.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import { runUtterance, type UtteranceDeps } from "../pipeline/utterance.ts";
import { multipartParts } from "../pipeline/utterance_parts.ts";
import { speakRequest } from "../pipeline/utterance_request.ts";
import { resolveAvatar, resolveVoice } from "./resolve.ts";
import { bodyTypes } from "./_contract.ts";
import { cancelUtteranceRoute, speakRoute } from "./speak_contract.ts";
import { SharedStoreUnavailableError } from "../store/shared_store.ts";

/** What the speak routes need. */
export interface SpeakDeps extends UtteranceDeps {
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Stream-slot middleware shared by all streaming routes. */
  streamLimit: MiddlewareHandler<AppEnv>;
  /** Default frame rate. */
  defaultFps: number;
}

/**
 * Answers `POST /v1/speak`: parse → resolve → run → respond.
 *
 * @param c The request context.
 * @param deps Services, schemas and limits.
 * @returns The streamed response.
 */
export async function speakHandler(
  c: Context<AppEnv>,
  deps: SpeakDeps,
): Promise<Response> {
  const startedAtMs = deps.now();
  const body = await readJsonBody(c.req.raw, deps.schemas.speak);
  const voice = await resolveVoice(deps.speech, body);
  const avatar = await resolveAvatar(deps.lipSync, body.avatar);
  const request = speakRequest(body, {
    voice,
    avatar,
    defaultFps: deps.defaultFps,
  });
  const utterance = await runUtterance(deps, request, {
    writer: multipartParts,
    owner: c.var.clientKey,
    log: c.var.log,
    startedAtMs,
  });
  return c.body(utterance.body, 200, utterance.headers);
}

/**
 * Answers `DELETE /v1/utterances/:id`: cancels a running utterance of the
 * caller, on this replica or, through the shared store, on another.
 *
 * @param c The request context.
 * @param deps The registry.
 * @returns 204.
 * @throws {ProblemError} 404 when the caller has no running utterance with
 * this id; 503 when it does not run here and the shared store is down.
 */
export async function cancelHandler(
  c: Context<AppEnv>,
  deps: Pick<UtteranceDeps, "utterances">,
): Promise<Response> {
  const id = c.req.param("id") ?? "";
  let cancelled: boolean;
  try {
    cancelled = await deps.utterances.cancel(id, c.var.clientKey);
  } catch (error) {
    if (!(error instanceof SharedStoreUnavailableError)) throw error;
    throw problem(503, "store-unavailable", {
      detail:
        "The utterance does not run on this replica and the shared store cannot be reached",
      headers: { "Retry-After": "1" },
    });
  }
  if (!cancelled) {
    throw problem(404, "unknown-utterance", {
      detail: "No running utterance with this id",
    });
  }
  return c.body(null, 204);
}

/**
 * Creates the speak routes.
 *
 * @param deps Services, schemas, limits and instruments.
 * @returns The sub-app.
 */
export function speakRoutes(deps: SpeakDeps): Hono<AppEnv> {
  const speak = speakRoute(deps.schemas);
  const cancel = cancelUtteranceRoute;
  return new Hono<AppEnv>()
    .on(
      speak.method,
      speak.getRoutingPath(),
      requireContentType(bodyTypes(speak)),
      deps.streamLimit,
      (c) => speakHandler(c, deps),
    )
    .on(
      cancel.method,
      cancel.getRoutingPath(),
      (c) => cancelHandler(c, deps),
    );
}
