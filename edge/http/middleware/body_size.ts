/**
 * Request body limits: a size limit (413) and a read deadline (408). The
 * body is never read ahead: a declared `Content-Length` over the limit is
 * refused at once, and otherwise the body is wrapped so its bytes are
 * counted, and timed, as the handler reads them. So a request refused
 * earlier (a bad API key, a full server) never has its body taken in, and a
 * client that stops sending mid-body is dropped after the deadline instead
 * of holding the connection. A client that disconnects mid-body ends as a
 * 400 `incomplete-body` (logged at debug), not as a server error.
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { problem, ProblemError } from "../problem.ts";

/** Options for {@linkcode bodySize}. */
export interface BodyLimitOptions {
  /** Longest time to receive the whole body from the first read, ms; 0 turns it off. @default {0} */
  readTimeoutMs?: number;
}

/**
 * Creates the body-limit middleware.
 *
 * @param maxBytes The largest accepted body.
 * @param options The read deadline.
 * @returns The middleware.
 *
 * @example Refused when declared too large, or when the bytes read pass the limit
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../app_env.ts";
 * import { bodySize } from "./body_size.ts";
 * import { problemErrors } from "./problem_errors.ts";
 * import assert from "node:assert/strict";
 *
 * const app = new Hono<AppEnv>();
 * app.onError(problemErrors());
 * app.use(bodySize(8));
 * app.post("/echo", async (c) => c.text(await c.req.text()));
 * const short = await app.request("/echo", { method: "POST", body: "short" });
 * assert.equal(await short.text(), "short");
 * const declared = await app.request("/echo", {
 *   method: "POST",
 *   headers: { "Content-Length": "100" },
 *   body: "x",
 * });
 * assert.equal(declared.status, 413);
 * await declared.body?.cancel();
 * const counted = await app.request("/echo", { method: "POST", body: "far too long" });
 * assert.equal(counted.status, 413);
 * assert.equal((await counted.json()).type, "urn:lipstream:problem:payload-too-large");
 * ```
 */
export function bodySize(
  maxBytes: number,
  options: BodyLimitOptions = {},
): MiddlewareHandler {
  const timeoutMs = options.readTimeoutMs ?? 0;
  const tooLarge = () =>
    problem(413, "payload-too-large", {
      detail: `The request body exceeds ${maxBytes} bytes`,
    });
  return async function bodySize(c, next) {
    const raw = c.req.raw;
    if (!raw.body) return await next();
    const declared = raw.headers.get("content-length");
    if (
      declared !== null && !raw.headers.has("transfer-encoding") &&
      Number(declared) > maxBytes
    ) {
      throw tooLarge();
    }
    c.req.raw = new Request(raw, {
      body: limitedBody(raw.body, maxBytes, timeoutMs, tooLarge),
      duplex: "half",
    } as RequestInit);
    await next();
  };
}

function limitedBody(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
  tooLarge: () => ProblemError,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  let deadline: Promise<never> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fail = (
    controller: ReadableStreamDefaultController,
    error: unknown,
  ) => {
    clearTimeout(timer);
    reader.cancel(error).catch(() => {});
    controller.error(error);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (deadline === undefined && timeoutMs > 0) {
        deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(problem(408, "request-timeout", {
                detail:
                  `The request body did not arrive within ${timeoutMs} ms`,
              })),
            timeoutMs,
          );
        });
        deadline.catch(() => {});
      }
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await (deadline
          ? Promise.race([reader.read(), deadline])
          : reader.read());
      } catch (error) {
        return fail(
          controller,
          error instanceof ProblemError ? error : problem(
            400,
            "incomplete-body",
            {
              detail: "The request body ended before it was complete",
              cause: error,
            },
          ),
        );
      }
      if (result.done) {
        clearTimeout(timer);
        controller.close();
        return;
      }
      size += result.value.length;
      if (size > maxBytes) return fail(controller, tooLarge());
      controller.enqueue(result.value);
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
