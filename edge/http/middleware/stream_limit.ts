/**
 * Stream slots for streaming routes: a slot is taken before the handler runs
 * (429 + `Retry-After` when none is free) and given back when the response
 * body ends, errors or is cancelled by the client, or at once for a response
 * without a body or an error.
 *
 * A client that stops reading must not hold its slot forever: once a part
 * is handed to the runtime, the next pull must come within the write
 * deadline, or the stream is evicted (the source is cancelled, which stops
 * the utterance, and the slot is freed).
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { problem } from "../problem.ts";
import type { StreamSlots } from "../stream_slots.ts";

/** Options for {@linkcode streamLimit}. */
export interface StreamLimitOptions {
  /** `Retry-After` seconds of 429 responses. @default {1} */
  retryAfterSeconds?: number;
  /** Longest wait for a client to take the next part, ms; 0 turns eviction off. @default {0} */
  writeDeadlineMs?: number;
  /** Called when a slow reader is evicted. */
  onEvict?: () => void;
}

/**
 * Creates the stream-limit middleware. It reads the caller from
 * `c.var.clientKey`, so `apiKey` must run first.
 *
 * @param slots The shared slot tracker.
 * @param options Retry-After and the write deadline.
 * @returns The middleware.
 *
 * @example The slot is held until the body has been read
 * ```ts
 * import { Hono } from "hono";
 * import type { AppEnv } from "../app_env.ts";
 * import { StreamSlots } from "../stream_slots.ts";
 * import { apiKey } from "./api_key.ts";
 * import { problemErrors } from "./problem_errors.ts";
 * import { streamLimit } from "./stream_limit.ts";
 * import assert from "node:assert/strict";
 *
 * const slots = new StreamSlots({ global: 1, perKey: 1 });
 * const app = new Hono<AppEnv>();
 * app.onError(problemErrors());
 * app.use(apiKey([]));
 * app.get("/stream", streamLimit(slots), (c) => c.body(ReadableStream.from([new Uint8Array(4)])));
 * const first = await app.request("/stream");
 * assert.equal(slots.active, 1);
 * const second = await app.request("/stream");
 * assert.equal(second.status, 429);
 * assert.equal((await second.json()).type, "urn:lipstream:problem:too-many-streams");
 * assert.equal((await first.bytes()).length, 4);
 * assert.equal(slots.active, 0);
 * ```
 */
export function streamLimit(
  slots: StreamSlots,
  options: StreamLimitOptions = {},
): MiddlewareHandler<AppEnv> {
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  const deadlineMs = options.writeDeadlineMs ?? 0;
  return async function streamLimit(c, next) {
    const client = c.var.clientKey;
    const release = slots.tryAcquire(client);
    if (typeof release !== "function") {
      throw problem(429, "too-many-streams", {
        detail: release === "global"
          ? `The server is at its limit of ${slots.limits.global} concurrent streams`
          : client.startsWith("key:")
          ? `This API key is at its limit of ${slots.limits.perKey} concurrent streams`
          : `This client address is at its limit of ${slots.limits.perKey} concurrent streams`,
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
    c.res = new Response(
      withFinalizer(body, release, deadlineMs, () => {
        c.var.log?.warn("slow reader evicted", {
          write_deadline_ms: deadlineMs,
        });
        options.onEvict?.();
      }),
      c.res,
    );
  };
}

/**
 * Re-streams `body`, calling `final` once when it ends, errors or is
 * cancelled, and cancelling it when the reader does not ask for the next
 * chunk within `deadlineMs` of the last one.
 */
function withFinalizer(
  body: ReadableStream<Uint8Array>,
  final: () => void,
  deadlineMs: number,
  onEvict: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  function end() {
    ended = true;
    clearTimeout(timer);
    final();
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      clearTimeout(timer);
      try {
        const { done, value } = await reader.read();
        if (ended) return;
        if (done) {
          end();
          controller.close();
          return;
        }
        controller.enqueue(value);
        if (deadlineMs > 0) {
          timer = setTimeout(() => {
            if (ended) return;
            end();
            onEvict();
            const reason = new DOMException(
              `The client did not read for ${deadlineMs} ms`,
              "TimeoutError",
            );
            controller.error(reason);
            reader.cancel(reason).catch(() => {});
          }, deadlineMs);
        }
      } catch (error) {
        if (ended) return;
        end();
        controller.error(error);
      }
    },
    async cancel(reason) {
      end();
      await reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
