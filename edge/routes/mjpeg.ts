/**
 * `GET /v1/speak.mjpeg?text=…&voice=…&avatar=…`: frames only, as
 * `multipart/x-mixed-replace` for an `<img>` tag, paced at the frame rate.
 *
 * Latency trick (specs E): right after each JPEG the next part's delimiter and
 * headers are written (without `Content-Length`, unknown yet), because Chrome
 * shows a part only once the next part's headers arrive and Firefox once the
 * next boundary line does.
 *
 * @module
 */

import { optional } from "./_optional.ts";
import { Hono } from "hono";
import type { MiddlewareHandler } from "hono";
import {
  createMultipartBoundary,
  encodeMultipartCloseDelimiter,
  encodeMultipartDelimiter,
  encodeMultipartHeaders,
} from "@lipstream/shared";
import type { AppEnv } from "../app_env.ts";
import type { EdgeMetrics } from "../metrics.ts";
import type { LipSyncService, SpeechService } from "../pipeline/types.ts";
import { runUtterance } from "../pipeline/utterance.ts";
import type { RequestSchemas } from "../schemas.ts";
import type { UtteranceRegistry } from "../utterances.ts";
import { resolveAvatar, resolveVoice } from "./resolve.ts";

/** What the MJPEG route needs. */
export interface MjpegDeps {
  /** Text to speech. */
  speech: SpeechService;
  /** Audio to frames. */
  lipSync: LipSyncService;
  /** Request schemas. */
  schemas: RequestSchemas;
  /** Instruments. */
  metrics: EdgeMetrics;
  /** Stream-slot middleware. */
  streamLimit: MiddlewareHandler<AppEnv>;
  /** Longest wait for one backend step. */
  backendTimeoutMs: number;
  /** Default frame rate. */
  defaultFps: number;
  /** The clock in milliseconds. */
  now: () => number;
  /** Running utterances (a graceful stop waits for these streams too). */
  utterances: UtteranceRegistry;
}

/**
 * Creates the MJPEG route.
 *
 * @param deps Services, schemas and limits.
 * @returns The sub-app.
 */
export function mjpegRoutes(deps: MjpegDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get(
    "/v1/speak.mjpeg",
    deps.streamLimit,
    async (c) => {
      const query = deps.schemas.mjpeg.parse(c.req.query());
      const voice = await resolveVoice(deps.speech, query);
      const avatar = await resolveAvatar(deps.lipSync, query.avatar);
      const fps = query.fps ?? deps.defaultFps;
      const controller = new AbortController();
      const unregister = deps.utterances.add(crypto.randomUUID(), {
        owner: c.var.clientKey,
        controller,
      });
      const events = runUtterance(deps.lipSync, {
        avatarId: avatar.id,
        fps,
        ...optional("jpegQuality", query.jpeg_quality),
        ...optional("sessionId", query.session),
        ...optional("idlePosition", query.idle_position),
        audio: (signal) =>
          deps.speech.synthesize({
            text: query.text,
            voiceId: voice.id,
            ...(query.speaker === undefined ? {} : { speaker: query.speaker }),
            ...(query.language === undefined
              ? {}
              : { language: query.language }),
            ...(query.speed === undefined ? {} : { speed: query.speed }),
          }, { signal }),
      }, { signal: controller.signal, stepTimeoutMs: deps.backendTimeoutMs })[
        Symbol.asyncIterator
      ]();
      const boundary = createMultipartBoundary();
      const nextHead = concat(
        encodeMultipartDelimiter(boundary),
        encodeMultipartHeaders({ "Content-Type": "image/jpeg" }),
      );
      let clockStartMs: number | undefined;
      let opened = false;
      const stream = new ReadableStream<Uint8Array>({
        async pull(out) {
          if (!opened) {
            opened = true;
            out.enqueue(nextHead.subarray(2)); // the first delimiter has no leading CRLF
            return;
          }
          try {
            while (true) {
              const result = await events.next();
              if (result.done) {
                out.enqueue(encodeMultipartCloseDelimiter(boundary));
                out.close();
                unregister();
                return;
              }
              const event = result.value;
              if (event.type !== "frame") continue;
              clockStartMs ??= deps.now() - event.frame.ptsMs;
              await sleep(
                clockStartMs + event.frame.ptsMs - deps.now(),
                controller.signal,
              );
              deps.metrics.frames.inc();
              out.enqueue(concat(event.frame.jpeg, nextHead));
              return;
            }
          } catch (error) {
            // Status is fixed and an image stream has no error part: close it.
            c.var.log.warn("mjpeg stream ended early", { error });
            out.enqueue(encodeMultipartCloseDelimiter(boundary));
            out.close();
            unregister();
          }
        },
        cancel(reason) {
          unregister();
          controller.abort(reason);
          Promise.resolve(events.return?.(undefined)).catch(() => {});
        },
      }, { highWaterMark: 0 });
      return c.body(stream, 200, {
        "Content-Type": `multipart/x-mixed-replace; boundary=${boundary}`,
        "Cache-Control": "no-store",
        "X-Accel-Buffering": "no",
      });
    },
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
