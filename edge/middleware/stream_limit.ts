/**
 * Stream slots for streaming routes: a slot is taken before the handler runs
 * (429 + `Retry-After` when none is free) and given back when the response
 * body ends, errors or is cancelled by the client, or at once for a response
 * without a body or an error.
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { problem } from "../problem.ts";
import type { StreamSlots } from "../stream_slots.ts";

/**
 * Creates the stream-limit middleware.
 *
 * @param slots The shared slot tracker.
 * @param options `retryAfterSeconds` for 429 responses. @default {1}
 * @returns The middleware.
 */
export function streamLimit(
  slots: StreamSlots,
  options: { retryAfterSeconds?: number } = {},
): MiddlewareHandler<AppEnv> {
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  return async function streamLimit(c, next) {
    const release = slots.tryAcquire(c.var.clientKey);
    if (typeof release !== "function") {
      throw problem(429, "too-many-streams", {
        detail: release === "global"
          ? "The server is at its limit of concurrent streams"
          : "This API key is at its limit of concurrent streams",
        headers: { "Retry-After": retryAfter },
      });
    }
    try {
      await next();
    } catch (error) {
      release();
      throw error;
    }
    const body = c.res.body;
    if (!body || c.res.status >= 400) {
      release();
      return;
    }
    c.res = new Response(withFinalizer(body, release), c.res);
  };
}

/** Re-streams `body`, calling `final` once when it ends, errors or is cancelled. */
function withFinalizer(
  body: ReadableStream<Uint8Array>,
  final: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          final();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        final();
        controller.error(error);
      }
    },
    async cancel(reason) {
      final();
      await reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
