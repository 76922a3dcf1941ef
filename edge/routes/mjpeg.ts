/**
 * `GET /v1/speak.mjpeg?text=…&voice=…&avatar=…`: frames only, as
 * `multipart/x-mixed-replace` for an `<img>` tag, paced at the frame rate.
 *
 * Every part carries `Content-Length`, `X-Frame-Index` and `X-Pts-Ms`, and the
 * stream never ends with an empty part. Latency trick: the route looks one
 * frame ahead, so right after each JPEG (sent at its presentation time) the
 * next part's delimiter and headers go out, because Chrome shows a part only
 * once the next part's headers arrive and Firefox once the next boundary line
 * does.
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
import type { AppEnv } from "../http/app_env.ts";
import type { EdgeMetrics } from "../metrics.ts";
import type {
  LipSyncService,
  SpeechService,
  VideoFrame,
} from "../pipeline/types.ts";
import { limitAudio } from "../pipeline/audio_limit.ts";
import { runUtterance } from "../pipeline/utterance.ts";
import type { RequestSchemas } from "../http/schemas.ts";
import {
  ShutdownError,
  type UtteranceRegistry,
} from "../pipeline/utterances.ts";
import { resolveAvatar, resolveVoice } from "./resolve.ts";
import { mjpegRoute } from "./mjpeg_contract.ts";

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
  /** Longest audio of one text, s. @default {Infinity} */
  maxAudioSeconds?: number;
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
  const route = mjpegRoute(deps.schemas);
  return new Hono<AppEnv>().on(
    route.method,
    route.getRoutingPath(),
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
          limitAudio(
            deps.speech.synthesize({
              text: query.text,
              voiceId: voice.id,
              ...(query.speaker === undefined
                ? {}
                : { speaker: query.speaker }),
              ...(query.language === undefined
                ? {}
                : { language: query.language }),
              ...(query.speed === undefined ? {} : { speed: query.speed }),
            }, { signal }),
            deps.maxAudioSeconds ?? Infinity,
            "/text",
          ),
      }, { signal: controller.signal, stepTimeoutMs: deps.backendTimeoutMs })[
        Symbol.asyncIterator
      ]();
      // The first audio is awaited before the response starts, so a text the
      // voice cannot speak (or any failure before the first audio) gets its
      // 4xx/5xx status; an image stream has no error part later.
      let first: Awaited<ReturnType<typeof events.next>> | undefined;
      try {
        do first = await events.next(); while (
          !first.done && first.value.type === "start"
        );
      } catch (error) {
        unregister();
        controller.abort(error);
        throw error;
      }
      const boundary = createMultipartBoundary();
      const delimiter = encodeMultipartDelimiter(boundary);
      // RFC 2046 §5.1.1: the CRLF after the close delimiter belongs to an
      // optional epilogue; ffmpeg's mpjpeg demuxer reads that CRLF as the
      // start of another part ("Invalid data found"), so it is left out.
      const close = encodeMultipartCloseDelimiter(boundary).subarray(0, -2);
      const head = (frame: VideoFrame) =>
        encodeMultipartHeaders({
          "Content-Type": "image/jpeg",
          "Content-Length": frame.jpeg.length,
          "X-Frame-Index": frame.index,
          "X-Pts-Ms": Math.round(frame.ptsMs * 10) / 10,
        });
      async function nextFrame(): Promise<VideoFrame | undefined> {
        while (true) {
          const result = first ?? await events.next();
          first = undefined;
          if (result.done) return undefined;
          if (result.value.type === "frame") return result.value.frame;
        }
      }
      let clockStartMs: number | undefined;
      let opened = false;
      /** The frame whose headers went out and whose body is due next. */
      let pending: VideoFrame | undefined;
      let ended = false;
      let cancelled = false;
      const end = (out: ReadableStreamDefaultController<Uint8Array>) => {
        ended = true;
        out.close();
        unregister();
      };
      const stream = new ReadableStream<Uint8Array>({
        async pull(out) {
          try {
            if (!opened) {
              opened = true;
              pending = await nextFrame();
              // The first delimiter has no leading CRLF; no frame: no parts.
              out.enqueue(
                pending === undefined
                  ? close.subarray(2)
                  : concat(delimiter.subarray(2), head(pending)),
              );
              if (pending === undefined) end(out);
              return;
            }
            const frame = pending!;
            const following = await nextFrame();
            clockStartMs ??= deps.now() - frame.ptsMs;
            await sleep(
              clockStartMs + frame.ptsMs - deps.now(),
              controller.signal,
            );
            deps.metrics.frames.inc();
            pending = following;
            if (following === undefined) {
              out.enqueue(
                concat(frame.jpeg, close),
              );
              end(out);
            } else {
              out.enqueue(concat(frame.jpeg, delimiter, head(following)));
            }
          } catch (error) {
            if (cancelled) return; // the client is gone: nothing to finish
            // Status is fixed and an image stream has no error part: finish
            // the part whose headers went out, then close.
            if (!(controller.signal.reason instanceof ShutdownError)) {
              c.var.log.warn("mjpeg stream ended early", { error });
            }
            if (ended) return;
            const body = pending?.jpeg ?? new Uint8Array();
            pending = undefined;
            out.enqueue(
              opened && body.length > 0
                ? concat(body, close)
                : close.subarray(2),
            );
            end(out);
          }
        },
        cancel(reason) {
          cancelled = true;
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

function concat(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
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
