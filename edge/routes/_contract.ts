/**
 * Pieces every route contract shares: the RFC 9457 problem body, the error
 * responses by status, and the two security requirements (a Bearer key, or
 * none). A contract is a `createRoute()` of `@hono/zod-openapi`: the route
 * file registers it (`.on(route.method, route.getRoutingPath(), …)`) and
 * `openapi.ts` builds the document from the same object.
 *
 * @module
 */

import { z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE } from "../http/problem.ts";

/** The name of the Bearer scheme in `components.securitySchemes`. */
export const BEARER_SCHEME = "bearerAuth";

/** `/v1/*`: a key from `API_KEYS` as `Authorization: Bearer <key>`. */
export const BEARER: Record<string, string[]>[] = [{ [BEARER_SCHEME]: [] }];

/** Public routes: no key (the empty requirement), or a key that shows more. */
export const OPTIONAL_BEARER: Record<string, string[]>[] = [
  {},
  { [BEARER_SCHEME]: [] },
];

/** An RFC 9457 problem details body, as `edge/http/problem.ts` writes it. */
export const ProblemSchema = z.object({
  type: z.string().describe("`urn:lipstream:problem:<slug>`"),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  request_id: z.string().optional(),
  errors: z.array(z.object({
    path: z.string().describe("JSON pointer of the field, e.g. `/text`"),
    message: z.string(),
  })).optional().describe("One entry per invalid field"),
}).openapi("Problem");

const RETRY_AFTER = {
  "Retry-After": {
    description: "Seconds to wait before trying again",
    schema: { type: "integer" as const, minimum: 0 },
  },
};

/** What each error status means on this API. */
const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request: `errors` names each field (`/text`, `/audio`, …)",
  401:
    "Missing or unknown `Authorization: Bearer` key (when the server has `API_KEYS`)",
  404: "Unknown voice, speaker, avatar or utterance",
  408: "The request body did not arrive in time",
  413: "The body or the audio it makes is too long",
  415: "Unsupported `Content-Type`",
  422: "The text has nothing the voice can speak",
  429: "No stream slot free (`Retry-After`)",
  501: "The backend does not support this request",
  502: "The inference backend failed or answered malformed data",
  503:
    "The backend or a model is not ready, or the server is shutting down (`Retry-After`)",
  504: "The inference backend did not answer in time",
};

/**
 * The problem+json responses of the given statuses.
 *
 * @param statuses The HTTP statuses, each with a problem body.
 * @returns The `responses` entries.
 *
 * @example A 404 answers with a problem body
 * ```ts
 * import { problemResponses } from "./_contract.ts";
 * import assert from "node:assert/strict";
 *
 * const responses = problemResponses(404);
 * assert.deepEqual(Object.keys(responses[404].content), ["application/problem+json"]);
 * ```
 */
export function problemResponses<const S extends number>(
  ...statuses: S[]
): Record<
  S,
  {
    description: string;
    headers?: typeof RETRY_AFTER;
    content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof ProblemSchema } };
  }
> {
  return Object.fromEntries(statuses.map((status) => [status, {
    description: PROBLEM_DESCRIPTIONS[status] ?? "Error",
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
  }])) as never;
}

/** Failures a route that runs the inference backend answers before its body starts. */
export const BACKEND_STATUSES = [501, 502, 503, 504] as const;

/** A binary body or part. */
export const Binary = z.string().openapi({ format: "binary" });

/**
 * The request media types a route's contract declares, for `requireContentType`.
 *
 * @param route A route with a request body.
 * @returns Its media types.
 *
 * @example
 * ```ts
 * import { bodyTypes } from "./_contract.ts";
 * import assert from "node:assert/strict";
 *
 * const route = { request: { body: { content: { "application/json": {} } } } };
 * assert.deepEqual(bodyTypes(route), ["application/json"]);
 * ```
 */
export function bodyTypes(
  route: { request: { body: { content: Record<string, unknown> } } },
): string[] {
  return Object.keys(route.request.body.content);
}
