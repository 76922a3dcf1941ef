/**
 * RFC 9457 problem details: the one error shape of the API, and the mapping
 * from thrown errors (validation, limits, backend failures) to it. Causes are
 * logged by the error handler; stacks and internal messages never reach the client.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457
 * @module
 */

import { HTTPException } from "hono/http-exception";
import { defined, InferenceError } from "@lipstream/shared";
import { z } from "zod";
import { TextFrontEndError } from "../text/text_front_end_error.ts";

/** The media type of problem bodies. */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** An RFC 9457 problem details object. */
export interface ProblemDetails {
  /** A URI naming the problem type (`about:blank` when the status says it all). */
  type: string;
  /** A short summary of the type. */
  title: string;
  /** The HTTP status. */
  status: number;
  /** What went wrong with this request. */
  detail?: string;
  /** Extension members (e.g. `errors`, `request_id`). */
  [extension: string]: unknown;
}

/** An error that becomes a given problem response. */
export class ProblemError extends Error {
  /** The problem body. */
  readonly problem: ProblemDetails;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * Creates the error.
   *
   * @param problem The body; `detail` doubles as the message.
   * @param options Extra headers and the cause.
   */
  constructor(
    problem: ProblemDetails,
    options: { headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(problem.detail ?? problem.title, { cause: options.cause });
    this.name = "ProblemError";
    this.problem = problem;
    this.headers = options.headers ?? {};
  }
}

/**
 * Builds a problem error of a Lipstream problem type.
 *
 * @param status The HTTP status.
 * @param slug The type's short name, e.g. `unknown-voice` (URI `urn:lipstream:problem:unknown-voice`).
 * @param options Title, detail, extensions, headers and cause.
 * @returns The error, to throw.
 *
 * @example An unknown voice
 * ```ts
 * import { problem } from "@lipstream/edge/problem";
 * import assert from "node:assert/strict";
 *
 * const error = problem(404, "unknown-voice", { detail: "No voice 'x'" });
 * assert.equal(error.problem.status, 404);
 * assert.equal(error.problem.type, "urn:lipstream:problem:unknown-voice");
 * assert.equal(error.problem.title, "Not Found");
 * ```
 */
export function problem(
  status: number,
  slug: string,
  options: {
    title?: string;
    detail?: string;
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
    cause?: unknown;
  } = {},
): ProblemError {
  return new ProblemError(
    {
      type: `urn:lipstream:problem:${slug}`,
      title: options.title ?? STATUS_TITLES[status] ?? "Error",
      status,
      ...defined({ detail: options.detail }),
      ...options.extensions,
    },
    {
      ...(options.headers ? { headers: options.headers } : {}),
      cause: options.cause,
    },
  );
}

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Seconds a client should wait after a 503 from an unready backend. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * Maps any thrown value to a problem error: `ProblemError` as it is, zod
 * failures to 400 with every field path, hono `HTTPException`s to their
 * status, `InferenceError`s by kind (unreachable or model missing 503 +
 * `Retry-After`, timeout 504, failed or malformed answer 502, unsupported 501),
 * `TextFrontEndError`s to 4xx by code (422 `nothing-to-speak`, 404 unknown
 * voice or speaker, 400 otherwise) with the request field in `errors[].path`,
 * anything else to a bare 500.
 *
 * @param error What was thrown.
 * @returns The problem error to answer with.
 *
 * @example Backend kinds become statuses
 * ```ts
 * import { toProblemError } from "@lipstream/edge/problem";
 * import { InferenceError } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toProblemError(new InferenceError("timeout", "slow")).problem.status, 504);
 * const unavailable = toProblemError(new InferenceError("unavailable", "down"));
 * assert.equal(unavailable.problem.status, 503);
 * assert.equal(unavailable.headers["Retry-After"], "5");
 * assert.equal(toProblemError(new Error("secret")).problem.detail, undefined);
 * ```
 */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof z.ZodError) return fromZodError(error);
  if (error instanceof InferenceError) return fromInferenceError(error);
  if (error instanceof TextFrontEndError) return fromTextFrontEndError(error);
  if (error instanceof HTTPException) {
    return problem(error.status, slugOf(error.status), {
      detail: error.message || STATUS_TITLES[error.status] || "Error",
      cause: error,
    });
  }
  return problem(500, "internal", { cause: error });
}

/** The field paths and messages of a zod failure, as a 400 problem. */
function fromZodError(error: z.ZodError): ProblemError {
  const errors = error.issues.map((issue) => ({
    path: `/${issue.path.map(String).join("/")}`,
    message: issue.message,
  }));
  return problem(400, "invalid-request", {
    detail: `Invalid request: ${
      errors.map((e) => `${e.path}: ${e.message}`).join("; ")
    }`,
    extensions: { errors },
    cause: error,
  });
}

/** Request field names as the API spells them (the front end's are camelCase). */
const REQUEST_FIELDS: Record<string, string> = {
  noiseScale: "noise_scale",
  noiseW: "noise_scale_w",
};

const TEXT_FRONT_END_PROBLEMS: Record<
  TextFrontEndError["code"],
  [status: number, slug: string]
> = {
  nothing_to_speak: [422, "nothing-to-speak"],
  text_too_long: [400, "text-too-long"],
  unknown_voice: [404, "unknown-voice"],
  unknown_speaker: [404, "unknown-speaker"],
  unknown_language: [400, "unsupported-language"],
  unsupported_language: [400, "unsupported-language"],
  invalid_option: [400, "invalid-request"],
};

function fromTextFrontEndError(error: TextFrontEndError): ProblemError {
  const [status, slug] = TEXT_FRONT_END_PROBLEMS[error.code] ??
    [400, "invalid-request"];
  const path = `/${REQUEST_FIELDS[error.field] ?? error.field}`;
  return problem(status, slug, {
    detail: error.message,
    extensions: {
      errors: [{ path, message: error.message }],
      ...defined({
        voice: error.voice,
        character: error.character,
        cleaner: error.cleaner,
      }),
    },
    cause: error,
  });
}

function fromInferenceError(error: InferenceError): ProblemError {
  switch (error.kind) {
    case "unavailable":
      return problem(503, "backend-unavailable", {
        detail: "The inference backend is not ready",
        headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_S) },
        cause: error,
      });
    case "timeout":
      return problem(504, "backend-timeout", {
        detail: "The inference backend did not answer in time",
        cause: error,
      });
    // The edge validated the request before the backend saw it: a backend
    // that rejects it, fails, or answers something unreadable (a tensor of
    // the wrong shape, a body that is not KServe) is a bad gateway.
    case "invalid_argument":
    case "internal":
      return problem(502, "backend-bad-response", {
        detail: "The inference backend failed or answered malformed data",
        cause: error,
      });
    // A model the edge needs is missing: a backend still loading or being
    // restarted, so worth a retry.
    case "not_found":
      return problem(503, "model-not-ready", {
        detail: "A model needed for this request is not available",
        headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_S) },
        cause: error,
      });
    case "unsupported":
      return problem(501, "unsupported", {
        detail: "The backend does not support this request",
        cause: error,
      });
    case "cancelled":
      return problem(503, "cancelled", {
        detail: "The request was cancelled",
        cause: error,
      });
    default:
      return problem(500, "internal", { cause: error });
  }
}

function slugOf(status: number): string {
  return (STATUS_TITLES[status] ?? "error").toLowerCase().replaceAll(" ", "-");
}

/**
 * Renders a problem as an `application/problem+json` response.
 *
 * @param error The problem error.
 * @param options Extensions added to the body (e.g. `request_id`).
 * @returns The response.
 *
 * @example
 * ```ts
 * import { problem, problemResponse } from "@lipstream/edge/problem";
 * import assert from "node:assert/strict";
 *
 * const response = problemResponse(problem(429, "too-many-streams", {
 *   headers: { "Retry-After": "1" },
 * }));
 * assert.equal(response.status, 429);
 * assert.equal(response.headers.get("content-type"), "application/problem+json");
 * assert.equal(response.headers.get("retry-after"), "1");
 * assert.equal((await response.json()).title, "Too Many Requests");
 * ```
 */
export function problemResponse(
  error: ProblemError,
  options: { extensions?: Record<string, unknown> } = {},
): Response {
  const body = { ...error.problem, ...options.extensions };
  return new Response(JSON.stringify(body), {
    status: error.problem.status,
    headers: { ...error.headers, "Content-Type": PROBLEM_CONTENT_TYPE },
  });
}
